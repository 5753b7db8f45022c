import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { actorKey, PlenaryError, type Ack, type Actor } from '@plenary/shared';
import type { CatchUp, DocBus, DocFollower } from '../bus/DocBus';
import type { CommandRecord, DocStore, LoadedDoc, Snapshot, StoredUpdate } from '../store/DocStore';
import {
  decodeAwarenessWith,
  encodeAwareness,
  encodeAwarenessEntries,
  encodePermissionDenied,
  type Frame,
} from './frames';
import { DEFAULT_COALESCE_MS, Relay, SyncReplies } from './fanout';
import { DOC_TOO_LARGE, DocSizeGuard } from './DocSize';
import { updateChangesDoc } from './updates';
import { updateScope } from './updateScope';
import { RecentCommands } from './RecentCommands';
import { readClientCaret, readRelayedCaret } from './carets';

/** What a room sees of a connection: never the socket library's object. */
export interface RoomConnection {
  readonly id: string;
  readonly actor: Actor;
  /** whether this connection may change this doc */
  readonly canWrite: boolean;
  /** the `user` field others see in this connection's awareness state */
  readonly identity: { name: string; color: string; role: string; delegation?: string };
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Tags every transaction on a room's doc with where it came from. */
export type Origin =
  | { kind: 'load' }
  | { kind: 'connection'; conn: RoomConnection }
  | { kind: 'command'; actor: string }
  | { kind: 'server' }
  /** already in the store (written by another node, or read back): relayed, never stored again */
  | { kind: 'bus'; node: string | null };

/** A doc's rule on client updates, decided before an update is applied. */
export type Admission =
  | { ok: true; /** server changes to make in the same batch, e.g. binding a client id */ after?: (doc: Y.Doc) => void }
  | {
      ok: false;
      /** told to the client in y-websocket's permission-denied message */
      reason: string;
      /** close the connection: the client must drop its diverged doc and resync */
      close?: { code: number; reason: string };
      /** side effects of the refusal, run once it is decided */
      onRefused?: () => void;
    };

export interface RoomPolicy {
  admit(conn: RoomConnection, update: Uint8Array, doc: Y.Doc): Admission;
  release(): void;
}

export interface RoomOptions {
  /** rules on client updates beyond the connection's write right */
  policy?: RoomPolicy;
  /** compact the log into a snapshot after this many updates */
  compactEvery: number;
  /** called when the room has no connections, holders or pending work */
  onIdle?: (room: Room) => void;
  /** called once when the store failed and the room must be dropped */
  onFailed?: (room: Room, err: unknown) => void;
  log?: (msg: string) => void;
  /** other nodes write this doc too: their updates arrive through the bus, server changes take the sitting's lock */
  bus?: DocBus;
  /** a client update that would make the doc's state larger than this is refused (0: no cap) */
  maxDocBytes?: number;
  /** updates stored within this many ms of a relay go out together, merged (default 20) */
  coalesceMs?: number;
}

/** A change the server makes to the doc on behalf of an actor, e.g. a command. */
export interface ServerChange<R> {
  actor: string;
  run(doc: Y.Doc): R;
  /** the command this change carries out, recorded atomically with its update; undefined to record nothing */
  record?: (result: R) => CommandRecord | undefined;
}

/** Awareness ids one connection may own: a client has one per doc; the rest would only take memory. */
const MAX_AWARENESS_IDS = 8;

/** Edits a connection sent before its first sync reply, held until that reply arrives: how many, and how many bytes. */
const MAX_HELD = 256;
const MAX_HELD_BYTES = 4 * 1024 * 1024;
/** Bytes of such edits held for all of a room's connections together (or the doc cap, if lower). */
const MAX_ROOM_HELD_BYTES = 32 * 1024 * 1024;
/**
 * Acks of recent commands, kept for a retry racing its first attempt (any later retry finds the ack
 * in the store): the latest ones only, so that a doc loaded for days does not grow with every command.
 */
const MAX_RECENT_ACKS = 1024;
/**
 * With a bus, the latest stored commands are kept whole too (up to this many bytes of payload), so
 * that their acks and audit lines can be stored again if Redis loses them (N6).
 */
const MAX_RECENT_RECORD_BYTES = 1 << 20;

type Job =
  /** `sync`: the connection's sync reply; `early`: an edit sent before it */
  | { kind: 'update'; conn: RoomConnection; update: Uint8Array; phase?: 'sync' | 'early' }
  | { kind: 'change'; change: ServerChange<unknown>; resolve: (r: unknown) => void; reject: (e: unknown) => void }
  | { kind: 'log'; catchUp: CatchUp }
  /** stores the whole doc again, with commands whose acks the store lost (N6) */
  | { kind: 'restore'; commands: CommandRecord[]; resolve: () => void; reject: (e: unknown) => void }
  /** runs the loop once, which compacts the log when it is due */
  | { kind: 'compact' };

/** A log found long at load is compacted this long after, so that the first sync replies do not wait for it. */
const COMPACT_AFTER_LOAD_MS = 250;

interface Outgoing {
  update: Uint8Array;
  except?: RoomConnection;
}

/**
 * One open doc. Every change goes through one loop: apply the waiting jobs to the doc, write the
 * resulting updates to the store, and only then relay them and answer. While a write is in
 * flight new jobs wait, so the doc holds exactly what the store holds whenever a sync reply is
 * computed. With a bus (several nodes), what other nodes stored comes back from the log as a job
 * of the same loop: the doc then holds only stored content, possibly a little behind the log.
 */
export class Room {
  private readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  /**
   * The doc as stored (a snapshot and nothing after it), not applied yet (W7): a client joining
   * without a local copy gets it as it is; it is applied when something first needs the doc.
   */
  private stored: Snapshot | null = null;
  private readonly conns = new Map<RoomConnection, Set<number>>();
  /** which local connection speaks for each awareness client id (the inverse of `conns`) */
  private readonly awarenessOwner = new Map<number, RoomConnection>();
  /** awareness client ids owned by connections on other nodes */
  private readonly remoteIds = new Map<number, string>();
  /** connections whose first sync reply (step 2) has arrived */
  private readonly syncedConns = new Set<RoomConnection>();
  /** edits that arrived before their connection's sync reply and build on what only that reply holds */
  private readonly held = new Map<RoomConnection, { updates: Uint8Array[]; bytes: number }>();
  private heldBytes = 0;
  private inbox: Job[] = [];
  private deferredReplies: (() => void)[] = [];
  private running = false;
  private holders = 0;
  /** the log position up to which every entry is in the doc (with a bus: as read back, not as written) */
  private lastPos: string | null = null;
  /** the position of the last entry this room wrote */
  private written: string | null = null;
  private sinceCompact = 0;
  private failed = false;
  /** ids of the latest commands applied, for retries racing the first attempt */
  private readonly applied = new Map<string, Ack>();
  /** with a bus: the latest stored commands, whole (N6) */
  private readonly recorded = new RecentCommands(MAX_RECENT_ACKS, MAX_RECENT_RECORD_BYTES);
  private capture: { updates: StoredUpdate[]; outgoing: Outgoing[] } | null = null;
  private size: DocSizeGuard | null = null;
  private readonly relay: Relay<RoomConnection>;
  private readonly syncReplies = new SyncReplies(this.ydoc, () => this.doc);
  private compactTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly opts: RoomOptions,
  ) {
    this.awareness.setLocalState(null);
    this.relay = new Relay(() => this.conns.keys(), { coalesceMs: opts.coalesceMs ?? DEFAULT_COALESCE_MS });
    this.ydoc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /**
   * Loads a doc from the store; throws (and serves nothing) when the stored state cannot be read.
   * A doc stored as a snapshot alone is not applied yet (W7).
   */
  static async load(name: string, store: DocStore, opts: RoomOptions): Promise<Room> {
    const loaded = await store.loadDoc(name);
    const room = new Room(name, store, opts);
    if (loaded.snapshot && loaded.snapshotVector && loaded.updates.length === 0) {
      room.stored = { state: loaded.snapshot, vector: loaded.snapshotVector };
      room.syncReplies.preset(room.stored);
    } else room.build(loaded);
    room.lastPos = loaded.lastPos;
    room.sinceCompact = loaded.updates.length;
    if (room.sinceCompact >= opts.compactEvery) room.compactSoon();
    return room;
  }

  /** Whether the stored state has been applied to the doc (W7). */
  get isBuilt(): boolean {
    return this.stored === null;
  }

  /** The doc, with everything stored applied. */
  get doc(): Y.Doc {
    if (this.stored) {
      const stored = this.stored;
      this.stored = null;
      this.build({ snapshot: stored.state, updates: [] });
      // applying it changed nothing the store holds: the stored state still answers empty clients
      this.syncReplies.preset(stored);
    }
    return this.ydoc;
  }

  /** Applies what the store holds to the doc. */
  private build(loaded: Pick<LoadedDoc, 'snapshot' | 'updates'>): void {
    const origin: Origin = { kind: 'load' };
    this.ydoc.transact(() => {
      if (loaded.snapshot) Y.applyUpdate(this.ydoc, loaded.snapshot, origin);
      for (const u of loaded.updates) Y.applyUpdate(this.ydoc, u, origin);
    }, origin);
    if (dropPending(this.ydoc)) this.opts.log?.(`${this.name}: stored entries that could not be placed were skipped`);
    // what was read is an upper bound of the doc's encoded size: the guard measures exactly near the cap
    const bytes = (loaded.snapshot?.byteLength ?? 0) + loaded.updates.reduce((n, u) => n + u.byteLength, 0);
    if (this.opts.maxDocBytes) this.size = new DocSizeGuard(this.ydoc, this.opts.maxDocBytes, bytes);
  }

  /** Whether the doc can take `bytes` more and stay under its size cap (K3); always true without a cap. */
  fits(bytes: number): boolean {
    void this.doc; // built, so that the size guard exists
    return this.size?.fits(bytes) ?? true;
  }

  get connectionCount(): number {
    return this.conns.size;
  }

  get isIdle(): boolean {
    return this.conns.size === 0 && this.holders === 0 && !this.running && this.inbox.length === 0;
  }

  /** Keeps the room loaded while a non-connection user (a command, a read) works with it. */
  hold(): () => void {
    this.holders++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders--;
      this.checkIdle();
    };
  }

  join(conn: RoomConnection): void {
    if (this.failed) {
      conn.close(1011, 'storage unavailable, reconnect');
      return;
    }
    this.conns.set(conn, new Set());
    const bus = this.opts.bus;
    if (!bus) return this.greet(conn);
    // a client coming from another node may hold what that node stored and this one has not read
    // yet: catch up first, or its sync reply would carry it and be refused
    void this.catchUp(bus)
      .catch(() => {})
      .then(() => this.whenPersisted(() => this.greet(conn)));
  }

  private greet(conn: RoomConnection): void {
    if (!this.conns.has(conn)) return;
    conn.send(this.syncReplies.serverStep1());
    const states = this.awareness.getStates();
    if (states.size > 0) conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
  }

  /** Applies what the log holds beyond this room's position (other nodes' writes), in the loop. */
  private async catchUp(bus: DocBus): Promise<void> {
    this.follower.log(await bus.readSince(this.name, this.lastPos));
  }

  leave(conn: RoomConnection): void {
    const ids = this.conns.get(conn);
    if (!ids) return;
    this.conns.delete(conn);
    this.syncedConns.delete(conn);
    this.takeHeld(conn);
    for (const id of ids) if (this.awarenessOwner.get(id) === conn) this.awarenessOwner.delete(id);
    if (ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
    this.checkIdle();
  }

  /** Handles one decoded frame from a connection of this room. */
  receive(conn: RoomConnection, frame: Frame): void {
    if (!this.conns.has(conn)) return;
    switch (frame.kind) {
      case 'sync-step1':
        this.whenPersisted(() => conn.send(this.syncReplies.step2(frame.stateVector)));
        return;
      case 'sync-step2':
      case 'update':
        if (!conn.canWrite) {
          if (updateChangesDoc(() => this.doc, frame.update)) conn.send(encodePermissionDenied(readOnlyReason(this.name, conn)));
          return;
        }
        if (frame.kind === 'sync-step2') {
          this.syncedConns.add(conn);
          this.enqueue({ kind: 'update', conn, update: frame.update, phase: 'sync' });
        } else this.enqueue({ kind: 'update', conn, update: frame.update, ...(this.syncedConns.has(conn) ? {} : { phase: 'early' as const }) });
        return;
      case 'awareness':
        this.receiveAwareness(conn, frame.update);
        return;
      case 'query-awareness':
        conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
      default:
        return assertNever(frame);
    }
  }

  /**
   * Runs a server-side change in the loop; resolves with its result once it is stored. With a bus
   * it runs under the sitting's lock, after what other nodes stored is applied.
   */
  change<R>(change: ServerChange<R>): Promise<R> {
    const bus = this.opts.bus;
    if (!bus || this.failed) return this.enqueueChange(change);
    return bus.exclusive(this.name, async () => {
      await this.catchUp(bus);
      return this.enqueueChange(change);
    });
  }

  /** What the bus sees of this room. */
  readonly follower: DocFollower = {
    position: () => this.lastPos,
    log: (catchUp) => {
      if (!this.failed) this.enqueue({ kind: 'log', catchUp });
    },
    awareness: (update, node) => this.receiveRemoteAwareness(update, node),
    localAwareness: () => {
      const ids = [...this.awareness.getStates().keys()].filter((id) => !this.remoteIds.has(id));
      return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
    },
    written: () => this.written,
    restore: (from) => this.restore(from),
  };

  /**
   * After the store lost entries this room had (N6): reads the log on from `from`, and stores the
   * whole doc as one update — later edits no longer sit behind a gap in their clocks — with the
   * recent commands whose acks are gone, so that a retry finds them.
   */
  private async restore(from: string | null): Promise<void> {
    if (this.failed) return;
    // Yjs ignores what the doc already has: entries after `from` are applied again, not lost
    this.lastPos = from;
    this.written = from;
    const recent = this.recorded.records();
    const found = await Promise.all(recent.map((c) => this.store.findCommand(c.sid, c.actor, c.id)));
    const commands = recent.filter((_, i) => !found[i]);
    if (this.failed) return;
    await new Promise<void>((resolve, reject) => this.enqueue({ kind: 'restore', commands, resolve, reject }));
  }

  private enqueueChange<R>(change: ServerChange<R>): Promise<R> {
    if (this.failed) return Promise.reject(PlenaryError.of('UNAVAILABLE', 'storageUnavailable'));
    return new Promise<R>((resolve, reject) => {
      this.enqueue({ kind: 'change', change: change as ServerChange<unknown>, resolve: resolve as (r: unknown) => void, reject });
    });
  }

  /** The ack of a command applied lately in this room (one of the last MAX_RECENT_ACKS). */
  appliedAck(key: string): Ack | undefined {
    return this.applied.get(key);
  }

  rememberAck(key: string, ack: Ack): void {
    this.applied.set(key, ack);
    if (this.applied.size > MAX_RECENT_ACKS) this.applied.delete(this.applied.keys().next().value!);
  }

  /** Closes every connection, e.g. when the server shuts down. */
  closeAll(code: number, reason: string): void {
    for (const conn of [...this.conns.keys()]) conn.close(code, reason);
  }

  private compactSoon(): void {
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      if (!this.failed) this.enqueue({ kind: 'compact' });
    }, COMPACT_AFTER_LOAD_MS);
    this.compactTimer.unref();
  }

  destroy(): void {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.relay.clear();
    this.opts.policy?.release();
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  private receiveAwareness(conn: RoomConnection, update: Uint8Array): void {
    const mine = this.conns.get(conn)!;
    // a connection speaks for its own awareness ids only (a few at most), and always under its own name
    let room = MAX_AWARENESS_IDS - mine.size;
    // a caret that is not one is neither applied nor relayed: one such state broke every editor reading it (K9)
    const { entries: carets, refused } = decodeAwarenessWith(update, readClientCaret);
    if (refused.length > 0) conn.send(encodePermissionDenied(`caret refused: ${refused[0]}; it was not relayed`));
    const entries = carets
      .filter((e) => {
        const owner = this.awarenessOwner.get(e.clientId);
        return owner === conn || (owner === undefined && room-- > 0);
      })
      .map((e) => (e.state ? { ...e, state: { ...e.state, user: conn.identity } } : e));
    if (entries.length === 0) return;
    // a client that moved here from a node that died takes its id back from that node
    for (const e of entries) {
      mine.add(e.clientId);
      this.awarenessOwner.set(e.clientId, conn);
      this.remoteIds.delete(e.clientId);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), conn);
  }

  /** Awareness of a connection on another node; ids a local connection owns are not taken over. */
  private receiveRemoteAwareness(update: Uint8Array, node: string): void {
    const entries = decodeAwarenessWith(update, readRelayedCaret).entries.filter((e) => !this.awarenessOwner.has(e.clientId));
    if (entries.length === 0) return;
    for (const e of entries) if (e.state) this.remoteIds.set(e.clientId, node);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), { kind: 'bus', node } satisfies Origin);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (origin && this.conns.has(origin as RoomConnection)) {
      const mine = this.conns.get(origin as RoomConnection)!;
      for (const id of removed) {
        mine.delete(id);
        this.awarenessOwner.delete(id);
      }
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const msg = encodeAwareness(update);
    for (const conn of this.conns.keys()) if (conn !== origin) conn.send(msg);
    // other nodes hear of this node's connections only; a remote state that timed out here is forgotten
    const mine = changed.filter((id) => !this.remoteIds.has(id));
    for (const id of removed) this.remoteIds.delete(id);
    if (this.opts.bus && (origin as Origin | null)?.kind !== 'bus' && mine.length > 0) {
      this.opts.bus.publishAwareness(this.name, mine.length === changed.length ? update : awarenessProtocol.encodeAwarenessUpdate(this.awareness, mine));
    }
  };

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const o = origin as Origin | undefined;
    if (o?.kind === 'load') return;
    if (!this.capture) {
      // every change must go through the loop, or it would be relayed before it is stored
      this.opts.log?.(`${this.name}: change outside the write loop (origin ${o?.kind ?? 'none'}) refused`);
      throw new Error('change outside the write loop');
    }
    if (o?.kind === 'bus') {
      this.capture.outgoing.push({ update });
      return;
    }
    const actor = o?.kind === 'connection' ? actorKey(o.conn.actor) : o?.kind === 'command' ? o.actor : 'server';
    this.capture.updates.push({ update, actor, at: Date.now() });
    this.capture.outgoing.push({ update, ...(o?.kind === 'connection' ? { except: o.conn } : {}) });
  };

  private whenPersisted(reply: () => void): void {
    if (this.running || this.inbox.length > 0) this.deferredReplies.push(reply);
    else reply();
  }

  private enqueue(job: Job): void {
    this.inbox.push(job);
    if (!this.running) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.inbox.length > 0 && !this.failed) {
        const jobs = this.inbox;
        this.inbox = [];
        const capture = { updates: [] as StoredUpdate[], outgoing: [] as Outgoing[] };
        const commands: CommandRecord[] = [];
        const settled: (() => void)[] = [];
        this.capture = capture;
        try {
          for (const job of jobs) this.apply(job, commands, settled);
        } finally {
          this.capture = null;
        }
        const replies = this.deferredReplies;
        this.deferredReplies = [];
        if (capture.updates.length > 0 || commands.length > 0) {
          try {
            const pos = await this.store.append(this.name, { updates: capture.updates, commands });
            // with a bus, other nodes' entries may lie before ours: the position moves as the log is read back
            if (pos !== null && !this.opts.bus) this.lastPos = pos;
            if (pos !== null) this.written = pos;
            this.sinceCompact += capture.updates.length;
            // only Redis can lose what it acknowledged (N6)
            if (this.opts.bus) this.recorded.add(commands);
          } catch (err) {
            this.fail(err, jobs);
            return;
          }
        }
        this.relay.relay(capture.outgoing);
        for (const done of settled) done();
        for (const reply of replies) reply();
        if (this.sinceCompact >= this.opts.compactEvery) await this.compact();
      }
    } finally {
      this.running = false;
      for (const reply of this.deferredReplies.splice(0)) reply();
      this.checkIdle();
    }
  }

  private apply(job: Job, commands: CommandRecord[], settled: (() => void)[]): void {
    if (job.kind === 'log') return this.applyLog(job.catchUp);
    if (job.kind === 'compact') return;
    if (job.kind === 'restore') {
      // not relayed: every connection has it already
      this.capture!.updates.push({ update: this.syncReplies.state(), actor: 'server', at: Date.now() });
      commands.push(...job.commands);
      settled.push(job.resolve);
      return;
    }
    if (job.kind === 'update') {
      try {
        this.applyUpdate(job);
      } catch (err) {
        // a forged update the checks below could not handle: refused, the batch goes on
        this.opts.log?.(`${this.name}: update could not be checked: ${err instanceof Error ? err.message : String(err)}`);
        job.conn.close(1007, 'update could not be checked');
      }
      return;
    }
    const { change, resolve, reject } = job;
    let result: unknown;
    try {
      this.doc.transact(() => {
        result = change.run(this.doc);
      }, { kind: 'command', actor: change.actor } satisfies Origin);
    } catch (err) {
      settled.push(() => reject(err));
      return;
    }
    const record = change.record?.(result);
    if (record) commands.push(record);
    settled.push(() => resolve(result));
  }

  /** A connection's update: held, refused or applied. Throws only on an update the checks cannot read. */
  private applyUpdate(job: Extract<Job, { kind: 'update' }>): void {
    // an edit sent just before its connection closed was accepted on receipt: it is applied even
    // if it waited behind a write; only one that cannot be placed without a sync reply is dropped
    const gone = !this.conns.has(job.conn);
    if (job.phase === 'sync' && !gone) this.releaseHeld(job.conn);
    // typed while reconnecting, an edit can arrive before the sync reply holding what it builds on
    if (job.phase === 'early' && updateScope(this.doc, job.update).unresolved) {
      if (gone) return;
      const held = this.held.get(job.conn) ?? { updates: [], bytes: 0 };
      const bytes = job.update.byteLength;
      const roomCap = Math.min(MAX_ROOM_HELD_BYTES, this.opts.maxDocBytes || Infinity);
      if (held.updates.length >= MAX_HELD || held.bytes + bytes > MAX_HELD_BYTES || this.heldBytes + bytes > roomCap) {
        this.takeHeld(job.conn);
        return job.conn.close(1008, 'too many edits before the sync reply');
      }
      held.updates.push(job.update);
      held.bytes += bytes;
      this.heldBytes += bytes;
      this.held.set(job.conn, held);
      return;
    }
    // a resent update (deletions of text deleted long ago, content the doc holds) changes nothing:
    // applying it would still walk every struct its ranges span
    if (!updateChangesDoc(() => this.doc, job.update)) return;
    const tooLarge = this.size?.refusal(job.update);
    if (tooLarge) {
      job.conn.send(encodePermissionDenied(tooLarge));
      return job.conn.close(DOC_TOO_LARGE, tooLarge);
    }
    const verdict: Admission = this.opts.policy?.admit(job.conn, job.update, this.doc) ?? { ok: true };
    if (!verdict.ok) {
      job.conn.send(encodePermissionDenied(verdict.reason));
      if (verdict.close) job.conn.close(verdict.close.code, verdict.close.reason);
      verdict.onRefused?.();
      return;
    }
    try {
      Y.applyUpdate(this.doc, job.update, { kind: 'connection', conn: job.conn } satisfies Origin);
    } catch {
      job.conn.close(1007, 'update could not be applied');
      return;
    }
    verdict.after?.(this.doc);
    // the client resyncs (4400, as L3)
    if (dropPending(this.doc)) job.conn.close(4400, 'the edit depends on text the server does not have; resynchronise');
  }

  /** Queues a connection's held edits behind its sync reply, which is being applied. */
  private releaseHeld(conn: RoomConnection): void {
    for (const update of this.takeHeld(conn)) this.inbox.push({ kind: 'update', conn, update });
  }

  /** Forgets a connection's held edits, returning them. */
  private takeHeld(conn: RoomConnection): Uint8Array[] {
    const held = this.held.get(conn);
    if (!held) return [];
    this.held.delete(conn);
    this.heldBytes -= held.bytes;
    return held.updates;
  }

  /** Applies what the log holds past this room's position; Yjs ignores what the doc already has. */
  private applyLog({ snapshot, entries }: CatchUp): void {
    const bus = this.opts.bus;
    const isNew = (pos: string) => this.lastPos === null || !bus || bus.comparePositions(pos, this.lastPos) > 0;
    const apply = (update: Uint8Array, node: string | null, pos: string) => {
      try {
        Y.applyUpdate(this.doc, update, { kind: 'bus', node } satisfies Origin);
      } catch (err) {
        this.opts.log?.(`${this.name}: log entry ${pos} could not be applied: ${String(err)}`);
      }
      if (dropPending(this.doc)) this.opts.log?.(`${this.name}: log entry ${pos} could not be placed; skipped`);
      this.lastPos = pos;
    };
    if (snapshot && isNew(snapshot.upto)) apply(snapshot.data, null, snapshot.upto);
    for (const e of entries) if (isNew(e.id)) apply(e.update, e.node, e.id);
  }

  /**
   * Compacts the log of an idle room that has grown since its snapshot, so that the doc loads next
   * time as a snapshot alone (W7). Safe outside the loop: nothing is being written while idle, and
   * the snapshot and its position are taken together.
   */
  async compactIdle(): Promise<void> {
    if (this.failed || this.running || this.inbox.length > 0 || this.sinceCompact === 0) return;
    await this.compact();
  }

  private async compact(): Promise<void> {
    if (this.lastPos === null) return;
    const counted = this.sinceCompact;
    try {
      await this.store.compact(this.name, { state: this.syncReplies.state(), vector: this.syncReplies.vector() }, this.lastPos);
      this.sinceCompact -= counted;
    } catch (err) {
      // the log is still complete; compaction is retried after the next write
      this.opts.log?.(`${this.name}: compaction failed: ${String(err)}`);
    }
  }

  private fail(err: unknown, jobs: Job[]): void {
    this.failed = true;
    this.opts.log?.(`${this.name}: store write failed, dropping the room: ${String(err)}`);
    const unavailable = PlenaryError.of('UNAVAILABLE', 'storageFailed');
    for (const job of [...jobs, ...this.inbox]) if (job.kind === 'change' || job.kind === 'restore') job.reject(unavailable);
    this.inbox = [];
    this.deferredReplies = [];
    this.relay.clear();
    // the doc may hold what the store does not: drop it; clients resend their edits on reconnect
    this.closeAll(1011, 'storage unavailable, reconnect');
    this.opts.onFailed?.(this, err);
  }

  private checkIdle(): void {
    if (this.isIdle) this.opts.onIdle?.(this);
  }
}

/**
 * Drops what Yjs could not place and keeps aside ("pending" structs and deletions): it is neither
 * applied nor stored, yet would be sent in every sync reply and escape the size cap. True if any.
 */
function dropPending(doc: Y.Doc): boolean {
  const { store } = doc;
  if (!store.pendingStructs && !store.pendingDs) return false;
  store.pendingStructs = null;
  store.pendingDs = null;
  return true;
}

function readOnlyReason(name: string, conn: RoomConnection): string {
  return name.endsWith('/session')
    ? 'the session doc is written by the server only; use commands'
    : `${conn.actor.role}s cannot edit the communiqué; the edit was not saved`;
}

function assertNever(x: never): never {
  throw new Error(`unexpected frame ${JSON.stringify(x)}`);
}
