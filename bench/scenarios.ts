/**
 * The scenarios. Each makes one or more cases; each case runs once per server under test, on a
 * fresh server process. A scenario that cannot run here says why (`notRun`) and is reported so.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import {
  connectAll,
  GeneratorHealth,
  LightObserver,
  MeasureWindow,
  now,
  Probe,
  sleep,
  until,
  Writer,
  type GeneratorReport,
} from './generator';
import { encodeHistory, generateHistory, historyDigest, type History } from './history';
import { encodeUpdateMessage, EMPTY_STEP1 } from './protocol';
import { startTarget, withToken, type ProcUsage, type ServerUnderTest, type StartOptions, type TargetKind } from './servers';
import { Histogram, percentile, summarize } from './stats';
import { startRedis } from '../test/helpers/redisServer';

export interface BenchOptions {
  quick: boolean;
  /** measured seconds per broadcast case */
  seconds: number;
  /** unmeasured writing before the window, seconds */
  warmup: number;
  fanoutObservers: number[];
  fanoutRate: number;
  probes: number;
  writers: number;
  writerRate: number;
  writerObservers: number;
  joins: number;
  /** join storm: connections set up at once (0: all) */
  joinConcurrency: number;
  /** other scenarios: observers set up at once while preparing */
  connectConcurrency: number;
  history: number;
  /** cross-node: observers on the second node */
  crossnodeObservers: number;
  /** after the window, how long to wait for stragglers, ms */
  drainMs: number;
  targets: TargetKind[];
  /** node flags for a server process, e.g. --cpu-prof */
  nodeArgs: (kind: TargetKind, caseId: string) => string[];
}

export type Metrics = Record<string, number | null>;

export interface RunResult {
  metrics: Metrics;
  notes: string[];
  warnings: string[];
  error?: string;
}

export interface Case {
  id: string;
  scenario: string;
  title: string;
  params: Record<string, number | string>;
  /** the servers this case applies to (default: every target) */
  only?: TargetKind[];
  run(kind: TargetKind, o: BenchOptions): Promise<RunResult>;
}

export interface Scenario {
  id: string;
  title: string;
  /** why this scenario cannot run here, or null */
  notRun?: (o: BenchOptions) => string | null;
  cases(o: BenchOptions): Case[];
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const MiB = 1024 * 1024;

function serverWarnings(cpuPct: number): string[] {
  return cpuPct > 90 ? [`server CPU ${cpuPct.toFixed(0)} % of one core: the server is saturated (its main thread is one core)`] : [];
}

async function withServer<T>(kind: TargetKind, o: BenchOptions, caseId: string, opts: StartOptions, fn: (s: ServerUnderTest) => Promise<T>): Promise<T> {
  const server = await startTarget(kind, { ...opts, nodeArgs: o.nodeArgs(kind, caseId) });
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/** CPU now, and the median RSS of five samples over a second (RSS moves with the GC). */
async function settledUsage(server: Pick<ServerUnderTest, 'usage'>): Promise<ProcUsage> {
  const rss: number[] = [];
  for (let i = 0; i < 5; i++) {
    await sleep(200);
    rss.push(server.usage().rssBytes);
  }
  return { cpuMs: server.usage().cpuMs, rssBytes: percentile(rss, 50) };
}

interface BroadcastParams {
  writers: number;
  rate: number;
  observers: number;
  probes: number;
}

/**
 * Where the clients of a broadcast case connect. One server: all three are it. Several nodes:
 * writers on one, observers and probes on another, `local` probes on the writers' node for
 * reference; CPU is that of every node.
 */
interface Topology {
  writersAt: ServerUnderTest;
  observersAt: ServerUnderTest;
  /** probes on the writers' node, measured separately (several nodes only) */
  localProbesAt?: ServerUnderTest;
  usage(): ProcUsage;
}

/** Writers insert at `rate` each; `observers` light observers and `probes` probes receive. */
async function runBroadcast(kind: TargetKind, o: BenchOptions, caseId: string, p: BroadcastParams): Promise<RunResult> {
  return withServer(kind, o, caseId, {}, (server) => broadcast({ writersAt: server, observersAt: server, usage: () => server.usage() }, o, p));
}

/** Join order: writers, observers, probes — the probes are the last connections a server sends to. */
async function broadcast(t: Topology, o: BenchOptions, p: BroadcastParams): Promise<RunResult> {
  const server = { usage: () => t.usage() };
  const window = new MeasureWindow();
  const sink = { window, latency: new Histogram(0.05, 60_000) };
  const notes: string[] = [];
  const warnings: string[] = [];
  const at = t.observersAt;
  const writers = range(p.writers).map((i) => new Writer(withToken(t.writersAt, t.writersAt.writerTokens[i % t.writersAt.writerTokens.length]!), i, window));
  const observers = range(p.observers).map(() => new LightObserver(withToken(at, at.observerToken), sink));
  const probes = range(p.probes).map(() => new Probe(withToken(at, at.observerToken), window));
  const local = t.localProbesAt;
  const localProbes = local ? range(p.probes).map(() => new Probe(withToken(local, local.observerToken), window)) : [];
  try {
    const w = await connectAll(writers.map((x) => x.client), 25);
    if (w.failed > 0) throw new Error(`${w.failed} writers could not connect: ${w.firstError}`);
    // one unmeasured insert each: Plenary binds each writer's client id on its first write
    for (const x of writers) x.insert();
    const before = await settledUsage(server);
    const t0 = now();
    const c = await connectAll(observers, o.connectConcurrency);
    const connectMs = now() - t0;
    if (c.failed > 0) throw new Error(`${c.failed} of ${p.observers} observers could not connect: ${c.firstError}`);
    await sleep(500);
    const idle = await settledUsage(server);
    const pr = await connectAll([...localProbes, ...probes].map((x) => x.client), probes.length + localProbes.length);
    if (pr.failed > 0) throw new Error(`${pr.failed} probes could not connect: ${pr.firstError}`);

    const start = now() + 20;
    const from = start + o.warmup * 1000;
    const to = from + o.seconds * 1000;
    window.open(from, to);
    const period = 1000 / p.rate;
    const running = writers.map((x, i) => x.run(p.rate, start + (i / p.writers) * period, to));
    await sleep(from - now());
    const health = new GeneratorHealth();
    health.start();
    const u0 = server.usage();
    let peakRss = u0.rssBytes;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, server.usage().rssBytes);
    }, 250);
    const tFrom = now();
    const frames0 = observers.reduce((s, x) => s + x.frames, 0);
    await Promise.all(running);
    const expected = writers.reduce((s, x) => s + x.measured, 0);
    const receivers = [...observers, ...probes, ...localProbes];
    const drained = await until(() => receivers.every((r) => r.delivered >= expected), o.drainMs);
    const u1 = server.usage();
    const frames1 = observers.reduce((s, x) => s + x.frames, 0);
    const elapsed = now() - tFrom;
    clearInterval(sampler);
    const gen: GeneratorReport = health.stop(u1.cpuMs - u0.cpuMs);
    if (!drained) notes.push(`not every receiver had every insert ${o.drainMs} ms after the last one`);

    const probeLatency = summarize(probes.flatMap((x) => x.samples));
    const localLatency = local ? summarize(localProbes.flatMap((x) => x.samples)) : null;
    const obsLatency = sink.latency.summary();
    const delivered = receivers.reduce((s, r) => s + Math.min(r.delivered, expected), 0);
    const expectedTotal = expected * receivers.length;
    const cpuMs = u1.cpuMs - u0.cpuMs;
    const cpuPct = (cpuMs / elapsed) * 100;
    const dropped = observers.filter((x) => x.closedAfterSync).length + [...probes, ...localProbes].filter((x) => x.client.closedAfterSync).length;
    warnings.push(...gen.warnings, ...serverWarnings(cpuPct));
    if (dropped > 0) warnings.push(`${dropped} receivers were disconnected during the run`);
    return {
      metrics: {
        insertsMeasured: expected,
        receivers: receivers.length,
        latencyP50Ms: probeLatency.p50,
        latencyP90Ms: probeLatency.p90,
        latencyP99Ms: probeLatency.p99,
        latencyMaxMs: probeLatency.max,
        ...(localLatency
          ? {
              localLatencyP50Ms: localLatency.p50,
              localLatencyP99Ms: localLatency.p99,
              crossNodeExtraP99Ms: probeLatency.p99 !== null && localLatency.p99 !== null ? probeLatency.p99 - localLatency.p99 : null,
            }
          : {}),
        observerLatencyP50Ms: obsLatency.p50,
        observerLatencyP99Ms: obsLatency.p99,
        observerLatencyMaxMs: obsLatency.max,
        deliveredPct: expectedTotal > 0 ? (delivered / expectedTotal) * 100 : null,
        lost: expectedTotal - delivered,
        framesPerInsert: expected > 0 && observers.length > 0 ? (frames1 - frames0) / observers.length / expected : null,
        serverCpuSec: cpuMs / 1000,
        serverCpuPct: cpuPct,
        serverCpuUsPerUpdatePerObserver: expectedTotal > 0 ? (cpuMs * 1000) / expectedTotal : null,
        rssBeforeObserversMiB: before.rssBytes / MiB,
        rssWithObserversMiB: idle.rssBytes / MiB,
        rssPeakMiB: peakRss / MiB,
        memPerObserverKiB: (idle.rssBytes - before.rssBytes) / p.observers / 1024,
        observersConnectMs: connectMs,
        refused503: observers.reduce((s, x) => s + x.refused, 0),
        generatorLoopLagP99Ms: gen.loopLagP99Ms,
        generatorLoopLagMaxMs: gen.loopLagMaxMs,
        generatorCpuPct: gen.cpuPct,
        otherCpuPct: gen.otherCpuPct,
      },
      notes,
      warnings,
    };
  } finally {
    for (const x of writers) x.stop();
    for (const x of observers) x.stop();
    for (const x of [...probes, ...localProbes]) x.client.stop();
  }
}

/** N light observers join one doc at once. */
async function runJoinStorm(kind: TargetKind, o: BenchOptions, caseId: string, joins: number): Promise<RunResult> {
  return withServer(kind, o, caseId, {}, async (server) => {
    const window = new MeasureWindow();
    const sink = { window, latency: new Histogram() };
    const writer = new Writer(withToken(server, server.writerTokens[0]!), 0, window);
    const observers = range(joins).map(() => new LightObserver(withToken(server, server.observerToken), sink));
    try {
      await writer.client.connect();
      // a communiqué of some substance: 60 paragraphs
      for (let i = 0; i < 60; i++) writer.insert();
      // warm the server's code paths (JIT) with a few joins that leave again, like a sitting's early arrivals
      const early = range(Math.min(200, Math.ceil(joins / 10))).map(() => new LightObserver(withToken(server, server.observerToken), sink));
      await connectAll(early, 50);
      for (const x of early) x.stop();
      const rss0 = (await settledUsage(server)).rssBytes;
      const u0 = server.usage();
      const health = new GeneratorHealth();
      health.start();
      const t0 = now();
      const c = await connectAll(observers, o.joinConcurrency, { maxAttempts: 60, timeoutMs: 60_000 });
      const synced = observers.filter((x) => x.synced);
      const allSyncedMs = Math.max(...synced.map((x) => x.syncedAt)) - t0;
      const u1 = server.usage();
      const gen = health.stop(u1.cpuMs - u0.cpuMs);
      await sleep(500);
      const idle = await settledUsage(server);
      const times = summarize(synced.map((x) => x.syncedAt - t0));
      const cpuMs = u1.cpuMs - u0.cpuMs;
      const warnings = [...gen.warnings];
      if (c.failed > 0) warnings.push(`${c.failed} of ${joins} joins failed: ${c.firstError}`);
      return {
        metrics: {
          joins,
          synced: synced.length,
          failed: c.failed,
          allSyncedMs: c.failed === 0 ? allSyncedMs : null,
          syncP50Ms: times.p50,
          syncP90Ms: times.p90,
          syncP99Ms: times.p99,
          joinRatePerSec: synced.length / (allSyncedMs / 1000),
          refused503: observers.reduce((s, x) => s + x.refused, 0),
          connectErrors: observers.reduce((s, x) => s + x.errors, 0),
          serverCpuSec: cpuMs / 1000,
          serverCpuMsPerJoin: cpuMs / joins,
          rssBeforeMiB: rss0 / MiB,
          rssAfterMiB: idle.rssBytes / MiB,
          memPerObserverKiB: (idle.rssBytes - rss0) / joins / 1024,
          generatorLoopLagP99Ms: gen.loopLagP99Ms,
          generatorCpuPct: gen.cpuPct,
          otherCpuPct: gen.otherCpuPct,
        },
        notes: [
          `${o.joinConcurrency > 0 ? `${o.joinConcurrency} connections set up at a time` : 'all connections opened at once'} after ${early.length} warm-up joins had come and gone; a 503 is retried after a short backoff`,
        ],
        warnings,
      };
    } finally {
      writer.stop();
      for (const x of observers) x.stop();
    }
  });
}

let historyCache: { n: number; history: History; file: string } | null = null;
function historyOf(n: number): { history: History; file: string } {
  if (historyCache?.n !== n) {
    const history = generateHistory(n);
    const file = join(tmpdir(), `plenary-bench-history-${n}-${process.pid}.bin`);
    writeFileSync(file, encodeHistory(history.updates));
    historyCache = { n, history, file };
  }
  return historyCache;
}

/** Removes the history file written for the Plenary child. */
export function cleanupHistory(): void {
  if (historyCache) rmSync(historyCache.file, { force: true });
  historyCache = null;
}

interface SyncTiming {
  ms: number;
  cpuMs: number;
  bytes: number;
  verified: boolean;
}

/** A new client syncs; how long it took, what the server spent, and whether it got the whole history. */
async function timeSync(server: ServerUnderTest, history: History, keep: LightObserver[]): Promise<SyncTiming> {
  const sink = { window: new MeasureWindow(), latency: new Histogram() };
  const client = new LightObserver(withToken(server, server.observerToken), sink, true);
  keep.push(client);
  const u0 = server.usage();
  await client.connect({ maxAttempts: 1, timeoutMs: 120_000 });
  const u1 = server.usage();
  const frame = client.lastStep2!;
  const doc = new Y.Doc();
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
  const verified = historyDigest(doc) === history.digest;
  doc.destroy();
  return { ms: client.syncedAt - client.startedAt, cpuMs: u1.cpuMs - u0.cpuMs, bytes: frame.length, verified };
}

/**
 * One connection to the sitting's other doc first, so that the first-connection costs of a fresh
 * process (JIT, the token check's key import, …) are not counted as loading the communiqué.
 */
async function warmConnection(server: ServerUnderTest, keep: LightObserver[]): Promise<void> {
  const sink = { window: new MeasureWindow(), latency: new Histogram() };
  const url = withToken(server, server.observerToken).replace('/communique?', '/session?');
  for (let i = 0; i < 3; i++) {
    const c = new LightObserver(url, sink);
    keep.push(c);
    await c.connect({ maxAttempts: 3, timeoutMs: 30_000 });
  }
}

/** A new client's sync on a server that has not loaded the communiqué yet, then a second one's. */
async function measureLoad(server: ServerUnderTest, history: History, clients: LightObserver[]): Promise<Metrics> {
  await warmConnection(server, clients);
  const rssBefore = server.usage().rssBytes;
  const cold = await timeSync(server, history, clients);
  const warm = await timeSync(server, history, clients);
  return {
    coldSyncMs: cold.ms,
    warmSyncMs: warm.ms,
    serverLoadMs: cold.ms - warm.ms,
    coldServerCpuMs: cold.cpuMs,
    syncBytes: cold.bytes,
    rssAfterLoadMiB: server.usage().rssBytes / MiB,
    rssLoadDeltaMiB: (server.usage().rssBytes - rssBefore) / MiB,
    verified: cold.verified && warm.verified ? 1 : 0,
  };
}

async function runColdLoad(kind: TargetKind, o: BenchOptions, caseId: string): Promise<RunResult> {
  const { history, file } = historyOf(o.history);
  const notes: string[] = [`history: ${history.updates.length.toLocaleString('en-US')} updates, ${(history.bytes / MiB).toFixed(1)} MiB, ${history.paragraphs} paragraphs`];
  const warnings: string[] = [];
  const clients: LightObserver[] = [];
  const server = await startTarget(kind, { nodeArgs: o.nodeArgs(kind, caseId), ...(kind === 'plenary' ? { seedFile: file, keepData: true } : {}) });
  const metrics: Metrics = { historyUpdates: history.updates.length };
  let dataDir: string | null = null;
  try {
    if (kind === 'plenary') {
      const seed = server.info.seed as { ms: number } | null;
      metrics.seedMs = seed?.ms ?? null;
      notes.push(
        'Plenary: the history is written into its SQLite log before it starts; a first run loads that log (100,000 updates, never compacted: shown for scale) and compacts it (W2, W7); the figures are from a restart on what that leaves in the store, a snapshot with its state vector; three connections to the session doc come first in each run, so that a fresh process\'s first-connection costs are not counted',
      );
      dataDir = server.info.dataDir as string;
    } else {
      // the stock server keeps docs in memory only: the history goes in through a client
      const sink = { window: new MeasureWindow(), latency: new Histogram() };
      const feeder = new LightObserver(withToken(server, server.writerTokens[0]!), sink);
      clients.push(feeder);
      await feeder.connect();
      const u0 = server.usage();
      const t0 = now();
      const before = feeder.step2Count;
      for (const u of history.updates) feeder.send(encodeUpdateMessage(u));
      feeder.send(EMPTY_STEP1); // answered once every update before it is applied
      if (!(await until(() => feeder.step2Count > before, 300_000, 50))) throw new Error('the stock server did not take the history');
      metrics.ingestMs = now() - t0;
      metrics.ingestCpuMs = server.usage().cpuMs - u0.cpuMs;
      feeder.stop();
      await sleep(300);
      notes.push('stock: no persistence, so its "cold" load is a sync from the doc it holds in memory (the history was sent through a client first)');
    }
    const first = await measureLoad(server, history, clients);
    if (kind === 'plenary') {
      // a log of 100,000 updates never compacted: not what Plenary leaves in its store (W2, W7), shown for scale
      metrics.logColdSyncMs = first.coldSyncMs ?? null;
      metrics.logServerLoadMs = first.serverLoadMs ?? null;
      metrics.logServerCpuMs = first.coldServerCpuMs ?? null;
      if (!first.verified) warnings.push('from the log never compacted, the synced doc does not hold the whole history');
    } else Object.assign(metrics, first);
  } finally {
    for (const c of clients) c.stop();
    await server.stop();
  }
  if (kind === 'plenary' && dataDir) {
    // the doc as Plenary stores it: compacted at load (W2) and at shutdown (W7), then a restart
    const again = await startTarget('plenary', { dataDir, nodeArgs: o.nodeArgs(kind, `${caseId}-snapshot`) });
    try {
      Object.assign(metrics, await measureLoad(again, history, clients));
    } finally {
      for (const c of clients) c.stop();
      await again.stop();
    }
  }
  if (metrics.verified === 0) warnings.push('the synced doc does not hold the whole history');
  return { metrics, notes, warnings };
}

/**
 * Two Plenary nodes on one Redis (a private redis-server on a free port): the writer on node A,
 * observers and probes on node B, and as many probes on node A for reference — so the figure is
 * what crossing nodes adds, under the same store and load.
 */
async function runCrossNode(o: BenchOptions, caseId: string, p: BroadcastParams): Promise<RunResult> {
  const redis = await startRedis({ appendonly: false });
  const secret = randomBytes(24).toString('hex');
  const started: ServerUnderTest[] = [];
  try {
    const node = async (nodeId: string, join: boolean) => {
      const s = await startTarget('plenary', { nodeArgs: o.nodeArgs('plenary', `${caseId}-${nodeId}`), cluster: { redisUrl: redis.url, nodeId, secret, join } });
      started.push(s);
      return s;
    };
    const a = await node('bench-a', false);
    const b = await node('bench-b', true);
    const usage = (): ProcUsage => ({ cpuMs: a.usage().cpuMs + b.usage().cpuMs, rssBytes: b.usage().rssBytes });
    const result = await broadcast({ writersAt: a, observersAt: b, localProbesAt: a, usage }, o, p);
    result.notes.push(
      `two Plenary nodes on one redis-server (no persistence); the writer on node A, ${p.observers} observers and ${p.probes} probes on node B, ${p.probes} probes on node A for reference; server CPU is both nodes'`,
    );
    return result;
  } finally {
    for (const s of started) await s.stop();
    await redis.stop();
  }
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'fanout',
    title: 'Fan-out',
    cases: (o) =>
      o.fanoutObservers.map((n) => ({
        id: `fanout-${n}`,
        scenario: 'fanout',
        title: `fan-out: 1 writer × ${o.fanoutRate}/s → ${n.toLocaleString('en-US')} observers + ${o.probes} probes`,
        params: { writers: 1, rate: o.fanoutRate, observers: n, probes: o.probes, seconds: o.seconds },
        run: (kind, opts) => runBroadcast(kind, opts, `fanout-${n}`, { writers: 1, rate: opts.fanoutRate, observers: n, probes: opts.probes }),
      })),
  },
  {
    id: 'writers',
    title: 'Many writers',
    cases: (o) => [
      {
        id: 'writers',
        scenario: 'writers',
        title: `many writers: ${o.writers} × ${o.writerRate}/s → ${o.writerObservers.toLocaleString('en-US')} observers + ${o.probes} probes`,
        params: { writers: o.writers, rate: o.writerRate, observers: o.writerObservers, probes: o.probes, seconds: o.seconds },
        run: (kind, opts) => runBroadcast(kind, opts, 'writers', { writers: opts.writers, rate: opts.writerRate, observers: opts.writerObservers, probes: opts.probes }),
      },
    ],
  },
  {
    id: 'joinstorm',
    title: 'Join storm',
    cases: (o) => [
      {
        id: 'joinstorm',
        scenario: 'joinstorm',
        title: `join storm: ${o.joins.toLocaleString('en-US')} observers join one doc`,
        params: { joins: o.joins, concurrency: o.joinConcurrency },
        run: (kind, opts) => runJoinStorm(kind, opts, 'joinstorm', opts.joins),
      },
    ],
  },
  {
    id: 'coldload',
    title: 'Cold load',
    cases: (o) => [
      {
        id: 'coldload',
        scenario: 'coldload',
        title: `cold load: a communiqué with a ${o.history.toLocaleString('en-US')}-update history`,
        params: { history: o.history },
        run: (kind, opts) => runColdLoad(kind, opts, 'coldload'),
      },
    ],
  },
  {
    id: 'crossnode',
    title: 'Cross-node',
    cases: (o) => [
      {
        id: 'crossnode',
        scenario: 'crossnode',
        title: `cross-node: 1 writer × ${o.fanoutRate}/s on node A → ${o.crossnodeObservers.toLocaleString('en-US')} observers + ${o.probes} probes on node B`,
        params: { writers: 1, rate: o.fanoutRate, observers: o.crossnodeObservers, probes: o.probes, seconds: o.seconds },
        only: ['plenary'],
        run: (_kind, opts) => runCrossNode(opts, 'crossnode', { writers: 1, rate: opts.fanoutRate, observers: opts.crossnodeObservers, probes: opts.probes }),
      },
    ],
  },
];
