/**
 * The soak run: a Plenary process (soakServer.ts) under a steady crowd for a long time. Most
 * clients are light observers (raw y-websocket connections that sync and then only receive); a
 * few are writers (stock y-websocket clients typing at a human pace into the communiqué), command
 * senders (Socket.IO delegations asking for and withdrawing from the floor) and Socket.IO observers.
 * Observers come and go all the time; one small sitting's clients all leave during the warm-up (and
 * come back) and again halfway, and each time its docs must be unloaded. The activity feeds are
 * filled to their cap first, so that the run measures a steady state. The server's memory (after
 * garbage collection) is sampled from the end of the warm-up to the end; growth of the heap or RSS
 * over the limit fails the run. Used by `npm run soak` and, very
 * short, by test/soak.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { FEED_MAX, type ClientToServerEvents, type ServerToClientEvents, type SessionView } from '@plenary/shared';
import { LightObserver, MeasureWindow } from '../../bench/generator';
import { Histogram } from '../../bench/stats';
import { yClient, type YClient } from '../helpers/plenary';
import { waitFor } from '../helpers/wait';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface SoakOptions {
  seconds: number;
  clients: number;
  sittings?: number;
  /** memory is first taken this long after every client has connected (default: a fifth of the run, at most 60 s) */
  warmupSeconds?: number;
  /** fail when heap or RSS grew by more than this, in percent (default 10) */
  maxGrowthPct?: number;
  /** the server's PLENARY_UNLOAD_AFTER_MS (default 2000) */
  unloadMs?: number;
  /**
   * before the warm-up, fill each sitting's activity feed to its cap (FEED_MAX entries) with
   * commands, so that memory is first taken at a steady state (default true; takes about half a minute)
   */
  fillFeeds?: boolean;
  log?: (line: string) => void;
}

export interface Memory {
  rss: number;
  heapUsed: number;
  /** the heap V8 has reserved, used or not (its young generation grows under load and stays grown) */
  heapTotal: number;
  /** memory of C++ objects bound to JS ones, Buffers included */
  external: number;
  arrayBuffers: number;
}

export interface SoakReport {
  clients: number;
  sittings: number;
  seconds: number;
  connectMs: number;
  /** light observers that left and were replaced by new ones */
  churned: number;
  wordsTyped: number;
  commandsAcked: number;
  commandsFailed: number;
  /** connections the server closed although the client behaved */
  unexpectedCloses: number;
  /** medians of the first and of the last samples (up to three each) after the warm-up */
  start: Memory;
  end: Memory;
  /** samples of the server's memory taken after the warm-up, every tenth of the run (5–60 s apart) */
  samples: number;
  growthPct: { rss: number; heapUsed: number };
  /** docs loaded before the leaving sitting left, after it left, and after everyone left */
  docsLoaded: { before: number; afterOneSittingLeft: number; afterAllLeft: number };
  problems: string[];
}

type CmdSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
interface SittingLinks {
  sid: string;
  chair: string;
  observer: string;
  delegates: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startSoakServer(dataDir: string, sittings: number, unloadMs: number): Promise<{ proc: ChildProcess; url: string; sittings: SittingLinks[] }> {
  // V8's young generation (two semi-spaces) grows once under load, 16 MB of RSS at a time and never
  // back: set at its largest from the start, so that RSS growth shows memory kept, not a reservation
  const proc = spawn(
    process.execPath,
    ['--expose-gc', '--min-semi-space-size=16', '--max-semi-space-size=16', '--import', 'tsx', 'test/reliability/soakServer.ts', '--data', dataDir, '--sittings', String(sittings), '--unload-ms', String(unloadMs)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  await waitFor(() => out.includes('\n') || proc.exitCode !== null, 30_000, 'the soak server did not start');
  if (proc.exitCode !== null) throw new Error(`the soak server exited: ${err}`);
  const ready = JSON.parse(out.split('\n')[0]!) as { url: string; sittings: SittingLinks[] };
  return { proc, ...ready };
}

function memoryOf(proc: ChildProcess): Promise<Memory> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the soak server did not report its memory')), 30_000);
    proc.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as Memory);
    });
    proc.send('memory');
  });
}

async function metrics(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Object.fromEntries([...text.matchAll(/^(plenary_\w+) (\d+(?:\.\d+)?)$/gm)].map((m) => [m[1]!, Number(m[2])]));
}

function medianMemory(samples: Memory[]): Memory {
  const median = (key: keyof Memory) => {
    const sorted = samples.map((m) => m[key]).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  };
  return { rss: median('rss'), heapUsed: median('heapUsed'), heapTotal: median('heapTotal'), external: median('external'), arrayBuffers: median('arrayBuffers') };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const growth = (a: number, b: number) => Math.round(((b - a) / a) * 1000) / 10;

export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const log = opts.log ?? (() => {});
  const sittingCount = Math.max(1, opts.sittings ?? 4);
  const unloadMs = opts.unloadMs ?? 2000;
  const maxGrowth = opts.maxGrowthPct ?? 10;
  const warmupMs = (opts.warmupSeconds ?? Math.min(60, opts.seconds / 5)) * 1000;
  const problems: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'plenary-soak-'));
  // the crowd's sittings, and one more whose few clients all leave halfway
  const server = await startSoakServer(dataDir, sittingCount + 1, unloadMs);
  const wsUrl = server.url.replace(/^http/, 'ws');
  const sink = { window: new MeasureWindow(), latency: new Histogram() };

  const leaving = server.sittings.at(-1)!;
  const staying = server.sittings.slice(0, -1);
  const writers: { client: YClient; sid: string }[] = [];
  const senders: { socket: CmdSocket; sid: string }[] = [];
  const observers = new Set<LightObserver>();
  const leavingObservers = new Set<LightObserver>();
  const ioObservers: { socket: CmdSocket; sid: string }[] = [];
  const report: SoakReport = {
    clients: opts.clients,
    sittings: sittingCount,
    seconds: opts.seconds,
    connectMs: 0,
    churned: 0,
    wordsTyped: 0,
    commandsAcked: 0,
    commandsFailed: 0,
    unexpectedCloses: 0,
    start: { rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 },
    end: { rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 },
    samples: 0,
    growthPct: { rss: 0, heapUsed: 0 },
    docsLoaded: { before: 0, afterOneSittingLeft: 0, afterAllLeft: 0 },
    problems,
  };
  const timers: NodeJS.Timeout[] = [];
  let closedStopped = 0;
  /** the regular traffic of the command senders starts once the feeds are filled */
  let steady = false;
  const lightObserver = async (s: SittingLinks, i: number) => {
    // each sitting has observers on both docs; the communiqué draws most
    const doc = i % 10 < 7 ? 'communique' : 'session';
    const o = new LightObserver(`${wsUrl}/yjs/${s.sid}/${doc}?token=${s.observer}`, sink);
    await o.connect({ maxAttempts: 50, timeoutMs: 120_000 });
    return o;
  };
  const stopObserver = (o: LightObserver) => {
    if (o.closedAfterSync) closedStopped++;
    o.stop();
  };

  try {
    const t0 = Date.now();
    // two writers and two command senders per sitting (one in the leaving one), some Socket.IO observers, the rest light observers
    const few = (s: SittingLinks, tokens: string[]) => (s === leaving ? tokens.slice(0, 1) : tokens);
    for (const s of server.sittings) {
      for (const token of few(s, [s.delegates[0]!, s.delegates[1]!])) writers.push({ client: await yClient({ wsUrl }, `${s.sid}/communique`, token), sid: s.sid });
    }
    const items = new Map<string, string>();
    for (const s of server.sittings) {
      const view = (await (await fetch(`${server.url}/api/sessions/${s.sid}`, { headers: { authorization: `Bearer ${s.observer}` } })).json()) as SessionView;
      items.set(s.sid, view.agenda[0]!.id);
      for (const token of few(s, [s.delegates[2]!, s.delegates[3]!])) {
        const socket: CmdSocket = io(server.url, { auth: { token }, transports: ['websocket'], forceNew: true });
        senders.push({ socket, sid: s.sid });
        let onList = false;
        timers.push(
          setInterval(() => {
            if (!socket.connected || !steady) return;
            onList = !onList;
            void socket
              .timeout(10_000)
              .emitWithAck('cmd', { id: `soak-${s.sid}-${Math.random().toString(36).slice(2, 12)}`, type: onList ? 'speakers.request' : 'speakers.withdraw', payload: { itemId: items.get(s.sid)! } })
              .then((ack) => (ack.ok ? report.commandsAcked++ : report.commandsFailed++), () => report.commandsFailed++);
          }, 2000 + Math.random() * 2000),
        );
      }
    }
    const ioObserverCount = Math.min(50, Math.floor(opts.clients / 20));
    for (let i = 0; i < ioObserverCount; i++) {
      const s = staying[i % sittingCount]!;
      ioObservers.push({ socket: io(server.url, { auth: { token: s.observer }, transports: ['websocket'], forceNew: true }), sid: s.sid });
    }
    // ten on the leaving sitting (seven on its communiqué, three on its session doc), the rest on the crowd's
    for (let i = 0; i < 10; i++) leavingObservers.add(await lightObserver(leaving, i));
    const lightCount = Math.max(sittingCount * 2, opts.clients - writers.length - senders.length - ioObserverCount - leavingObservers.size);
    for (let i = 0; i < lightCount; i += 50) {
      const batch = Array.from({ length: Math.min(50, lightCount - i) }, (_, k) => {
        const n = i + k;
        return lightObserver(staying[n % sittingCount]!, Math.floor(n / sittingCount)).then((o) => void observers.add(o));
      });
      await Promise.all(batch);
    }
    await waitFor(() => [...ioObservers, ...senders].every((s) => s.socket.connected), 30_000, 'Socket.IO clients did not connect');
    report.connectMs = Date.now() - t0;
    log(`${opts.clients} clients connected in ${report.connectMs} ms (${lightCount + leavingObservers.size} light observers, ${writers.length} writers, ${senders.length} command senders, ${ioObserverCount} Socket.IO observers; ${sittingCount} sittings, and one whose clients leave during the warm-up and halfway)`);

    const view = async (s: SittingLinks) =>
      (await (await fetch(`${server.url}/api/sessions/${s.sid}`, { headers: { authorization: `Bearer ${s.observer}` } })).json()) as SessionView;
    if (opts.fillFeeds !== false) {
      // asking for and leaving the floor, each sender at 12 commands a second (under the rate limit)
      const t1 = Date.now();
      await Promise.all(
        senders.map(async ({ socket, sid }) => {
          const s = server.sittings.find((x) => x.sid === sid)!;
          for (let n = 0; ; n++) {
            if (n % 100 === 0 && (await view(s)).feed.length >= FEED_MAX) return;
            const type = n % 2 === 0 ? 'speakers.request' : 'speakers.withdraw';
            const sent = Date.now();
            // each sender asks for the floor and withdraws in turn, ending off the list
            const ack = await socket.timeout(10_000).emitWithAck('cmd', { id: `fill-${sid}-${n}-${socket.id}`, type, payload: { itemId: items.get(sid)! } });
            if (!ack.ok) throw new Error(`filling the feed: ${JSON.stringify(ack)}`);
            await sleep(Math.max(0, 1000 / 12 - (Date.now() - sent)));
          }
        }),
      );
      log(`activity feeds filled to ${FEED_MAX} entries in ${Date.now() - t1} ms`);
    }
    steady = true;

    // writers type a word every half second, each in its own paragraph (a sitting's two writers
    // are next to each other in the list), and keep it short by deleting from its start
    for (const [i, w] of writers.entries()) {
      timers.push(
        setInterval(() => {
          const body = w.client.doc.getXmlFragment('body');
          const p = body.get(1 + (i % 2)) as unknown as { get(i: number): { length: number; insert(i: number, s: string): void; delete(i: number, n: number): void } };
          const text = p.get(0);
          w.client.doc.transact(() => {
            text.insert(text.length, ` w${i}`);
            if (text.length > 400) text.delete(0, 100);
          });
          report.wordsTyped++;
        }, 500),
      );
    }
    // observers come and go: about one in two hundred a second
    const churnPerSecond = Math.max(1, Math.round(lightCount / 200));
    let churning = true;
    const churn = async () => {
      while (churning) {
        await sleep(1000);
        const pool = [...observers];
        for (let k = 0; k < churnPerSecond && churning; k++) {
          const o = pool[Math.floor(Math.random() * pool.length)];
          if (!o || !observers.delete(o)) continue;
          stopObserver(o);
          const s = staying[Math.floor(Math.random() * staying.length)]!;
          try {
            observers.add(await lightObserver(s, report.churned));
            report.churned++;
          } catch (err) {
            problems.push(`a returning observer could not connect: ${String(err)}`);
          }
        }
      }
    };
    const churnLoop = churn();

    /** every client of the leaving sitting goes; its two docs must be unloaded */
    const leaveAndCheck = async (when: string) => {
      const before = (await metrics(server.url)).plenary_docs_loaded ?? -1;
      for (const o of leavingObservers) stopObserver(o);
      leavingObservers.clear();
      for (const w of writers.filter((x) => x.sid === leaving.sid)) w.client.provider.disconnect();
      for (const s of [...senders, ...ioObservers].filter((x) => x.sid === leaving.sid)) s.socket.disconnect();
      const expected = 2 * staying.length;
      await waitFor(async () => (await metrics(server.url)).plenary_docs_loaded === expected, unloadMs + 15_000).catch(() => {});
      const after = (await metrics(server.url)).plenary_docs_loaded ?? -1;
      if (after !== expected) problems.push(`${when}: docs with no clients were not unloaded: ${after} loaded, ${expected} expected`);
      log(`${when}, one sitting's clients left: docs loaded ${before} → ${after}`);
      return { before, after };
    };
    const rejoin = async () => {
      for (let i = 0; i < 10; i++) leavingObservers.add(await lightObserver(leaving, i));
      for (const w of writers.filter((x) => x.sid === leaving.sid)) w.client.provider.connect();
      for (const s of senders.filter((x) => x.sid === leaving.sid)) s.socket.connect();
    };

    const runEnd = Date.now() + opts.seconds * 1000;
    // a first unload and reload during the warm-up: what they grow once (V8's young generation) is not counted
    const warmEnd = Date.now() + Math.min(warmupMs, runEnd - Date.now());
    await sleep((warmEnd - Date.now()) / 2);
    await leaveAndCheck('warm-up');
    await rejoin();
    await sleep(Math.max(0, warmEnd - Date.now()));
    // one question at a time: the answers carry no id
    let asking: Promise<unknown> = Promise.resolve();
    const samples: Memory[] = [];
    const probe = () => {
      const next = asking.then(() => memoryOf(server.proc)).then((m) => (samples.push(m), m));
      asking = next.catch(() => {});
      return next;
    };
    const first = await probe();
    log(`after ${Math.round(warmupMs / 1000)} s of warm-up: RSS ${mb(first.rss)}, heap ${mb(first.heapUsed)} of ${mb(first.heapTotal)}, external ${mb(first.external)} (buffers ${mb(first.arrayBuffers)})`);
    const middle = Date.now() + (runEnd - Date.now()) / 2;
    const sample = setInterval(() => {
      void Promise.all([probe(), metrics(server.url)]).then(
        ([m, x]) => log(`  RSS ${mb(m.rss)}, heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)} (buffers ${mb(m.arrayBuffers)}); docs loaded ${x.plenary_docs_loaded}, Yjs ${x.plenary_yjs_connections}, Socket.IO ${x.plenary_socketio_connections}; ${report.wordsTyped} words, ${report.commandsAcked} commands, ${report.churned} observers came and went`),
        () => {},
      );
    }, Math.max(5000, Math.min(60_000, (opts.seconds * 1000) / 10)));
    timers.push(sample);

    await sleep(Math.max(0, middle - Date.now()));
    const { before, after } = await leaveAndCheck('halfway');
    report.docsLoaded.before = before;
    report.docsLoaded.afterOneSittingLeft = after;

    await sleep(Math.max(0, runEnd - Date.now()));
    await probe();
    clearInterval(sample);
    await asking;
    // RSS moves by several MB from one sample to the next: the start and the end are medians
    const k = Math.min(3, Math.max(1, Math.floor(samples.length / 2)));
    report.start = medianMemory(samples.slice(0, k));
    report.end = medianMemory(samples.slice(-k));
    report.samples = samples.length;
    churning = false;
    await churnLoop;
    for (const t of timers) clearInterval(t);
    report.growthPct = { rss: growth(report.start.rss, report.end.rss), heapUsed: growth(report.start.heapUsed, report.end.heapUsed) };
    if (report.growthPct.heapUsed > maxGrowth) problems.push(`heap grew by ${report.growthPct.heapUsed}% (limit ${maxGrowth}%)`);
    if (report.growthPct.rss > maxGrowth) problems.push(`RSS grew by ${report.growthPct.rss}% (limit ${maxGrowth}%)`);
    report.unexpectedCloses = closedStopped + [...observers].filter((o) => o.closedAfterSync).length;
    if (report.unexpectedCloses > 0) problems.push(`${report.unexpectedCloses} well-behaved connections were closed by the server`);
    if (report.commandsFailed > 0) problems.push(`${report.commandsFailed} commands failed`);

    // everyone leaves: nothing stays loaded
    for (const o of observers) o.stop();
    observers.clear();
    for (const w of writers) w.client.destroy();
    writers.length = 0;
    for (const s of [...senders, ...ioObservers]) s.socket.close();
    await waitFor(async () => {
      const x = await metrics(server.url);
      return x.plenary_docs_loaded === 0 && x.plenary_yjs_connections === 0 && x.plenary_socketio_connections === 0;
    }, unloadMs + 15_000).catch(() => {});
    const last = await metrics(server.url);
    report.docsLoaded.afterAllLeft = last.plenary_docs_loaded ?? -1;
    if (report.docsLoaded.afterAllLeft !== 0) problems.push(`${report.docsLoaded.afterAllLeft} docs stayed loaded after every client left`);
    if (last.plenary_yjs_connections || last.plenary_socketio_connections) problems.push('connections stayed open after every client left');
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  } finally {
    for (const t of timers) clearInterval(t);
    for (const o of [...observers, ...leavingObservers]) o.stop();
    for (const w of writers) w.client.destroy();
    for (const s of [...senders, ...ioObservers]) s.socket.close();
    const exited = new Promise((r) => server.proc.once('exit', r));
    server.proc.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (server.proc.exitCode === null && server.proc.signalCode === null) server.proc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
  return report;
}

export function formatSoak(r: SoakReport): string {
  return [
    `soak: ${r.clients} clients on ${r.sittings} sittings (and one whose clients leave twice) for ${r.seconds} s (connected in ${r.connectMs} ms)`,
    `  ${r.wordsTyped} words typed, ${r.commandsAcked} commands acked, ${r.churned} observers came and went`,
    `  server memory after warm-up → end (medians of ${Math.min(3, Math.max(1, Math.floor(r.samples / 2)))} of ${r.samples} samples at each end): RSS ${mb(r.start.rss)} → ${mb(r.end.rss)} (${r.growthPct.rss >= 0 ? '+' : ''}${r.growthPct.rss}%), heap ${mb(r.start.heapUsed)} → ${mb(r.end.heapUsed)} (${r.growthPct.heapUsed >= 0 ? '+' : ''}${r.growthPct.heapUsed}%)`,
    `  docs loaded: ${r.docsLoaded.before} → ${r.docsLoaded.afterOneSittingLeft} when one sitting's clients left → ${r.docsLoaded.afterAllLeft} when all left`,
    r.problems.length ? `  FAILED:\n${r.problems.map((p) => `    - ${p}`).join('\n')}` : '  passed',
  ].join('\n');
}
