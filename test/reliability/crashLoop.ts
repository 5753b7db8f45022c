/**
 * The crash loop: rounds of `kill -9` of the Plenary process (and, with Redis, of redis-server) at
 * random moments while stock y-websocket clients type into the communiqué and Socket.IO clients
 * send commands. After every kill the store is read directly: whatever any client had received,
 * and every command that was acked, must be there, each command once. After every restart the
 * clients must converge with a fresh client, with everything they typed (also while the server
 * was down). Used by test/crash.test.ts (a few rounds) and `npm run crashloop` (many).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@plenary/shared';
import { prng } from '../../bench/stats';
import { DEMO_SESSION_ID } from '../../server/src/demo/kabul';
import { spawnPlenary, type PlenaryChild } from '../helpers/child';
import { typeInto, yClient, type YClient } from '../helpers/plenary';
import { startRedis, type TestRedis } from '../helpers/redisServer';
import { freePort, waitFor } from '../helpers/wait';
import { readStoredSitting, withStore, type StoredSitting } from './storeDocs';

export interface CrashLoopOptions {
  store: 'sqlite' | 'redis';
  rounds: number;
  /** seeds the random moments of the kills; the same seed gives the same schedule */
  seed?: number;
  /** with Redis, every n-th round kills redis-server instead of Plenary (0: never; default 3) */
  redisKillEvery?: number;
  /** the Redis AOF policy (default `always`) */
  appendfsync?: 'always' | 'everysec';
  /** typing and commands run this long before a kill, at random within [min, max] ms */
  killAfterMs?: [number, number];
  log?: (line: string) => void;
}

export interface CrashLoopSummary {
  store: 'sqlite' | 'redis';
  seed: number;
  rounds: number;
  serverKills: number;
  redisKills: number;
  /** words typed by the writers in all */
  wordsTyped: number;
  /** words other clients had received at the kills, summed over the rounds; each was checked in the store */
  wordsCheckedAtKills: number;
  commandsAcked: number;
  /** sends of a command again with the same id (timeouts, refusals while the store was down) */
  commandRetries: number;
  /** how long the slowest round took from the kill until every client had converged */
  slowestRecoveryMs: number;
  /** everything found wrong; empty when the loop passed */
  problems: string[];
  ms: number;
}

const WRITERS = ['pk', 'cn', 'af'] as const;
/** a writer types a word this often: 10 updates a second, a fast typist */
const TYPE_EVERY_MS = 100;
const COMMUNIQUE = `${DEMO_SESSION_ID}/communique`;
const WORD = /\b(?:pk|cn|af)\d+w\d+\b/g;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const wordsIn = (text: string) => new Set(text.match(WORD) ?? []);

type CmdSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Writer {
  name: (typeof WRITERS)[number];
  client: YClient;
  typed: string[];
}

/** A client that sends one command at a time and retries it with the same id until it is acked. */
class CommandSender {
  readonly acked = new Set<string>();
  readonly sent: string[] = [];
  retries = 0;
  enabled = true;
  private busy = false;
  private stopped = false;
  private n = 0;
  private readonly loop: Promise<void>;

  constructor(
    readonly socket: CmdSocket,
    private readonly make: (n: number) => { mark: string; type: string; payload: unknown },
    private readonly rand: () => number,
  ) {
    this.loop = this.run();
  }

  get idle(): boolean {
    return !this.busy;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (!this.enabled) {
        await sleep(20);
        continue;
      }
      this.busy = true;
      const { mark, type, payload } = this.make(this.n++);
      const id = `crash-${mark}-${Math.floor(this.rand() * 1e9)}`;
      this.sent.push(mark);
      for (let attempt = 0; !this.stopped; attempt++) {
        if (attempt > 0) this.retries++;
        const ack: Ack | null = await this.socket.timeout(3000).emitWithAck('cmd', { id, type, payload }).catch(() => null);
        if (ack?.ok) {
          this.acked.add(mark);
          break;
        }
        await sleep(200);
      }
      this.busy = false;
      await sleep(150 + this.rand() * 100);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    this.socket.close();
  }
}

function commandSocket(server: PlenaryChild, token: string): CmdSocket {
  return io(server.url, { auth: { token }, transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500, forceNew: true });
}

export async function runCrashLoop(opts: CrashLoopOptions): Promise<CrashLoopSummary> {
  const started = Date.now();
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  // seeded, so that a failing schedule can be run again
  const rand = prng(seed);
  const log = opts.log ?? (() => {});
  const [killMin, killMax] = opts.killAfterMs ?? [300, 1500];
  const redisKillEvery = opts.store === 'redis' ? (opts.redisKillEvery ?? 3) : 0;
  const problems: string[] = [];
  const summary: CrashLoopSummary = {
    store: opts.store,
    seed,
    rounds: 0,
    serverKills: 0,
    redisKills: 0,
    wordsTyped: 0,
    wordsCheckedAtKills: 0,
    commandsAcked: 0,
    commandRetries: 0,
    slowestRecoveryMs: 0,
    problems,
    ms: 0,
  };

  const dataDir = mkdtempSync(join(tmpdir(), 'plenary-crashloop-'));
  let redis: TestRedis | null = null;
  let server: PlenaryChild | null = null;
  const writers: Writer[] = [];
  const senders: CommandSender[] = [];
  let reader: YClient | null = null;
  let typing: NodeJS.Timeout | null = null;
  try {
    if (opts.store === 'redis') redis = await startRedis({ appendfsync: opts.appendfsync ?? 'always' });
    // a fixed port, so that the clients reconnect to the restarted server by themselves
    const env: Record<string, string> = {
      PORT: String(await freePort()),
      PLENARY_DATA_DIR: dataDir,
      ...(redis ? { REDIS_URL: redis.url } : {}),
    };
    const where = { dataDir, ...(redis ? { redisUrl: redis.url } : {}) };
    server = await spawnPlenary(env);
    const tokens = server.tokens;

    for (const name of WRITERS) writers.push({ name, client: await yClient(server, COMMUNIQUE, tokens[name]!), typed: [] });
    reader = await yClient(server, COMMUNIQUE, tokens.observer!);
    const body = reader.doc.getXmlFragment('body');
    const paragraphId = String((body.get(1) as unknown as { getAttribute(k: string): unknown }).getAttribute('id'));
    let round = 0;
    senders.push(
      new CommandSender(commandSocket(server, tokens.chair!), (n) => ({ mark: `c${round}.${n}`, type: 'agenda.add', payload: { title: `c${round}.${n}` } }), rand),
      new CommandSender(
        commandSocket(server, tokens.cn!),
        (n) => ({ mark: `k${round}.${n}`, type: 'comment.add', payload: { paragraphId, text: `k${round}.${n}` } }),
        rand,
      ),
    );

    let typingOn = true;
    let word = 0;
    typing = setInterval(() => {
      if (!typingOn) return;
      word++;
      writers.forEach((w, i) => {
        const text = `${w.name}${round}w${word}`;
        typeInto(w.client.doc, ` ${text}`, i + 1);
        w.typed.push(text);
      });
    }, TYPE_EVERY_MS);

    /** what clients got from the server: the reader's copy and each writer's copy of the others' words */
    const received = () => {
      const all = wordsIn(reader!.text());
      for (const w of writers) for (const x of wordsIn(w.client.text())) if (!x.startsWith(w.name)) all.add(x);
      return all;
    };
    const ackedMarks = () => senders.flatMap((s) => [...s.acked]);

    const checkStore = (stored: StoredSitting, seen: Set<string>, acked: string[], label: string) => {
      const inStore = wordsIn(stored.body);
      const lostWords = [...seen].filter((w) => !inStore.has(w));
      if (lostWords.length) problems.push(`${label}: ${lostWords.length} received words missing from the store: ${lostWords.slice(0, 10).join(' ')}`);
      const marks = [...stored.agendaTitles, ...stored.commentTexts];
      const lostCmds = acked.filter((m) => !marks.includes(m));
      if (lostCmds.length) problems.push(`${label}: acked commands missing from the store: ${lostCmds.join(' ')}`);
      const counts = new Map<string, number>();
      for (const m of marks) if (/^[ck]\d+\.\d+$/.test(m)) counts.set(m, (counts.get(m) ?? 0) + 1);
      const twice = [...counts].filter(([, n]) => n > 1).map(([m]) => m);
      if (twice.length) problems.push(`${label}: commands applied more than once: ${twice.join(' ')}`);
    };

    /** stops typing and commands, and waits until every client and a fresh one hold the same text */
    /** phases of the last recovery, in ms after the kill */
    const phases: Record<string, number> = {};
    const converge = async (label: string, killedAt: number, resume = true) => {
      typingOn = false;
      for (const s of senders) s.enabled = false;
      await waitFor(() => senders.every((s) => s.idle), 30_000, `${label}: commands were not acked after the restart`);
      phases.commands = Date.now() - killedAt;
      const fresh = await waitForClient(server!, tokens.observer!);
      phases.fresh = Date.now() - killedAt;
      try {
        const typed = writers.flatMap((w) => w.typed);
        await waitFor(
          () => {
            const text = fresh.text();
            return writers.every((w) => w.client.text() === text) && reader!.text() === text && typed.every((t) => text.includes(`${t} `) || text.includes(`${t}<`));
          },
          30_000,
          `${label}: the clients did not converge`,
        );
      } finally {
        fresh.destroy();
      }
      typingOn = resume;
      for (const s of senders) s.enabled = resume;
    };

    for (round = 1; round <= opts.rounds; round++) {
      const killRedis = redisKillEvery > 0 && round % redisKillEvery === 0;
      const label = `round ${round}/${opts.rounds} (${opts.store}${killRedis ? ', redis-server killed' : ''})`;
      const after = Math.round(killMin + rand() * (killMax - killMin));
      await sleep(after);
      const killedAt = Date.now();
      let seen: Set<string>;
      let acked: string[];
      let stored: StoredSitting;
      if (killRedis) {
        await redis!.kill();
        summary.redisKills++;
        await sleep(300 + rand() * 900);
        // nothing can be stored while Redis is down, so nothing more can have been relayed
        seen = received();
        acked = ackedMarks();
        await redis!.restart();
        stored = await withStore(where, (s) => readStoredSitting(s, DEMO_SESSION_ID));
      } else {
        await server.kill9();
        summary.serverKills++;
        // what clients had when the server died (an ack sent just before may still be arriving: counted)
        seen = received();
        acked = ackedMarks();
        stored = await withStore(where, (s) => readStoredSitting(s, DEMO_SESSION_ID));
        server = await spawnPlenary(env);
      }
      summary.wordsCheckedAtKills += seen.size;
      checkStore(stored, seen, acked, label);
      phases.up = Date.now() - killedAt;
      await converge(label, killedAt);
      const recovery = Date.now() - killedAt;
      summary.slowestRecoveryMs = Math.max(summary.slowestRecoveryMs, recovery);
      summary.rounds = round;
      log(`${label}: killed after ${after} ms; ${seen.size} received words and ${ackedMarks().length} acked commands in the store; converged ${recovery} ms after the kill (back up ${phases.up}, commands acked ${phases.commands}, fresh client synced ${phases.fresh})`);
      if (problems.length) break;
    }

    if (problems.length) return summary;
    await converge('end', Date.now(), false);
    await Promise.all(senders.map((s) => s.stop()));
    await server.stop();
    const final = await withStore(where, (s) => readStoredSitting(s, DEMO_SESSION_ID));
    checkStore(final, new Set(writers.flatMap((w) => w.typed)), ackedMarks(), 'after the last round');
    const unacked = senders.flatMap((s) => s.sent.filter((m) => !s.acked.has(m)));
    const marks = [...final.agendaTitles, ...final.commentTexts];
    // a command whose acks were all lost may or may not have been applied, but never twice (checked above)
    if (unacked.some((m) => marks.filter((x) => x === m).length > 1)) problems.push('an unacked command was applied twice');
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  } finally {
    if (typing) clearInterval(typing);
    summary.wordsTyped = writers.reduce((n, w) => n + w.typed.length, 0);
    summary.commandsAcked = senders.reduce((n, s) => n + s.acked.size, 0);
    summary.commandRetries = senders.reduce((n, s) => n + s.retries, 0);
    await Promise.all(senders.map((s) => s.stop()));
    for (const w of writers) w.client.destroy();
    reader?.destroy();
    await server?.stop();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    summary.ms = Date.now() - started;
  }
  return summary;
}

/** A fresh observer; the first tries may meet a server (or Redis) that is still coming back. */
async function waitForClient(server: PlenaryChild, token: string): Promise<YClient> {
  let client: YClient | null = null;
  await waitFor(async () => {
    try {
      client = await yClient(server, COMMUNIQUE, token);
      return true;
    } catch {
      return false;
    }
  }, 30_000, 'no fresh client could sync');
  return client!;
}

export function formatSummary(s: CrashLoopSummary): string {
  return [
    `crash loop on ${s.store} (seed ${s.seed}): ${s.rounds} rounds — ${s.serverKills} × kill -9 of Plenary, ${s.redisKills} × kill -9 of redis-server`,
    `  ${s.wordsTyped} words typed (${WRITERS.length} writers at ${1000 / TYPE_EVERY_MS}/s), ${s.wordsCheckedAtKills} received words checked in the store at the kills`,
    `  ${s.commandsAcked} commands acked (${s.commandRetries} retries with the same id), each found once in the store`,
    `  slowest recovery (kill → every client converged): ${s.slowestRecoveryMs} ms; took ${(s.ms / 1000).toFixed(1)} s`,
    s.problems.length ? `  FAILED:\n${s.problems.map((p) => `    - ${p}`).join('\n')}` : '  nothing lost, nothing applied twice',
  ].join('\n');
}
