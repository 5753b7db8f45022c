/**
 * The load generator: every client lives in this one process, so send and receive times come from
 * one clock (`performance.now()`).
 *
 * - `LightObserver`: a raw WebSocket (a minimal client on a TCP socket, `rawSocket.ts`) that
 *   completes the y-websocket sync handshake (answers the server's step 1 with an empty step 2,
 *   sends its own step 1) and then only counts bytes and finds the benchmark markers in the raw
 *   frames. No Y.Doc, no `ws` client: cheap enough for thousands.
 * - `DocClient`: a real Y.Doc speaking the protocol (writers and probes).
 * - `Writer`: a DocClient inserting paragraphs into `XmlFragment 'body'` at a set rate, each
 *   carrying its send time in its text.
 * - `Probe`: a DocClient applying every update and measuring, per insert, the time from send to the
 *   paragraph appearing in its doc.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import { WebSocket, type RawData } from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { EMPTY_STEP1, EMPTY_STEP2, encodeSync, encodeUpdateMessage, marker, markerIn, MESSAGE_AUTH, MESSAGE_SYNC, scanMarkers, SYNC_STEP1, SYNC_STEP2 } from './protocol';
import { RawWebSocket } from './rawSocket';
import type { Histogram } from './stats';

export const now = (): number => performance.now();
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Inserts whose send time lies in [from, to) are measured; the rest is warm-up or seeding. */
export class MeasureWindow {
  from = Infinity;
  to = Infinity;
  open(from: number, to: number): void {
    this.from = from;
    this.to = to;
  }
  has(sentAt: number): boolean {
    return sentAt >= this.from && sentAt < this.to;
  }
}

/** What light observers share: the window and one latency histogram for all of them. */
export interface ObserverSink {
  window: MeasureWindow;
  latency: Histogram;
}

export interface ConnectOptions {
  /** attempts before giving up (503 and connection errors are retried with backoff) */
  maxAttempts?: number;
  timeoutMs?: number;
}

const WS_OPTIONS = { perMessageDeflate: false, skipUTF8Validation: true } as const;

function statusOf(err: Error): number | null {
  const m = /Unexpected server response: (\d+)/.exec(err.message);
  return m ? Number(m[1]) : null;
}

/** Connection bookkeeping shared by both client kinds. */
type Sock = WebSocket | RawWebSocket;
const OPEN = 1;

abstract class Connection {
  ws: Sock | null = null;
  attempts = 0;
  /** upgrades refused with 503 (too many at once) */
  refused = 0;
  /** other failed attempts (reset, refused TCP, other statuses) */
  errors = 0;
  startedAt = 0;
  syncedAt = 0;
  bytes = 0;
  frames = 0;
  closedAfterSync: { code: number; reason: string } | null = null;
  permissionDenied = 0;
  private stopped = false;

  constructor(readonly url: string) {}

  get synced(): boolean {
    return this.syncedAt > 0;
  }

  /** Resolves once synced; retries refused or failed attempts with backoff. */
  connect(opts: ConnectOptions = {}): Promise<void> {
    const maxAttempts = opts.maxAttempts ?? 30;
    const timeoutMs = opts.timeoutMs ?? 60_000;
    this.startedAt = now();
    return new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => {
        this.stop();
        reject(new Error(`not synced within ${timeoutMs} ms (${this.attempts} attempts)`));
      }, timeoutMs);
      const attempt = () => {
        if (this.stopped) return;
        this.attempts++;
        const ws = this.createSocket();
        this.ws = ws;
        let failed = false;
        const retry = (err: Error) => {
          if (failed || this.synced || this.stopped) return;
          failed = true;
          if (statusOf(err) === 503) this.refused++;
          else this.errors++;
          ws.removeAllListeners();
          ws.on('error', () => {});
          ws.terminate();
          if (this.attempts >= maxAttempts) {
            clearTimeout(deadline);
            reject(new Error(`gave up after ${this.attempts} attempts: ${err.message}`));
            return;
          }
          setTimeout(attempt, Math.min(1000, 25 * 2 ** Math.min(this.attempts, 5)) * (0.5 + Math.random()));
        };
        ws.on('error', retry);
        ws.on('open', () => this.onOpen(ws));
        ws.on('message', (data: RawData) => {
          const buf = data as Buffer;
          this.bytes += buf.length;
          this.frames++;
          const wasSynced = this.synced;
          this.onFrame(buf, ws);
          if (!wasSynced && this.synced) {
            clearTimeout(deadline);
            resolve();
          }
        });
        ws.on('close', (code: number, reason: Buffer) => {
          if (this.synced) {
            if (!this.stopped) this.closedAfterSync = { code, reason: reason.toString() };
          } else retry(new Error(`closed before sync: ${code} ${reason.toString()}`));
        });
      };
      attempt();
    });
  }

  send(data: Uint8Array): void {
    if (this.ws?.readyState === OPEN) this.ws.send(data);
  }

  stop(): void {
    this.stopped = true;
    const ws = this.ws;
    if (!ws) return;
    ws.removeAllListeners();
    ws.on('error', () => {});
    ws.terminate();
  }

  protected createSocket(): Sock {
    return new WebSocket(this.url, WS_OPTIONS);
  }

  protected abstract onOpen(ws: Sock): void;
  protected abstract onFrame(frame: Buffer, ws: Sock): void;
}

/** A raw WebSocket that syncs, then counts bytes and the markers of measured inserts. */
export class LightObserver extends Connection {
  /** measured inserts received */
  delivered = 0;
  /** sync step 2 frames received (the first one completes the sync) */
  step2Count = 0;
  /** the last sync step 2 frame, kept when asked for (to verify what was synced) */
  lastStep2: Buffer | null = null;
  /** called on every sync step 2 frame */
  onStep2: (() => void) | null = null;

  constructor(
    url: string,
    private readonly sink: ObserverSink,
    private readonly keepStep2 = false,
  ) {
    super(url);
  }

  /** a minimal client on a plain TCP socket: far cheaper per frame than the `ws` client */
  protected override createSocket(): Sock {
    return new RawWebSocket(this.url);
  }

  protected onOpen(ws: Sock): void {
    ws.send(EMPTY_STEP1);
  }

  protected onFrame(frame: Buffer, ws: Sock): void {
    const type = frame[0];
    if (type === MESSAGE_SYNC) {
      const step = frame[1];
      if (step === SYNC_STEP1) {
        ws.send(EMPTY_STEP2);
        return;
      }
      if (step === SYNC_STEP2) {
        if (!this.synced) this.syncedAt = now();
        this.step2Count++;
        if (this.keepStep2) this.lastStep2 = Buffer.from(frame);
        this.onStep2?.();
      }
      const window = this.sink.window;
      if (window.from === Infinity) return;
      const t = now();
      scanMarkers(frame, (sentAt) => {
        if (!window.has(sentAt)) return;
        this.delivered++;
        this.sink.latency.record(t - sentAt);
      });
    } else if (type === MESSAGE_AUTH) this.permissionDenied++;
  }
}

/** A real Y.Doc over the y-websocket protocol. */
export class DocClient extends Connection {
  readonly doc = new Y.Doc();
  /** updates from the server applied after sync */
  applied = 0;
  /** updates from the server ignored after sync (applyRemote false) */
  ignored = 0;

  constructor(
    url: string,
    /** false: after the initial sync, incoming updates are only counted (cheap writers) */
    private readonly applyRemote = true,
  ) {
    super(url);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(encodeUpdateMessage(update));
    });
  }

  protected onOpen(ws: Sock): void {
    ws.send(encodeSync(SYNC_STEP1, Y.encodeStateVector(this.doc)));
  }

  protected onFrame(frame: Buffer, ws: Sock): void {
    const type = frame[0];
    if (type === MESSAGE_AUTH) {
      this.permissionDenied++;
      return;
    }
    if (type !== MESSAGE_SYNC) return;
    if (this.synced && !this.applyRemote && frame[1] !== SYNC_STEP1) {
      this.ignored++;
      return;
    }
    const decoder = decoding.createDecoder(frame);
    decoding.readVarUint(decoder);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
    if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
    if (step === syncProtocol.messageYjsSyncStep2 && !this.synced) this.syncedAt = now();
    else if (this.synced) this.applied++;
  }
}

const FILLER =
  'Calls upon all participating States to strengthen regional cooperation against terrorism and violent extremism, and to ';

/** Inserts paragraphs at a set rate; each carries `marker(index, seq, sentAt)`. */
export class Writer {
  readonly client: DocClient;
  seq = 0;
  /** inserts whose send time lies in the window */
  measured = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    url: string,
    readonly index: number,
    private readonly window: MeasureWindow,
  ) {
    this.client = new DocClient(url, false);
  }

  insert(): void {
    const sentAt = now();
    const seq = this.seq++;
    if (this.window.has(sentAt)) this.measured++;
    const doc = this.client.doc;
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.setAttribute('id', `p-bench-${this.index}-${seq}`);
      p.setAttribute('kind', 'op');
      const text = new Y.XmlText();
      text.insert(0, `${marker(this.index, seq, sentAt)} ${FILLER}`);
      p.insert(0, [text]);
      const body = doc.getXmlFragment('body');
      body.insert(body.length, [p]);
    });
  }

  /** Inserts `rate` times a second from `startAt` (+ phase) until `endAt`; resolves when done. */
  run(rate: number, startAt: number, endAt: number): Promise<void> {
    const period = 1000 / rate;
    let k = 0;
    return new Promise<void>((resolve) => {
      const tick = () => {
        const due = startAt + k * period;
        if (due >= endAt) {
          this.timer = null;
          resolve();
          return;
        }
        const wait = due - now();
        if (wait > 1) {
          this.timer = setTimeout(tick, wait);
          return;
        }
        k++;
        this.insert();
        tick();
      };
      tick();
    });
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.client.stop();
  }
}

/** A real Y.Doc receiver: latency per measured insert, from send to the paragraph being in its doc. */
export class Probe {
  readonly client: DocClient;
  readonly samples: number[] = [];

  constructor(url: string, window: MeasureWindow) {
    this.client = new DocClient(url, true);
    this.client.doc.getXmlFragment('body').observe((event) => {
      const t = now();
      for (const item of event.changes.added) {
        const el = item.content.getContent()[0] as unknown;
        if (!(el instanceof Y.XmlElement)) continue;
        const first = el.get(0) as unknown;
        const m = first instanceof Y.XmlText ? markerIn(first.toString()) : null;
        if (m && window.has(m.sentAt)) this.samples.push(t - m.sentAt);
      }
    });
  }

  get delivered(): number {
    return this.samples.length;
  }
}

/**
 * Connects clients with at most `concurrency` connections being set up at once (0: all at once).
 * Never rejects: returns how many could not be connected and the first reason.
 */
export async function connectAll(
  clients: { connect(o?: ConnectOptions): Promise<void> }[],
  concurrency: number,
  opts: ConnectOptions = {},
): Promise<{ failed: number; firstError: string | null }> {
  let failed = 0;
  let firstError: string | null = null;
  const one = (c: { connect(o?: ConnectOptions): Promise<void> }) =>
    c.connect(opts).catch((err: unknown) => {
      failed++;
      firstError ??= err instanceof Error ? err.message : String(err);
    });
  if (concurrency <= 0 || concurrency >= clients.length) await Promise.all(clients.map(one));
  else {
    let next = 0;
    const lane = async () => {
      while (next < clients.length) await one(clients[next++]!);
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  }
  return { failed, firstError };
}

/** CPU time every core of the machine has spent busy so far, ms (from /proc/stat; NaN elsewhere). */
export function machineBusyMs(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    // cpu  user nice system idle iowait irq softirq steal …
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!;
    return (busy * 1000) / 100; // USER_HZ
  } catch {
    return NaN;
  }
}

/**
 * The generator's own health while it measures: event-loop delay and CPU; and how much CPU the
 * rest of the machine (neither the server under test nor the generator) took meanwhile.
 */
export class GeneratorHealth {
  private hist: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private cpu0: NodeJS.CpuUsage | null = null;
  private busy0 = NaN;
  private t0 = 0;

  start(): void {
    this.hist.reset();
    this.hist.enable();
    this.cpu0 = process.cpuUsage();
    this.busy0 = machineBusyMs();
    this.t0 = now();
  }

  /** `serverCpuMs`: what the server under test used in the same span, to tell the rest apart. */
  stop(serverCpuMs = 0): GeneratorReport {
    this.hist.disable();
    const cpu = process.cpuUsage(this.cpu0 ?? undefined);
    const elapsed = now() - this.t0;
    const busy = machineBusyMs() - this.busy0;
    const otherPct = elapsed > 0 ? Math.max(0, ((busy - serverCpuMs - (cpu.user + cpu.system) / 1000) / elapsed) * 100) : NaN;
    // monitorEventLoopDelay's samples are the timer interval (10 ms) plus the delay: keep the delay
    const lag = (ns: number) => Math.max(0, ns / 1e6 - 10);
    const report: GeneratorReport = {
      loopLagP50Ms: lag(this.hist.percentile(50)),
      loopLagP99Ms: lag(this.hist.percentile(99)),
      loopLagMaxMs: lag(this.hist.max),
      cpuPct: elapsed > 0 ? ((cpu.user + cpu.system) / 1000 / elapsed) * 100 : 0,
      otherCpuPct: otherPct,
      warnings: [],
    };
    if (otherPct > 15)
      report.warnings.push(
        `other processes on the machine used ${otherPct.toFixed(0)} % of a core meanwhile (tests, browsers …): the servers and the generator competed for the ${cpus().length} cores; figures are noisy`,
      );
    if (report.loopLagP99Ms > 10)
      report.warnings.push(
        `generator event-loop delay p99 ${report.loopLagP99Ms.toFixed(1)} ms: latencies include up to that much delay in the generator; read them as upper bounds`,
      );
    if (report.cpuPct > 85) report.warnings.push(`generator CPU ${report.cpuPct.toFixed(0)} % of one core: the generator is near saturation, results are unreliable`);
    return report;
  }
}

export interface GeneratorReport {
  /** event-loop delay beyond the 10 ms sampling interval (monitorEventLoopDelay's raw figures minus 10 ms) */
  loopLagP50Ms: number;
  loopLagP99Ms: number;
  loopLagMaxMs: number;
  cpuPct: number;
  /** CPU used by everything else on the machine meanwhile, % of one core (±10 ms tick resolution) */
  otherCpuPct: number;
  warnings: string[];
}

/** Waits until `done()` or the timeout; returns whether it was done. */
export async function until(done: () => boolean, timeoutMs: number, pollMs = 25): Promise<boolean> {
  const deadline = now() + timeoutMs;
  while (!done()) {
    if (now() > deadline) return false;
    await sleep(pollMs);
  }
  return true;
}
