/**
 * Counts refusals of one kind and logs them at most once per `everyMs`, summed by address: a
 * flood of thousands of refusals costs a counter each, not a log line each.
 */
export class RefusalLog {
  private readonly counts = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  /** refusals since start, for /metrics */
  total = 0;

  constructor(
    private readonly what: string,
    private readonly log: (msg: string) => void,
    private readonly everyMs = 10_000,
  ) {}

  refused(address: string): void {
    this.total++;
    // bounded: past 1,000 addresses in one period the rest are summed under one key
    const key = this.counts.has(address) || this.counts.size < 1000 ? address : 'other addresses';
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.timer) return;
    this.flush();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.counts.size > 0) this.flush();
    }, this.everyMs);
    this.timer.unref();
  }

  private flush(): void {
    const top = [...this.counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const sum = [...this.counts.values()].reduce((a, b) => a + b, 0);
    this.counts.clear();
    this.log(`refused ${sum} ${this.what} (${top.map(([a, n]) => `${a}: ${n}`).join(', ')}${this.counts.size > 5 ? ', …' : ''})`);
  }
}
