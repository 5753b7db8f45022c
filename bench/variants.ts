/**
 * Experimental variants of Plenary's relay, patched in at run time in the benchmark's server
 * process only (`npm run bench -- --plenary-variant coalesce:20,preframe`), to measure a proposed
 * fix before anyone changes `server/src/yjs`. Nothing here is used by Plenary itself.
 *
 * - `coalesce:<ms>`: a room relays the updates of the last <ms> (0: of one event-loop turn) as one
 *   merged update (`Y.mergeUpdates`) per connection instead of one frame per update; a connection
 *   whose own updates are in the batch gets the merge of the others'.
 * - `preframe`: a message sent to many connections is framed once; the same frame buffer is
 *   written to each socket (instead of `ws` framing it again per connection).
 * - `synccache`: the sync step 2 answering an empty state vector (every client that joins with an
 *   empty doc) is encoded once per version of the doc and the same frame sent to every joiner,
 *   instead of `Y.encodeStateAsUpdate` per join.
 * - `authcache`: a token already verified is not verified again until it expires, and the
 *   sittings registry is read from memory (kept 1 s) — the upgrade's authentication then needs no
 *   WebCrypto call and no SQLite read for the 2nd … nth observer sharing a sitting's observer link.
 * - `traceload`: changes nothing; logs how long loading a doc takes, step by step (store read,
 *   applying, compacting), to the server's stderr.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { encodeSync, encodeUpdateMessage, SYNC_STEP2 } from './protocol';
import type { Frame } from '../server/src/yjs/frames';
import { performance } from 'node:perf_hooks';
import { InviteTokens } from '../server/src/auth/InviteTokens';
import type { SittingRecord } from '../server/src/store/DocStore';
import { SqliteStore } from '../server/src/store/SqliteStore';
import { Room, type RoomConnection } from '../server/src/yjs/Room';

interface RoomInternals {
  doc: Y.Doc;
  conns: Map<RoomConnection, Set<number>>;
  broadcast(msg: Uint8Array, except?: RoomConnection): void;
  receive(conn: RoomConnection, frame: Frame): void;
  whenPersisted(reply: () => void): void;
}

function syncCache(): void {
  const proto = Room.prototype as unknown as RoomInternals;
  const receive = proto.receive;
  const cache = new WeakMap<RoomInternals, Uint8Array>();
  const watched = new WeakSet<RoomInternals>();
  proto.receive = function (this: RoomInternals, conn: RoomConnection, frame: Frame) {
    const empty = frame.kind === 'sync-step1' && frame.stateVector.length === 1 && frame.stateVector[0] === 0;
    if (!empty || !this.conns.has(conn)) return receive.call(this, conn, frame);
    if (!watched.has(this)) {
      watched.add(this);
      this.doc.on('update', () => cache.delete(this));
    }
    this.whenPersisted(() => {
      let msg = cache.get(this);
      if (!msg) cache.set(this, (msg = encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(this.doc))));
      conn.send(msg);
    });
  };
}

function coalesce(ms: number): void {
  const proto = Room.prototype as unknown as RoomInternals;
  const queues = new WeakMap<RoomInternals, { items: { update: Uint8Array; except?: RoomConnection }[]; scheduled: boolean }>();
  const flush = (room: RoomInternals) => {
    const q = queues.get(room)!;
    const items = q.items;
    q.items = [];
    q.scheduled = false;
    if (items.length === 0) return;
    const all = encodeUpdateMessage(items.length === 1 ? items[0]!.update : Y.mergeUpdates(items.map((i) => i.update)));
    const senders = new Set(items.map((i) => i.except).filter((c): c is RoomConnection => c !== undefined));
    for (const conn of room.conns.keys()) {
      if (!senders.has(conn)) {
        conn.send(all);
        continue;
      }
      const others = items.filter((i) => i.except !== conn).map((i) => i.update);
      if (others.length > 0) conn.send(encodeUpdateMessage(others.length === 1 ? others[0]! : Y.mergeUpdates(others)));
    }
  };
  proto.broadcast = function (this: RoomInternals, msg: Uint8Array, except?: RoomConnection) {
    // msg is a sync update message: [0, 2, varUint8Array(update)]
    const d = decoding.createDecoder(msg);
    decoding.readVarUint(d);
    decoding.readVarUint(d);
    const update = decoding.readVarUint8Array(d);
    let q = queues.get(this);
    if (!q) queues.set(this, (q = { items: [], scheduled: false }));
    q.items.push({ update, ...(except ? { except } : {}) });
    if (q.scheduled) return;
    q.scheduled = true;
    if (ms > 0) setTimeout(() => flush(this), ms);
    else setImmediate(() => flush(this));
  };
}

function preframe(): void {
  const frames = new WeakMap<object, Buffer>();
  type Internals = { _socket: import('node:net').Socket; _sender: { _state: number; _queue: unknown[] }; _extensions: Record<string, unknown> };
  const proto = WebSocket.prototype as unknown as { send(data: unknown, options?: unknown, cb?: unknown): void };
  const original = proto.send;
  proto.send = function (this: WebSocket & Internals, data: unknown, options?: unknown, cb?: unknown) {
    const plain =
      data instanceof Uint8Array &&
      cb === undefined &&
      this.readyState === WebSocket.OPEN &&
      this._sender._state === 0 &&
      this._sender._queue.length === 0 &&
      Object.keys(this._extensions).length === 0;
    if (!plain) return original.call(this, data, options, cb);
    let frame = frames.get(data);
    if (!frame) {
      const n = data.length;
      const head = n < 126 ? Buffer.from([0x82, n]) : n < 65_536 ? Buffer.from([0x82, 126, n >> 8, n & 0xff]) : null;
      if (!head) return original.call(this, data, options, cb);
      frame = Buffer.concat([head, data]);
      frames.set(data, frame);
    }
    this._socket.write(frame);
  };
}

function authCache(): void {
  const tokens = InviteTokens.prototype;
  const verify = tokens.verify;
  const verified = new Map<string, Awaited<ReturnType<InviteTokens['verify']>>>();
  tokens.verify = async function (this: InviteTokens, token: string | undefined | null) {
    const hit = token ? verified.get(token) : undefined;
    if (hit && hit.exp * 1000 > Date.now()) return hit;
    const claims = await verify.call(this, token);
    if (token && verified.size < 100_000) verified.set(token, claims);
    return claims;
  };
  const store = SqliteStore.prototype;
  const getSitting = store.getSitting;
  const sittings = new Map<string, { at: number; record: SittingRecord }>();
  store.getSitting = async function (this: SqliteStore, sid: string) {
    const hit = sittings.get(sid);
    if (hit && Date.now() - hit.at < 1000) return hit.record;
    const record = await getSitting.call(this, sid);
    if (record) sittings.set(sid, { at: Date.now(), record });
    return record;
  };
}

function traceLoad(): void {
  const log = (m: string) => process.stderr.write(`[traceload] ${m}\n`);
  const store = SqliteStore.prototype;
  const loadDoc = store.loadDoc;
  store.loadDoc = async function (this: SqliteStore, name: string) {
    const t = performance.now();
    const r = await loadDoc.call(this, name);
    log(`${name}: store.loadDoc ${(performance.now() - t).toFixed(1)} ms (snapshot ${r.snapshot?.byteLength ?? 0} B, ${r.updates.length} updates)`);
    return r;
  };
  const compact = store.compact;
  store.compact = async function (this: SqliteStore, name: string, snapshot: Uint8Array, upTo: string) {
    const t = performance.now();
    await compact.call(this, name, snapshot, upTo);
    log(`${name}: store.compact ${(performance.now() - t).toFixed(1)} ms (snapshot ${snapshot.byteLength} B)`);
  };
  const load = Room.load.bind(Room);
  Room.load = async (name, s, opts) => {
    const t = performance.now();
    const room = await load(name, s, opts);
    log(`${name}: Room.load ${(performance.now() - t).toFixed(1)} ms in all`);
    return room;
  };
}

/** Applies `PLENARY_BENCH_VARIANT` (e.g. `coalesce:20,preframe`); returns what was applied. */
export function applyVariants(spec: string | undefined): string[] {
  const applied: string[] = [];
  for (const part of (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, arg] = part.split(':');
    if (name === 'coalesce') {
      const ms = Number(arg ?? 0);
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`coalesce:<ms> needs a number, got "${arg}"`);
      coalesce(ms);
      applied.push(`coalesce:${ms}`);
    } else if (name === 'synccache') {
      syncCache();
      applied.push('synccache');
    } else if (name === 'authcache') {
      authCache();
      applied.push('authcache');
    } else if (name === 'traceload') {
      traceLoad();
      applied.push('traceload');
    } else if (name === 'preframe') {
      preframe();
      applied.push('preframe');
    } else throw new Error(`unknown variant "${part}" (coalesce:<ms>, preframe, synccache, authcache, traceload)`);
  }
  return applied;
}
