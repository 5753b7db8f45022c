import * as Y from 'yjs';
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';
import type { Snapshot } from '../store/DocStore';
import { DeletedClocks } from './DeletedClocks';
import { encodeSyncStep1Vector, encodeSyncStep2, encodeUpdate } from './frames';
import { encodeStateAfter } from './stateAfter';

/**
 * The relay's hot path: what a room sends to many connections is encoded once, framed once and
 * the same buffer written to every socket; updates stored close together go out as one merged
 * update per connection; sync replies to clients joining with an empty doc are encoded once per
 * version of the doc.
 */

/** Updates stored within this many ms of a relay are held and relayed together by default. */
export const DEFAULT_COALESCE_MS = 20;

/** A connection as the relay sees it. */
export interface Receiver {
  send(data: Uint8Array): void;
}

export interface Outgoing<C> {
  update: Uint8Array;
  /** the connection the update came from: it has it already */
  except?: C;
}

export interface RelayOptions {
  /**
   * After a relay, updates stored within this many ms are held and sent together as one merged
   * update (0: every stored batch is relayed at once). The first update after a quiet spell goes
   * out at once, so a lone writer's edits are never delayed.
   */
  coalesceMs: number;
}

/** Relays stored updates to a room's connections. */
export class Relay<C extends Receiver> {
  private pending: Outgoing<C>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = -Infinity;

  constructor(
    private readonly receivers: () => Iterable<C>,
    private readonly opts: RelayOptions,
  ) {}

  /** Relays updates that are in the store (W1): at once, or with the others of the next few ms. */
  relay(items: Outgoing<C>[]): void {
    if (items.length === 0) return;
    for (const item of items) this.pending.push(item);
    if (this.timer) return;
    const wait = this.lastFlush + this.opts.coalesceMs - performance.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Sends what is held now (e.g. before the room is dropped). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const items = this.pending;
    this.pending = [];
    this.lastFlush = performance.now();
    if (items.length === 0) return;
    const all = encodeUpdate(merge(items.map((i) => i.update)));
    const senders = new Set<C>();
    for (const i of items) if (i.except !== undefined) senders.add(i.except);
    for (const conn of this.receivers()) {
      if (!senders.has(conn)) conn.send(all);
      else if (senders.size > 0) {
        // a sender gets what the others sent in the same batch, not its own edits back
        const others = items.filter((i) => i.except !== conn).map((i) => i.update);
        if (others.length > 0) conn.send(encodeUpdate(merge(others)));
      }
    }
  }

  /** Drops what is held without sending it (the room failed or closed its connections). */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }
}

const merge = (updates: Uint8Array[]): Uint8Array => (updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));

/**
 * Sync messages that depend on the doc's version only: a server's step 1 (its state vector) and the
 * step 2 answering an empty state vector (the whole doc, what every client joining without a local
 * copy asks for). Computed at most once per version and shared by every connection.
 */
export class SyncReplies {
  private step1: Uint8Array | null = null;
  private full: Uint8Array | null = null;
  private encoded: Uint8Array | null = null;
  private vectorBytes: Uint8Array | null = null;
  private deleteSet: Uint8Array | null = null;

  /**
   * @param events the doc whose changes make the cached replies stale
   * @param current the doc to encode from when a reply is not cached (the same doc, built on demand)
   */
  constructor(
    events: Y.Doc,
    private readonly current: () => Y.Doc = () => events,
  ) {
    events.on('update', this.invalidate);
  }

  private readonly invalidate = (): void => {
    this.step1 = null;
    this.full = null;
    this.encoded = null;
    this.vectorBytes = null;
    this.deleteSet = null;
  };

  /** The doc holds exactly `snapshot`: replies to an empty client and the server's step 1 need no encoding. */
  preset(snapshot: Snapshot): void {
    this.encoded = snapshot.state;
    this.vectorBytes = snapshot.vector;
  }

  /** The doc's whole state as one update (`Y.encodeStateAsUpdate`), e.g. for a snapshot. */
  state(): Uint8Array {
    return (this.encoded ??= Y.encodeStateAsUpdate(this.current()));
  }

  vector(): Uint8Array {
    return (this.vectorBytes ??= Y.encodeStateVector(this.current()));
  }

  serverStep1(): Uint8Array {
    return (this.step1 ??= encodeSyncStep1Vector(this.vector()));
  }

  /** Sync step 2 answering a client's state vector. */
  step2(stateVector: Uint8Array): Uint8Array {
    if (isEmptyVector(stateVector)) return (this.full ??= encodeSyncStep2(this.state()));
    // the delete set, the part of every reply that Yjs would collect from the whole doc, once per version
    const doc = this.current();
    this.deleteSet ??= DeletedClocks.of(doc).encode();
    return encodeSyncStep2(encodeStateAfter(doc, Y.decodeStateVector(stateVector), this.deleteSet));
  }
}

/** A client joining without a local copy: it gets the cached whole state. */
function isEmptyVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/** WebSocket frames (binary, unmasked, server to client) of messages sent to many sockets. */
const frames = new WeakMap<Uint8Array, Buffer>();

function frameOf(data: Uint8Array): Buffer {
  let frame = frames.get(data);
  if (frame) return frame;
  const n = data.byteLength;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x82; // FIN, binary
  if (head === 2) frame[1] = n;
  else if (head === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(0, 2);
    frame.writeUInt32BE(n, 6);
  }
  frame.set(data, head);
  frames.set(data, frame);
  return frame;
}

/** What `ws` keeps of a server-side socket; used only when it sends straight to the TCP socket. */
interface WsInternals {
  _socket?: { write(b: Buffer): boolean; writable: boolean };
  _sender?: { _state?: number; _queue?: unknown[] };
  _extensions?: Record<string, unknown>;
}

/**
 * Sends a binary message. A message sent to many sockets is framed once and the same frame written
 * to each; when `ws` could have data of its own queued (an extension, a send in progress), it
 * frames the message itself.
 */
export function sendBinary(ws: WebSocket, data: Uint8Array): void {
  if (ws.readyState !== WebSocket.OPEN) return;
  const w = ws as unknown as WsInternals;
  const direct =
    w._socket?.writable === true &&
    w._sender?._state === 0 &&
    w._sender._queue?.length === 0 &&
    w._extensions !== undefined &&
    Object.keys(w._extensions).length === 0;
  if (direct) w._socket!.write(frameOf(data));
  else ws.send(data, { binary: true });
}

/**
 * Cuts a WebSocket that does not read what is sent to it: a close frame would wait behind the
 * rest, so the TCP connection is reset, which also frees what the kernel holds for it.
 */
export function resetWebSocket(ws: WebSocket): void {
  (ws as unknown as { _socket?: Socket })._socket?.resetAndDestroy();
  ws.terminate();
}
