import type { Redis } from 'ioredis';
import { actorKey, Role, type Actor, type PresenceEntry } from '@plenary/shared';
import type { PresenceBook } from './PresenceBook';
import { Presence } from './Presence';

export interface RedisPresenceOptions {
  /** how often this node says it is alive and looks for nodes that are not */
  heartbeatMs?: number;
  /** how long a node counts as alive after its last heartbeat */
  ttlMs?: number;
  log?: (msg: string) => void;
}

/** A stored entry back to an actor; anything else is dropped. */
function parseActor(json: string): Actor | null {
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    const role = Role.safeParse(v.role);
    if (typeof v.sid !== 'string' || typeof v.name !== 'string' || !role.success) return null;
    if (v.delegation !== undefined && typeof v.delegation !== 'string') return null;
    return { sid: v.sid, role: role.data, name: v.name, ...(typeof v.delegation === 'string' ? { delegation: v.delegation } : {}) };
  } catch {
    return null;
  }
}

type Entries = Record<string, string>;

/** The reply of a transaction's last command; throws the first error. */
function lastResult(results: [Error | null, unknown][] | null): unknown {
  if (!results) throw new Error('Redis transaction was aborted');
  for (const [err] of results) if (err) throw err;
  return results[results.length - 1]?.[1];
}

/**
 * Presence shared by every node: a hash per sitting (`<node>|<connection>` → actor), the sittings
 * each node has entries in, and a heartbeat key per node that expires. Every node sweeps the
 * entries of nodes whose heartbeat expired, so a node that dies leaves the lists within
 * ttl + heartbeat (12 s by default). A node that lost Redis long enough to be swept puts its
 * connections back when it reaches Redis again.
 */
export class RedisPresence implements PresenceBook {
  /** this node's connections, by sitting */
  private readonly local = new Map<string, Map<string, Actor>>();
  private readonly listeners: ((sid: string, actors: Actor[]) => void)[] = [];
  private readonly heartbeatMs: number;
  private readonly ttlMs: number;
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly nodeId: string,
    private readonly opts: RedisPresenceOptions = {},
  ) {
    this.heartbeatMs = opts.heartbeatMs ?? 2000;
    this.ttlMs = opts.ttlMs ?? 10_000;
  }

  private key = {
    sitting: (sid: string) => `${this.prefix}presence:${sid}`,
    nodeSittings: (node: string) => `${this.prefix}node:${node}:sittings`,
    alive: (node: string) => `${this.prefix}node:${node}:alive`,
    sweep: (node: string) => `${this.prefix}node:${node}:sweep`,
    nodes: () => `${this.prefix}nodes`,
  };

  /** Clears what an earlier run under this node id left, sweeps dead nodes, and starts the heartbeat. */
  async start(): Promise<void> {
    await this.sweep(this.nodeId);
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.heartbeatMs);
    this.timer.unref();
  }

  /** Stops the heartbeat; the other nodes sweep this node's connections at once. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.redis.del(this.key.alive(this.nodeId)).catch(() => {});
  }

  onChange(listener: (sid: string, actors: Actor[]) => void): void {
    this.listeners.push(listener);
  }

  async add(connectionId: string, actor: Actor): Promise<number> {
    let conns = this.local.get(actor.sid);
    if (!conns) this.local.set(actor.sid, (conns = new Map()));
    conns.set(connectionId, actor);
    const stored: Actor = { sid: actor.sid, role: actor.role, name: actor.name, ...(actor.delegation ? { delegation: actor.delegation } : {}) };
    const all = lastResult(
      await this.redis
        .multi()
        .hset(this.key.sitting(actor.sid), this.field(connectionId), JSON.stringify(stored))
        .sadd(this.key.nodeSittings(this.nodeId), actor.sid)
        .hgetall(this.key.sitting(actor.sid))
        .exec(),
    );
    return this.countIn(all as Entries, actorKey(actor));
  }

  async remove(actor: Actor, connectionId: string): Promise<number> {
    const conns = this.local.get(actor.sid);
    conns?.delete(connectionId);
    if (conns?.size === 0) this.local.delete(actor.sid);
    const all = lastResult(await this.redis.multi().hdel(this.key.sitting(actor.sid), this.field(connectionId)).hgetall(this.key.sitting(actor.sid)).exec());
    return this.countIn(all as Entries, actorKey(actor));
  }

  async count(sid: string, key: string): Promise<number> {
    return this.countIn(await this.redis.hgetall(this.key.sitting(sid)), key);
  }

  async list(sid: string): Promise<PresenceEntry[]> {
    const presence = new Presence();
    for (const [field, json] of Object.entries(await this.redis.hgetall(this.key.sitting(sid)))) {
      const actor = parseActor(json);
      if (actor?.sid === sid) presence.add(field, actor);
    }
    return presence.list(sid);
  }

  private field(connectionId: string): string {
    return `${this.nodeId}|${connectionId}`;
  }

  private countIn(entries: Entries, key: string): number {
    let n = 0;
    for (const json of Object.values(entries)) {
      const actor = parseActor(json);
      if (actor && actorKey(actor) === key) n++;
    }
    return n;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.heartbeat();
      await this.sweepDeadNodes();
    } catch (err) {
      this.opts.log?.(`presence: heartbeat failed: ${String(err)}`);
    } finally {
      this.ticking = false;
    }
  }

  private async heartbeat(): Promise<void> {
    const results = await this.redis.multi().set(this.key.alive(this.nodeId), '1', 'PX', this.ttlMs, 'GET').sadd(this.key.nodes(), this.nodeId).exec();
    lastResult(results);
    const before = results![0]![1] as string | null;
    if (before !== null || this.local.size === 0) return;
    // our heartbeat had lapsed (Redis was out of reach): others may have swept us, so say again who is here
    const m = this.redis.multi();
    for (const [sid, conns] of this.local) {
      for (const [id, actor] of conns) m.hset(this.key.sitting(sid), this.field(id), JSON.stringify(actor));
      m.sadd(this.key.nodeSittings(this.nodeId), sid);
    }
    await m.exec();
    for (const [sid, conns] of this.local) this.changed(sid, [...conns.values()]);
  }

  private async sweepDeadNodes(): Promise<void> {
    const others = (await this.redis.smembers(this.key.nodes())).filter((n) => n !== this.nodeId);
    if (others.length === 0) return;
    const alive = await this.redis.mget(others.map((n) => this.key.alive(n)));
    for (const [i, node] of others.entries()) {
      if (alive[i] !== null) continue;
      // one node sweeps each dead node
      if ((await this.redis.set(this.key.sweep(node), this.nodeId, 'PX', 30_000, 'NX')) !== 'OK') continue;
      await this.sweep(node);
      await this.redis.srem(this.key.nodes(), node);
    }
  }

  /** Removes every entry of one node and tells the listeners whose connections went. */
  private async sweep(node: string): Promise<void> {
    const sids = await this.redis.smembers(this.key.nodeSittings(node));
    for (const sid of sids) {
      const all = await this.redis.hgetall(this.key.sitting(sid));
      const gone = Object.entries(all).filter(([field]) => field.startsWith(`${node}|`));
      if (gone.length === 0) continue;
      await this.redis.hdel(this.key.sitting(sid), ...gone.map(([field]) => field));
      this.changed(sid, gone.map(([, json]) => parseActor(json)).filter((a): a is Actor => a !== null));
    }
    await this.redis.del(this.key.nodeSittings(node));
  }

  private changed(sid: string, actors: Actor[]): void {
    for (const listener of this.listeners) {
      try {
        listener(sid, actors);
      } catch (err) {
        this.opts.log?.(`presence: listener failed: ${String(err)}`);
      }
    }
  }
}
