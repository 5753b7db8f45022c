/** Polls /healthz back to back until stopped; the slowest answer is what a load balancer would have seen. */
export function watchHealth(url: string): { stop(): Promise<{ maxMs: number; polls: number }> } {
  let running = true;
  let maxMs = 0;
  let polls = 0;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      maxMs = Math.max(maxMs, performance.now() - t0);
      polls++;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { maxMs, polls };
    },
  };
}
