import type { Redis } from 'ioredis';
import { compareStreamIds, nextStreamId, type RedisStore } from '../store/RedisStore';
import { sittingOf, type CatchUp, type DocBus, type DocFollower, type LogEntry } from './DocBus';
import { SittingLocks } from './SittingLocks';

const READ_COUNT = 1000;
const BLOCK_MS = 5000;
const AWARENESS_UPDATE = 1;
const AWARENESS_QUERY = 2;

interface Followed {
  name: string;
  follower: DocFollower;
  /** the last log id delivered */
  cursor: string | null;
}

type StreamReply = [key: Buffer, items: [id: Buffer, fields: Buffer[]][]][];

function fieldOf(fields: Buffer[], name: string): Buffer | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i]!.toString() === name) return fields[i + 1];
  return undefined;
}

function toEntries(items: [Buffer, Buffer[]][]): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const [rawId, fields] of items) {
    const u = fieldOf(fields, 'u');
    if (u) entries.push({ id: rawId.toString(), update: new Uint8Array(u), node: fieldOf(fields, 'n')?.toString() ?? null });
  }
  return entries;
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : compareStreamIds(a, b) >= 0 ? a : b);

/**
 * The bus between nodes on one Redis. Each doc's log stream (written by `RedisStore.append`) is
 * read back by one blocking `XREAD` over the streams of every doc this node holds, re-issued when
 * that set changes (a per-node wake stream interrupts it). When a compaction on another node
 * trimmed entries this node had not read, the doc's snapshot is delivered first. Awareness goes
 * over pub/sub: it is ephemeral, and clients resend it every 15 s.
 */
export class RedisBus implements DocBus {
  private readonly followed = new Map<string, Followed>();
  private readonly byKey = new Map<string, string>();
  private readonly reader: Redis;
  private readonly sub: Redis;
  private readonly locks: SittingLocks;
  private readonly wakeKey: string;
  private wakeCursor = '0-0';
  private followsChanged: (() => void) | null = null;
  private closed = false;
  /** set when the reader reconnected to Redis: the next round re-reads every doc from its position */
  private reconnected = false;
  /** the Redis server's `run_id`: another one means Redis restarted and may have lost writes (N6) */
  private runId: string | null = null;
  /** when the connection to Redis was lost: the last position this node knew of each doc (N6) */
  private knownAtLoss: Map<string, string> | null = null;
  private readonly loop: Promise<void>;

  constructor(
    private readonly store: RedisStore,
    readonly nodeId: string,
    private readonly log: (msg: string) => void = () => {},
    /** told of each doc stored whole again because Redis lost writes (N6) */
    private readonly onLostWrites: (doc: string) => void = () => {},
  ) {
    const redis = store.redis;
    // blocking reads wait out a Redis restart instead of failing after two retries
    this.reader = redis.duplicate({ maxRetriesPerRequest: null, enableAutoPipelining: false });
    this.reader.on('error', () => {});
    let connectedOnce = false;
    this.reader.on('ready', () => {
      if (connectedOnce) {
        this.reconnected = true;
        // the blocked read may wait BLOCK_MS before the loop sees the reconnection: end it now
        this.wake();
      }
      connectedOnce = true;
    });
    // taken before anything can be written after the loss: a later write would hide the gap
    this.reader.on('close', () => {
      if (!this.closed && connectedOnce) this.knownAtLoss ??= this.knownPositions();
    });
    void this.readRunId()
      .then((id) => (this.runId ??= id))
      .catch(() => {});
    this.sub = redis.duplicate({ maxRetriesPerRequest: null, enableAutoPipelining: false });
    this.sub.on('error', () => {});
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onAwareness(channel.toString(), message));
    this.locks = new SittingLocks(redis, (sid) => `${store.prefix}sitting:${sid}:lock`, { log });
    this.wakeKey = `${store.prefix}node:${nodeId}:wake`;
    this.loop = this.readLoop();
  }

  comparePositions(a: string, b: string): number {
    return compareStreamIds(a, b);
  }

  async readSince(name: string, after: string | null): Promise<CatchUp> {
    const { snap, log } = this.store.key;
    const [[e1, upto], [e2, items]] = (await this.store.redis
      .multi()
      .hget(snap(name), 'upto')
      .xrangeBuffer(log(name), after ? nextStreamId(after) : '-', '+')
      .exec()) as [[Error | null, string | null], [Error | null, [Buffer, Buffer[]][]]];
    if (e1 || e2) throw e1 ?? e2;
    if (!upto || (after !== null && compareStreamIds(upto, after) <= 0)) return { snapshot: null, entries: toEntries(items) };
    return this.fromSnapshot(name);
  }

  follow(name: string, follower: DocFollower): () => void {
    const f: Followed = { name, follower, cursor: follower.position() };
    this.followed.set(name, f);
    this.byKey.set(this.store.key.log(name), name);
    this.wake();
    const channel = this.channel(name);
    this.sub
      .subscribe(channel)
      .then(() => this.publish(name, AWARENESS_QUERY, new Uint8Array()))
      .catch(() => {});
    return () => {
      if (this.followed.get(name) !== f) return;
      this.followed.delete(name);
      this.byKey.delete(this.store.key.log(name));
      void this.sub.unsubscribe(channel).catch(() => {});
    };
  }

  publishAwareness(name: string, update: Uint8Array): void {
    this.publish(name, AWARENESS_UPDATE, update);
  }

  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(sittingOf(name), fn);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.followsChanged?.();
    this.reader.disconnect();
    this.sub.disconnect();
    await this.loop;
  }

  private async fromSnapshot(name: string): Promise<CatchUp> {
    const { snap, log } = this.store.key;
    // one transaction: a compaction in between would trim entries after the snapshot we read
    const [[e1, stored], [e2, items]] = (await this.store.redis.multi().hgetallBuffer(snap(name)).xrangeBuffer(log(name), '-', '+').exec()) as [
      [Error | null, Record<string, Buffer>],
      [Error | null, [Buffer, Buffer[]][]],
    ];
    if (e1 || e2) throw e1 ?? e2;
    const upto = stored.upto?.toString();
    if (!stored.data || !upto) throw new Error(`the snapshot of ${name} is incomplete`);
    // the snapshot holds everything up to `upto`; the entries after it are still in the log
    const entries = toEntries(items).filter((e) => compareStreamIds(e.id, upto) > 0);
    return { snapshot: { data: new Uint8Array(stored.data), upto }, entries };
  }

  private wake(): void {
    this.followsChanged?.();
    // a few entries, gone a day after the node
    void this.store.redis
      .multi()
      .xadd(this.wakeKey, 'MAXLEN', '~', '16', '*', 'w', '1')
      .pexpire(this.wakeKey, 24 * 3600 * 1000)
      .exec()
      .catch(() => {});
  }

  private async readLoop(): Promise<void> {
    let failures = 0;
    while (!this.closed) {
      if (this.followed.size === 0) {
        await new Promise<void>((resolve) => (this.followsChanged = resolve));
        this.followsChanged = null;
        continue;
      }
      try {
        // after losing Redis, re-read every doc from its position: a compaction may have trimmed what was missed
        if (this.reconnected) {
          this.reconnected = false;
          await this.recoverLostWrites();
          await this.catchUpAll();
        }
        const docs = [...this.followed.values()];
        const ids = docs.map((f) => later(f.cursor, f.follower.position()) ?? '0-0');
        const reply = (await this.reader.xreadBuffer(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...docs.map((f) => this.store.key.log(f.name)),
          this.wakeKey,
          ...ids,
          this.wakeCursor,
        )) as StreamReply | null;
        if (reply) await this.dispatch(reply, new Map(docs.map((f, i) => [f, ids[i]!])));
        failures = 0;
      } catch (err) {
        if (this.closed) break;
        this.reconnected = true;
        if (failures++ === 0) this.log(`bus: reading the logs failed, retrying: ${String(err)}`);
        await new Promise((r) => setTimeout(r, Math.min(100 * failures, 2000)));
      }
    }
  }

  private async dispatch(reply: StreamReply, readFrom: Map<Followed, string>): Promise<void> {
    const batches: { f: Followed; from: string; entries: LogEntry[]; last: string }[] = [];
    for (const [rawKey, items] of reply) {
      const key = rawKey.toString();
      if (key === this.wakeKey) {
        if (items.length > 0) this.wakeCursor = items[items.length - 1]![0].toString();
        continue;
      }
      const name = this.byKey.get(key);
      const f = name ? this.followed.get(name) : undefined;
      if (!f || !readFrom.has(f) || items.length === 0) continue;
      batches.push({ f, from: readFrom.get(f)!, entries: toEntries(items), last: items[items.length - 1]![0].toString() });
    }
    if (batches.length === 0) return;
    // XREAD skips trimmed entries silently: a snapshot past where we read from means some were trimmed
    const pipeline = this.store.redis.pipeline();
    for (const b of batches) pipeline.hget(this.store.key.snap(b.f.name), 'upto');
    const uptos = ((await pipeline.exec()) ?? []).map(([err, v]) => {
      if (err) throw err;
      return v as string | null;
    });
    for (const [i, b] of batches.entries()) {
      const upto = uptos[i];
      const catchUp: CatchUp = upto && compareStreamIds(upto, b.from) > 0 ? await this.fromSnapshot(b.f.name) : { snapshot: null, entries: b.entries };
      this.deliver(b.f, catchUp, b.last);
    }
  }

  /** Hands entries to a doc's room; the cursor moves only once they are delivered. */
  private deliver(f: Followed, catchUp: CatchUp, last: string | null): void {
    if (this.followed.get(f.name) !== f) return;
    f.cursor = later(later(f.cursor, last), catchUp.entries.at(-1)?.id ?? catchUp.snapshot?.upto ?? null);
    if (catchUp.snapshot || catchUp.entries.length > 0) f.follower.log(catchUp);
  }

  /** The latest log position this node has written, read or applied, per followed doc. */
  private knownPositions(): Map<string, string> {
    const known = new Map<string, string>();
    for (const f of this.followed.values()) {
      const pos = later(later(f.cursor, f.follower.position()), f.follower.written());
      if (pos !== null) known.set(f.name, pos);
    }
    return known;
  }

  private async readRunId(): Promise<string | null> {
    return /^run_id:(\w+)/m.exec(await this.store.redis.info('server'))?.[1] ?? null;
  }

  /**
   * After a reconnection: if Redis restarted (another `run_id`), a doc whose log no longer holds the
   * last entry this node knew (nor a snapshot at it) lost acknowledged writes. Its room stores its
   * whole state again and follows the log on from what Redis still holds (N6).
   */
  private async recoverLostWrites(): Promise<void> {
    const known = this.knownAtLoss;
    if (!known) return;
    const runId = await this.readRunId();
    if (runId !== null && runId === this.runId) {
      this.knownAtLoss = null;
      return;
    }
    const docs = [...known].flatMap(([name, pos]) => {
      const f = this.followed.get(name);
      return f ? [{ f, pos }] : [];
    });
    this.log(`bus: Redis restarted; checking whether it holds what this node knew of ${docs.length} doc(s)`);
    const { log, snap } = this.store.key;
    const pipeline = this.store.redis.pipeline();
    for (const { f, pos } of docs) pipeline.xrevrange(log(f.name), pos, '-', 'COUNT', 1).hget(snap(f.name), 'upto');
    const replies = ((await pipeline.exec()) ?? []).map(([err, v]) => {
      if (err) throw err;
      return v;
    });
    await Promise.all(
      docs.map(async ({ f, pos }, i) => {
        const entry = (replies[2 * i] as [string, string[]][])[0]?.[0] ?? null;
        const upto = replies[2 * i + 1] as string | null;
        // the last position Redis holds up to `pos`; a snapshot beyond it may be newer than the loss
        const held = later(entry, upto !== null && compareStreamIds(upto, pos) <= 0 ? upto : null);
        if (held === pos) return;
        this.log(`bus: Redis lost writes of ${f.name}: it holds its log up to ${held ?? 'nothing'}, this node had ${pos}; storing the doc whole again`);
        this.onLostWrites(f.name);
        f.cursor = held;
        await f.follower.restore(held).catch((err: unknown) => this.log(`bus: ${f.name} could not be stored again: ${String(err)}`));
      }),
    );
    this.runId = runId;
    this.knownAtLoss = null;
  }

  private async catchUpAll(): Promise<void> {
    for (const f of [...this.followed.values()]) this.deliver(f, await this.readSince(f.name, later(f.cursor, f.follower.position())), null);
  }

  private channel(name: string): string {
    return `${this.store.prefix}doc:${name}:awareness`;
  }

  /** A message: kind (1 byte), the sender's node id (2-byte length, then UTF-8), the awareness update. */
  private publish(name: string, kind: number, payload: Uint8Array): void {
    const node = Buffer.from(this.nodeId);
    const head = Buffer.alloc(3);
    head.writeUInt8(kind, 0);
    head.writeUInt16BE(node.length, 1);
    void this.store.redis.publish(this.channel(name), Buffer.concat([head, node, payload])).catch(() => {});
  }

  private onAwareness(channel: string, message: Buffer): void {
    const prefix = `${this.store.prefix}doc:`;
    if (!channel.startsWith(prefix) || !channel.endsWith(':awareness') || message.length < 3) return;
    const f = this.followed.get(channel.slice(prefix.length, -':awareness'.length));
    const end = 3 + message.readUInt16BE(1);
    const node = message.subarray(3, end).toString();
    if (!f || node === this.nodeId || end > message.length) return;
    try {
      if (message[0] === AWARENESS_UPDATE) f.follower.awareness(new Uint8Array(message.subarray(end)), node);
      else if (message[0] === AWARENESS_QUERY) {
        const mine = f.follower.localAwareness();
        if (mine) this.publishAwareness(f.name, mine);
      }
    } catch (err) {
      this.log(`bus: awareness from ${node} for ${f.name} dropped: ${String(err)}`);
    }
  }
}
