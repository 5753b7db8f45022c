import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idleConnections, rawRequest, sendRaw, unauthenticatedEngine, unauthenticatedFlood, upgradeAnswer } from './attacks/access';
import { spawnPlenary, type PlenaryChild } from './helpers/child';
import { cmd, createSitting, ioClient, startTestServer, yClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';
import { startRedis } from './helpers/redisServer';
import { WebSocket } from 'ws';

let child: PlenaryChild | null = null;
const attackers: { close(): void }[] = [];
const watchers: { stop(): Promise<number> }[] = [];

afterEach(async () => {
  for (const w of watchers.splice(0)) await w.stop();
  for (const s of attackers.splice(0)) s.close();
  await child?.stop();
  child = null;
});

/**
 * Polls /healthz every 100 ms from a process of its own (so that the attacker's work in this one
 * does not count) until stopped; the slowest answer, in ms (Infinity when one failed).
 */
function watchHealth(url: string): { stop(): Promise<number> } {
  const script = `const t=setInterval(async()=>{const a=performance.now();try{const r=await fetch(${JSON.stringify(url + '/healthz')},{signal:AbortSignal.timeout(5000)});await r.arrayBuffer();console.log(r.ok?performance.now()-a:'failed '+r.status)}catch(e){console.log('failed '+(e.cause?.code??e.message))}},100);process.stdin.on('end',()=>{clearInterval(t)});process.stdin.resume();`;
  const proc = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let closed = false;
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.once('close', () => (closed = true));
  const watcher = {
    stop: async () => {
      // at least one answer (or failure) to judge by
      await waitFor(() => closed || out.includes('\n'), 5000, '/healthz was never polled').catch(() => {});
      // 'close', not 'exit': what it printed last is read by then
      if (!closed) {
        proc.stdin.end();
        await new Promise((r) => proc.once('close', r));
      }
      const lines = out.trim().split('\n').filter(Boolean);
      const failures = lines.filter((l) => l.startsWith('failed'));
      if (failures.length > 0) console.log(`/healthz failed ${failures.length} times: ${[...new Set(failures)].join(', ')}`);
      const samples = lines.map((l) => (l.startsWith('failed') ? Infinity : Number(l)));
      return samples.length === 0 ? Infinity : Math.max(...samples);
    },
  };
  watchers.push(watcher);
  return watcher;
}

/** A Plenary process of its own (its event loop measured apart from the attacker's), with the demo sitting. */
async function plenary(env: Record<string, string> = {}): Promise<PlenaryChild> {
  child = await spawnPlenary({ PLENARY_DATA_DIR: mkdtempSync(join(tmpdir(), 'plenary-admission-')), ...env });
  return child;
}

/** How long the honest chair, from 127.0.0.1, takes to connect and have a command applied. */
async function chairCommands(p: PlenaryChild): Promise<number> {
  const at = performance.now();
  const chair = await ioClient(p, p.tokens.chair!);
  try {
    expect(await cmd(chair, 'agenda.add', { title: 'Still presiding' })).toMatchObject({ ok: true });
  } finally {
    chair.close();
  }
  return performance.now() - at;
}

describe('fair admission', () => {
  it('[K13] 2,000 unauthenticated Socket.IO connections from one address leave the chair, from another, connecting and commanding within a second', async () => {
    const p = await plenary();
    const health = watchHealth(p.url);
    const started = performance.now();
    const flood = await unauthenticatedFlood(p.wsUrl, '127.0.0.2', 2000, 100);
    attackers.push(...flood.sockets);
    const floodMs = performance.now() - started;
    // the flood's connections still wait to authenticate: the chair comes now
    const chairMs = await chairCommands(p);
    const sid = /\/s\/([^?]+)\?/.exec(p.output())![1]!;
    const observer = await yClient(p, `${sid}/communique`, p.tokens.observer!);
    observer.destroy();
    const slowestHealth = await health.stop();
    console.log(
      `[K13] 2,000 unauthenticated connections from 127.0.0.2 answered in ${Math.round(floodMs)} ms (${flood.admitted} let in, the others ${flood.statuses.join(', ')}); ` +
        `the chair from 127.0.0.1 connected and commanded in ${Math.round(chairMs)} ms; /healthz at most ${Math.round(slowestHealth)} ms`,
    );
    // past half of the budget (256) the address holds its share (32) and no more
    expect(flood.admitted).toBe(128);
    expect(chairMs).toBeLessThan(1000);
    expect(slowestHealth).toBeLessThan(1000);
  }, 90_000);
});

describe('whose address', () => {
  /** Fills half of the budget (128 of 256) from `first`, then tries one more from each of `then`. */
  const afterHalf = async (wsUrl: string, first: string, then: string[]) => {
    const filled = await Promise.all(Array.from({ length: 128 }, () => unauthenticatedEngine(wsUrl, '127.0.0.1', { 'X-Forwarded-For': first })));
    attackers.push(...filled.map((e) => e.ws));
    expect(filled.every((e) => e.admitted)).toBe(true);
    const out: boolean[] = [];
    for (const xff of then) {
      const e = await unauthenticatedEngine(wsUrl, '127.0.0.1', { 'X-Forwarded-For': xff });
      attackers.push(e.ws);
      out.push(e.admitted);
    }
    return out;
  };

  it('[K13] X-Forwarded-For is ignored unless PLENARY_TRUST_PROXY says a proxy stands in front', async () => {
    const t = await startTestServer();
    try {
      // a forged header does not buy a client another share
      expect(await afterHalf(t.wsUrl, '10.0.0.1', ['10.0.0.2', '10.0.0.3'])).toEqual([false, false]);
    } finally {
      for (const s of attackers.splice(0)) s.close();
      await t.close();
    }
  });

  it('[K13] behind one trusted proxy, each client address in X-Forwarded-For has its own share', async () => {
    const t = await startTestServer({ trustProxy: 1 });
    try {
      // the proxy appends the address it saw: only the last entry is believed
      expect(await afterHalf(t.wsUrl, '10.0.0.1', ['10.0.0.1', '10.0.0.2, 10.0.0.1', '10.0.0.1, 10.0.0.2'])).toEqual([false, false, true]);
    } finally {
      for (const s of attackers.splice(0)) s.close();
      await t.close();
    }
  });
});

describe('connections and file descriptors', () => {
  const isOpen = (c: { socket: { destroyed: boolean; readyState: string } }) => !c.socket.destroyed && c.socket.readyState === 'open';

  it('[K14] idle connections from one address beyond its share are refused at once with a 503 that says why; the chair, from another, is unaffected', async () => {
    const p = await plenary({ PLENARY_MAX_CONNECTIONS: '80', PLENARY_MAX_CONNECTIONS_PER_ADDRESS: '40' });
    const health = watchHealth(p.url);
    const idle = await idleConnections(Number(new URL(p.url).port), 200, '127.0.0.2');
    attackers.push(...idle.map((c) => ({ close: () => c.socket.destroy() })));
    const refused = idle.filter((c) => !isOpen(c) || c.socket.readableEnded);
    await waitFor(() => idle.filter(isOpen).length <= 40, 5000, 'the connections over the share were not closed');
    const answers = await Promise.all(idle.filter((c) => !isOpen(c)).map((c) => c.answer));
    expect(answers.length).toBeGreaterThanOrEqual(160);
    expect(answers.every((a) => a.startsWith('HTTP/1.1 503') && a.includes('The server is not taking more connections from your address'))).toBe(true);
    const chairMs = await chairCommands(p);
    const slowest = await health.stop();
    console.log(`[K14] 200 idle connections from 127.0.0.2 (cap 80, 40 per address): ${answers.length} refused with 503 at once (${refused.length} before the check); chair commanded in ${Math.round(chairMs)} ms; /healthz at most ${Math.round(slowest)} ms`);
    expect(chairMs).toBeLessThan(1000);
    expect(slowest).toBeLessThan(1000);
    expect(await (await fetch(`${p.url}/metrics`)).text()).toMatch(/^plenary_tcp_connections_refused (1[6-9]\d|[2-9]\d\d)$/m);
  }, 60_000);

  it('[K14] past the total cap every new connection gets the 503; an idle connection that never sends a request is closed after the headers timeout', async () => {
    const t = await startTestServer({ maxConnections: 30, maxConnectionsPerAddress: 30, headersTimeoutMs: 1000 });
    try {
      const links = await createSitting(t);
      const idle = await idleConnections(t.server.port, 30, '127.0.0.3');
      attackers.push(...idle.map((c) => ({ close: () => c.socket.destroy() })));
      // counted as the server accepts them: the next new connection is refused
      let res = { status: 0, body: '' };
      await waitFor(async () => (res = await sendRaw(t.server.port, rawRequest('/healthz'))).status === 503, 3000, 'no 503 past the total cap');
      expect(JSON.parse(res.body)).toEqual({ error: { code: 'UNAVAILABLE', message: 'The server is not taking more connections; retry in a moment' } });
      // the idle ones are dropped within the headers timeout (checked every second), and everyone gets in again
      await waitFor(() => idle.every((c) => !isOpen(c)), 5000, 'idle connections were not dropped');
      expect((await sendRaw(t.server.port, rawRequest('/healthz'))).status).toBe(200);
      const chair = await ioClient(t, links.links.chair.token);
      chair.close();
    } finally {
      await t.close();
    }
  }, 30_000);
});

describe('Yjs upgrades waiting their turn', () => {
  it('[K13] while the store is slow, 300 upgrades from one address take their share of the queue and no more; an upgrade from another address still gets in', async () => {
    const redis = await startRedis({ appendonly: false });
    const t = await startTestServer({ redisUrl: redis.url, nodeId: 'slow-store' });
    try {
      const links = await createSitting(t);
      const path = `/yjs/test-sitting/session?token=${links.links.observer.token}`;
      // the registry read of every upgrade now waits: upgrades pile up in the queue (R7)
      redis.process.kill('SIGSTOP');
      const flood = Array.from({ length: 300 }, () => upgradeAnswer(t.server.port, path, '127.0.0.2'));
      // what is over the address's share is refused at once, while the store still sleeps
      const answered: number[] = [];
      flood.forEach((p) => void p.then((s) => answered.push(s)));
      await waitFor(() => answered.length >= 300 - 128, 10_000, 'the upgrades over the share were not refused while the store was stopped');
      const honest = new WebSocket(`${t.wsUrl}${path}`);
      const honestAnswer = new Promise<number>((resolve) => {
        honest.once('open', () => resolve(101));
        honest.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        honest.once('error', () => resolve(0));
      });
      await new Promise((r) => setTimeout(r, 300));
      redis.process.kill('SIGCONT');
      expect(await honestAnswer).toBe(101);
      honest.close();
      const statuses = await Promise.all(flood);
      const refused = statuses.filter((s) => s === 503).length;
      console.log(`[K13] 300 upgrades from 127.0.0.2 while the store was stopped: ${300 - refused} admitted to the queue, ${refused} refused with 503; the honest upgrade from 127.0.0.1 got in`);
      expect(refused).toBe(300 - 128);
    } finally {
      redis.process.kill('SIGCONT');
      await t.close();
      await redis.stop();
    }
  }, 60_000);
});
