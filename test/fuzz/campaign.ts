import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { ErrorCode, type CreateSessionResponse } from '@plenary/shared';
import type { Config } from '../../server/src/config';
import { cmd, createSitting, delegateToken, ioClient, startTestServer, yClient, type TestServer, type TestSocket, type YClient } from '../helpers/plenary';
import { waitFor } from '../helpers/wait';
import { MALFORMED_PERCENT_PATHS, MALFORMED_PERCENT_UPGRADES, rawRequest, rawUpgrade, sendRaw, unauthenticatedEngine, UNREADABLE_TARGETS } from '../attacks/access';
import { Rng } from './random';
import { nextSocketAction } from './socketPayloads';
import { FrameFactory, type FrameKind } from './yjsFrames';

export interface CampaignOptions {
  /** y-websocket frames to send, over all fuzzing connections */
  frames: number;
  /** Socket.IO emits */
  actions: number;
  seed: number;
  /** fuzzing WebSocket connections at once */
  connections?: number;
  /** server settings beyond the defaults (rate limits are off unless given) */
  server?: Partial<Config>;
  log?: (msg: string) => void;
}

export interface CampaignReport {
  seed: number;
  frames: number;
  seconds: number;
  framesPerSec: number;
  actions: number;
  actionsPerSec: number;
  connectionsOpened: number;
  /** how the server ended fuzzing connections: close code → count */
  closes: Record<string, number>;
  kinds: Partial<Record<FrameKind, number>>;
  honestEdits: number;
  honestMaxLatencyMs: number;
  honestCommands: number;
  /** an outsider's requests mixed in: malformed paths and upgrades, unauthenticated engine connections (test/attacks/access.ts) */
  outsiderRequests: number;
  /** invariant violations; empty when the campaign passed */
  findings: string[];
}

const NO_LIMITS: Config['rates'] = { updates: { perSecond: 0, burst: 0 }, awareness: { perSecond: 0, burst: 0 }, commands: { perSecond: 0, burst: 0 } };

const bodyOf = (c: YClient) => c.doc.getXmlFragment('body');
const yield_ = () => new Promise<void>((r) => setImmediate(r));

/**
 * A seeded fuzzing campaign against a real server (SQLite, real sockets): hostile y-websocket
 * frames on several connections and hostile Socket.IO emits, while an honest writer and reader edit
 * the communiqué and the chair runs commands. Invariants: nothing throws out of the server, the
 * honest clients keep working and converge, a fresh client and a restarted server hold exactly
 * their content, no prototype is polluted.
 */
export async function runCampaign(opts: CampaignOptions): Promise<CampaignReport> {
  const log = opts.log ?? (() => {});
  const findings: string[] = [];
  const onError = (err: unknown) => findings.push(`uncaught: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).join();

  // no rate limits, so that every frame reaches the decoder; room for a long campaign's paragraphs
  let t: TestServer = await startTestServer({ rates: NO_LIMITS, maxDocBytes: 256 * 1024 * 1024, ...opts.server });
  const links: CreateSessionResponse = await createSitting(t);
  const clients: YClient[] = [];
  const sockets: TestSocket[] = [];
  const report: CampaignReport = {
    seed: opts.seed,
    frames: 0,
    seconds: 0,
    framesPerSec: 0,
    actions: 0,
    actionsPerSec: 0,
    connectionsOpened: 0,
    closes: {},
    kinds: {},
    honestEdits: 0,
    honestMaxLatencyMs: 0,
    honestCommands: 0,
    outsiderRequests: 0,
    findings,
  };
  try {
    const writer = await yClient(t, 'test-sitting/communique', delegateToken(links, 'pk'));
    const reader = await yClient(t, 'test-sitting/communique', delegateToken(links, 'cn'));
    const chair = await ioClient(t, links.links.chair.token);
    clients.push(writer, reader);
    sockets.push(chair);

    // the honest pair: the writer types into its paragraph, the reader must see every word
    const mine = bodyOf(writer).get(1) as Y.XmlElement;
    const pid = mine.getAttribute('id');
    const theirs = bodyOf(reader).toArray().find((el) => el instanceof Y.XmlElement && el.getAttribute('id') === pid) as Y.XmlElement;
    const pending = new Map<string, number>();
    let honestRunning = true;
    const honest = (async () => {
      let n = 0;
      while (honestRunning) {
        const word = ` h${n++}`;
        pending.set(word, Date.now());
        (mine.get(0) as Y.XmlText).insert((mine.get(0) as Y.XmlText).length, word);
        report.honestEdits++;
        await new Promise((r) => setTimeout(r, 40));
      }
    })();
    const seen = setInterval(() => {
      const text = (theirs.get(0) as Y.XmlText).toString();
      for (const [word, at] of pending)
        if (text.includes(`${word} `) || text.endsWith(word)) {
          report.honestMaxLatencyMs = Math.max(report.honestMaxLatencyMs, Date.now() - at);
          pending.delete(word);
        }
    }, 25);
    let commandsRunning = true;
    const honestTitles: string[] = [];
    const commands = (async () => {
      for (let n = 0; commandsRunning; n++) {
        const title = `honest item ${n}`;
        const ack = await cmd(chair, 'agenda.add', { title }).catch((err: unknown) => ({ ok: false, error: String(err) }));
        if (ack.ok) honestTitles.push(title);
        else findings.push(`an honest command failed during the campaign: ${JSON.stringify(ack)}`);
        report.honestCommands++;
        await new Promise((r) => setTimeout(r, 150));
      }
    })();

    const started = performance.now();
    const workers = opts.connections ?? 4;
    const perWorker = Math.ceil(opts.frames / workers);
    const secondsSince = (t0: number) => (performance.now() - t0) / 1000;
    await Promise.all([
      Promise.all(Array.from({ length: workers }, (_, i) => fuzzFrames(t, links, new Rng(opts.seed + i * 7919), perWorker, report))).then(() => {
        report.framesPerSec = Math.round(report.frames / secondsSince(started));
      }),
      fuzzSocket(t, links, new Rng(opts.seed ^ 0x5f3759df), opts.actions, report, findings).then(() => {
        report.actionsPerSec = Math.round(report.actions / secondsSince(started));
      }),
      fuzzOutsider(t, new Rng(opts.seed ^ 0x2545f491), Math.ceil(opts.frames / 100), report, findings),
    ]);
    report.seconds = secondsSince(started);
    log(`fuzzed ${report.frames} frames and ${report.actions} Socket.IO emits in ${report.seconds.toFixed(1)} s; checking the invariants`);

    honestRunning = false;
    commandsRunning = false;
    await Promise.all([honest, commands]);
    await waitFor(() => pending.size === 0, 20_000, 'an honest edit never reached the reader').catch((e: Error) => findings.push(`${e.message}: ${[...pending.keys()].slice(0, 5).join(',')}`));
    clearInterval(seen);
    const converged = () => writer.text() === reader.text();
    await waitFor(converged, 20_000, 'the honest writer and reader did not converge').catch((e: Error) => findings.push(e.message));

    // a fresh client, then a restarted server, hold exactly what the honest clients hold
    const expected = writer.text();
    const fresh = await yClient(t, 'test-sitting/communique', links.links.observer.token);
    clients.push(fresh);
    if (fresh.text() !== expected) findings.push('a fresh client does not hold what the honest clients hold');
    if (fresh.doc.store.pendingStructs || fresh.doc.store.pendingDs) findings.push('a sync reply carried content the server never applied ("pending" structs)');
    for (const c of clients.splice(0)) c.destroy();
    for (const s of sockets.splice(0)) s.close();
    t = await t.restart();
    const reloaded = await yClient(t, 'test-sitting/communique', links.links.observer.token);
    const session = await yClient(t, 'test-sitting/session', links.links.observer.token);
    clients.push(reloaded, session);
    if (reloaded.text() !== expected) findings.push('after a restart the stored communiqué differs from what the honest clients hold');
    const titles = new Set((session.doc.getArray('agenda').toJSON() as { title?: string }[]).map((i) => i.title));
    const missing = honestTitles.filter((title) => !titles.has(title));
    if (missing.length > 0) findings.push(`acked commands missing after a restart: ${missing.slice(0, 5).join(', ')}`);
    // 1011 is the server's "internal error": a frame it failed to handle rather than refused
    if (report.closes[1011]) findings.push(`${report.closes[1011]} fuzzing connection(s) closed with 1011 (internal error)`);
    if (Object.getOwnPropertyNames(Object.prototype).join() !== protoKeys || ({} as Record<string, unknown>).polluted !== undefined) {
      findings.push('Object.prototype was polluted');
    }
  } finally {
    for (const c of clients) c.destroy();
    for (const s of sockets) s.close();
    await t.close();
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  }
  return report;
}

type Role = 'delegate' | 'chair' | 'observer' | 'session' | 'stranger';

function urlFor(t: TestServer, links: CreateSessionResponse, role: Role): string {
  const token =
    role === 'chair' ? links.links.chair.token : role === 'observer' ? links.links.observer.token : role === 'stranger' ? 'not-a-token' : delegateToken(links, 'af');
  return `${t.wsUrl}/yjs/test-sitting/${role === 'session' ? 'session' : 'communique'}?token=${token}`;
}

/** One fuzzing connection after another, each sending frames until the server closes it or it has sent its share. */
async function fuzzFrames(t: TestServer, links: CreateSessionResponse, rng: Rng, quota: number, report: CampaignReport): Promise<void> {
  const factory = new FrameFactory(rng);
  let sent = 0;
  while (sent < quota) {
    const role = rng.weighted<Role>({ delegate: 70, chair: 10, observer: 8, session: 8, stranger: 4 });
    if (rng.chance(0.3)) factory.resetDoc();
    const ws = new WebSocket(urlFor(t, links, role));
    report.connectionsOpened++;
    const ended = new Promise<void>((resolve) => {
      ws.on('close', (code) => {
        report.closes[code] = (report.closes[code] ?? 0) + 1;
        resolve();
      });
      ws.on('error', () => resolve());
      ws.on('unexpected-response', (_req, res) => {
        report.closes[`http ${res.statusCode}`] = (report.closes[`http ${res.statusCode}`] ?? 0) + 1;
        resolve();
      });
    });
    const opened = await Promise.race([new Promise<boolean>((r) => ws.once('open', () => r(true))), ended.then(() => false)]);
    if (!opened) continue;
    const share = 1 + rng.int(rng.chance(0.2) ? 2000 : 100);
    for (let i = 0; i < share && sent < quota && ws.readyState === WebSocket.OPEN; i++) {
      const { kind, data } = factory.next();
      ws.send(data);
      sent++;
      report.frames++;
      report.kinds[kind] = (report.kinds[kind] ?? 0) + 1;
      if (i % 8 === 7 || ws.bufferedAmount > 1 << 20) await yield_();
    }
    if (ws.readyState === WebSocket.OPEN) ws.close();
    await ended;
  }
}

/** Hostile Socket.IO emits, as the chair, a delegate and the observer in turn. */
async function fuzzSocket(t: TestServer, links: CreateSessionResponse, rng: Rng, quota: number, report: CampaignReport, findings: string[]): Promise<void> {
  const tokens = [links.links.chair.token, delegateToken(links, 'af'), links.links.observer.token];
  let done = 0;
  while (done < quota) {
    const socket = await ioClient(t, rng.pick(tokens));
    const inflight = new Set<Promise<void>>();
    for (let i = 0, n = 1 + rng.int(200); i < n && done < quota && socket.connected; i++) {
      const action = nextSocketAction(rng);
      done++;
      report.actions++;
      try {
        if (!action.ack) {
          (socket.emit as (e: string, ...a: unknown[]) => void)(action.event, ...action.args);
          continue;
        }
        const p = (socket.timeout(10_000).emitWithAck as (e: string, ...a: unknown[]) => Promise<unknown>)(action.event, ...action.args).then(
          (ack) => {
            if (action.event === 'clock' ? typeof ack !== 'number' : !validAck(ack)) findings.push(`malformed ack to ${action.event}: ${JSON.stringify(ack).slice(0, 200)}`);
          },
          () => {
            // emits the server drops (a `clock` with arguments, a frame over the size cap) are not answered
            if (action.event === 'cmd' && action.args.length === 1 && JSON.stringify(action.args[0]).length < 500_000) findings.push(`no ack to a command: ${JSON.stringify(action.args).slice(0, 200)}`);
          },
        );
        inflight.add(p);
        void p.finally(() => inflight.delete(p));
        if (inflight.size >= 16) await Promise.race(inflight);
      } catch {
        // reserved event names are refused by the client library itself
      }
    }
    await Promise.all(inflight);
    socket.close();
  }
}

function validAck(ack: unknown): boolean {
  if (typeof ack !== 'object' || ack === null) return false;
  const a = ack as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (a.ok === true) return true;
  return a.ok === false && ErrorCode.safeParse(a.error?.code).success && typeof a.error?.message === 'string' && a.error.message.length > 0;
}

/** An outsider's requests: malformed paths and upgrade targets, and engine connections that never authenticate, from 127.0.0.2. */
async function fuzzOutsider(t: TestServer, rng: Rng, quota: number, report: CampaignReport, findings: string[]): Promise<void> {
  const requests = [
    ...MALFORMED_PERCENT_PATHS.map((p) => rawRequest(p)),
    ...MALFORMED_PERCENT_UPGRADES.map(rawUpgrade),
    ...UNREADABLE_TARGETS.flatMap((target) => [rawRequest(target), rawUpgrade(target)]),
  ];
  for (let i = 0; i < quota; i++) {
    report.outsiderRequests++;
    if (rng.chance(0.3)) {
      const engine = await unauthenticatedEngine(t.wsUrl, '127.0.0.2');
      engine.ws.terminate();
      continue;
    }
    const request = rng.pick(requests);
    const res = await sendRaw(t.server.port, request).catch(() => ({ status: 0, body: '' }));
    if (res.status === 0 || res.status >= 500) findings.push(`an outsider's request was answered ${res.status || 'with nothing'}: ${request.split('\r\n')[0]}`);
  }
}
