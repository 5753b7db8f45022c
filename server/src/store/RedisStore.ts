import { Redis } from 'ioredis';
import type { Ack } from '@plenary/shared';
import { parseDocName } from '@plenary/shared';
import { auditEntries, type AppendBatch, type AuditEntry, type DocStore, type LoadedDoc, type SittingRecord, type Snapshot } from './DocStore';

/** Orders Redis stream ids ("ms-seq") numerically. */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0n, as = 0n] = a.split('-').map(BigInt);
  const [bm = 0n, bs = 0n] = b.split('-').map(BigInt);
  return am === bm ? Number(as - bs) : am < bm ? -1 : 1;
}

/** The smallest stream id after `id`: an exclusive start for XRANGE and MINID. */
export function nextStreamId(id: string): string {
  const [ms, seq] = id.split('-');
  return `${ms}-${BigInt(seq ?? 0) + 1n}`;
}

const COMPACT = `
local function pos(id) local ms, seq = string.match(id, '^(%d+)-(%d+)$') return tonumber(ms), tonumber(seq) end
local cur = redis.call('HGET', KEYS[1], 'upto')
if cur then
  local cm, cs = pos(cur)
  local nm, ns = pos(ARGV[2])
  if cm > nm or (cm == nm and cs >= ns) then return 0 end
end
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'upto', ARGV[2], 'vector', ARGV[4])
redis.call('XTRIM', KEYS[2], 'MINID', ARGV[3])
return 1`;

/** The invite's next generation, only for a registered sitting (R9). */
const REVOKE_INVITE = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return false end
return redis.call('HINCRBY', KEYS[2], ARGV[2], 1)`;

type ExecResult = [Error | null, unknown][] | null;

function checkExec(results: ExecResult): unknown[] {
  if (!results) throw new Error('Redis transaction was aborted');
  return results.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

/**
 * Docs in Redis: each doc's log is a stream (`<prefix>doc:<name>:log`, one entry per update) with
 * a snapshot hash beside it; sittings, command acks and the audit log live next to them. Every
 * `append` is one MULTI, so a batch is written all or nothing.
 */
export class RedisStore implements DocStore {
  readonly kind = 'redis';
  readonly redis: Redis;

  constructor(
    url: string,
    readonly prefix = 'plenary:',
    /** written with each log entry, so that nodes sharing this Redis tell their own entries apart */
    private readonly nodeId?: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true, lazyConnect: false });
    // errors reach the caller through the failed command; don't crash on the emitter
    this.redis.on('error', () => {});
  }

  readonly key = {
    log: (doc: string) => `${this.prefix}doc:${doc}:log`,
    snap: (doc: string) => `${this.prefix}doc:${doc}:snap`,
    sittings: () => `${this.prefix}sittings`,
    commands: (sid: string) => `${this.prefix}sitting:${sid}:commands`,
    audit: (sid: string) => `${this.prefix}sitting:${sid}:audit`,
    invites: (sid: string) => `${this.prefix}sitting:${sid}:invites`,
  };

  async loadDoc(name: string): Promise<LoadedDoc> {
    const [snap, entries] = checkExec(
      await this.redis.multi().hgetallBuffer(this.key.snap(name)).xrangeBuffer(this.key.log(name), '-', '+').exec(),
    ) as [Record<string, Buffer>, [Buffer, Buffer[]][]];
    const upTo = snap.upto?.toString();
    const updates: Uint8Array[] = [];
    let lastPos = upTo ?? null;
    for (const [rawId, fields] of entries) {
      const id = rawId.toString();
      if (upTo && compareStreamIds(id, upTo) <= 0) continue;
      const u = fieldOf(fields, 'u');
      if (!u) throw new Error(`log entry ${id} of ${name} has no update`);
      updates.push(new Uint8Array(u));
      lastPos = id;
    }
    return {
      snapshot: snap.data ? new Uint8Array(snap.data) : null,
      ...(snap.data && snap.vector ? { snapshotVector: new Uint8Array(snap.vector) } : {}),
      updates,
      lastPos,
    };
  }

  async append(name: string, batch: AppendBatch): Promise<string | null> {
    const sid = parseDocName(name)?.sid ?? name;
    const m = this.redis.multi();
    const node = this.nodeId ? ['n', this.nodeId] : [];
    for (const u of batch.updates) m.xadd(this.key.log(name), '*', 'u', Buffer.from(u.update), 'a', u.actor, 't', String(u.at), ...node);
    for (const c of batch.commands) m.hset(this.key.commands(c.sid), `${c.actor}|${c.id}`, JSON.stringify(c.ack));
    for (const e of auditEntries(name, batch)) m.xadd(this.key.audit(sid), '*', 'j', JSON.stringify(e));
    const results = checkExec(await m.exec());
    return batch.updates.length > 0 ? String(results[batch.updates.length - 1]) : null;
  }

  async compact(name: string, snapshot: Snapshot, upTo: string): Promise<void> {
    // one script, so that a node behind another never moves the snapshot back over trimmed entries
    await this.redis.eval(
      COMPACT,
      2,
      this.key.snap(name),
      this.key.log(name),
      Buffer.from(snapshot.state),
      upTo,
      nextStreamId(upTo),
      Buffer.from(snapshot.vector),
    );
  }

  async createSitting(record: SittingRecord): Promise<boolean> {
    return (await this.redis.hsetnx(this.key.sittings(), record.sid, JSON.stringify(record))) === 1;
  }

  async getSitting(sid: string): Promise<SittingRecord | null> {
    const [json, invites] = checkExec(await this.redis.multi().hget(this.key.sittings(), sid).hgetall(this.key.invites(sid)).exec()) as [
      string | null,
      Record<string, string>,
    ];
    if (!json) return null;
    const record = JSON.parse(json) as SittingRecord;
    return Object.keys(invites).length > 0 ? { ...record, invites: Object.fromEntries(Object.entries(invites).map(([k, v]) => [k, Number(v)])) } : record;
  }

  async revokeInvite(sid: string, invite: string): Promise<number | null> {
    const generation = await this.redis.eval(REVOKE_INVITE, 2, this.key.sittings(), this.key.invites(sid), sid, invite);
    return typeof generation === 'number' ? generation : null;
  }

  async listSittings(): Promise<SittingRecord[]> {
    const all = (await this.redis.hvals(this.key.sittings())).map((j) => JSON.parse(j) as SittingRecord);
    return all.sort((a, b) => a.createdAt - b.createdAt);
  }

  async findCommand(sid: string, actor: string, id: string): Promise<Ack | null> {
    const json = await this.redis.hget(this.key.commands(sid), `${actor}|${id}`);
    return json ? (JSON.parse(json) as Ack) : null;
  }

  async readAudit(sid: string): Promise<AuditEntry[]> {
    const entries = await this.redis.xrange(this.key.audit(sid), '-', '+');
    return entries.map(([, fields]) => JSON.parse(fields[1] ?? 'null') as AuditEntry);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

function fieldOf(fields: Buffer[], name: string): Buffer | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i]!.toString() === name) return fields[i + 1];
  return undefined;
}
