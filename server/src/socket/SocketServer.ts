import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { actorKey, PlenaryError, type ClientToServerEvents, type ErrorBody, type ServerToClientEvents } from '@plenary/shared';
import { admit, type Admitted } from '../auth/authenticate';
import type { OpenInvites } from '../auth/OpenInvites';
import type { InviteTokens } from '../auth/InviteTokens';
import type { Commands } from '../commands/Commands';
import { requestUrl } from '../http/paths';
import { AddressShares } from '../limits/AddressShares';
import { RefusalLog } from '../limits/RefusalLog';
import { describeRate, TokenBucket, type Rate } from '../limits/TokenBucket';
import type { PresenceBook } from '../presence/PresenceBook';
import type { DocStore } from '../store/DocStore';
import { resetWebSocket } from '../yjs/fanout';
import type { WebSocket } from 'ws';

interface SocketData {
  admitted: Admitted;
}

/** Between the nodes of a cluster (through Socket.IO's adapter). */
export interface InterServerEvents {
  /** an invite was revoked on another node: its connections open here close too (R9) */
  'invite-revoked': (m: { sid: string; invite: string; generation: number }) => void;
}

type PlenarySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type PlenaryIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface SocketServerDeps {
  tokens: InviteTokens;
  store: DocStore;
  commands: Commands;
  presence: PresenceBook;
  /** open connections by invite: closed when their token expires or their invite is revoked */
  invites?: OpenInvites;
  maxFrameBytes: number;
  /** per connection: `cmd` and `clock` events */
  commandRate?: Rate;
  /**
   * before its handshake is authenticated a connection may send this many messages and bytes, and
   * must authenticate within timeoutMs; at most `pending` connections wait unauthenticated at once,
   * `perAddress` of them from one remote address
   */
  /** bytes waiting to be sent to a connection beyond which it is dropped, not buffered (0: no limit) */
  maxSendBufferBytes?: number;
  preAuth?: { messages: number; bytes: number; timeoutMs: number; pending?: number; perAddress?: number };
  /** the remote address a request is counted under (K13); the socket's own by default */
  addressOf?: (req: IncomingMessage) => string;
  /** ping interval and pong timeout: a connection silent for this long twice over is dropped */
  pingMs?: number;
  /** a delegation's first connection opened or its last one closed (on any node): its attendance follows */
  onDelegationPresence?: (sid: string, delegation: string) => void;
  /** several nodes on one Redis: Socket.IO's adapter, with connection-state recovery */
  cluster?: {
    adapter: ServerOptions['adapter'];
    maxDisconnectionMs: number;
    /** presence lists computed at once on two nodes may arrive in either order: the list is sent again this long after a change */
    presenceSettleMs: number;
  };
  log?: (msg: string) => void;
}

const sittingRoom = (sid: string) => `sitting:${sid}`;

/** Messages waiting in engine.io's queue for one connection, at most: a client that reads takes them at every write or poll. */
const MAX_WAITING_PACKETS = 1024;

/** What engine.io keeps of a connection: its queue, and the WebSocket of its transport. */
interface EngineInternals {
  writeBuffer?: unknown[];
  transport?: { name?: string; socket?: WebSocket };
  close(discard?: boolean): void;
}

/** Bytes and messages waiting to be sent to a connection. */
function unsent(conn: EngineInternals): { bytes: number; packets: number } {
  const ws = conn.transport?.name === 'websocket' ? conn.transport.socket : undefined;
  return { bytes: ws?.bufferedAmount ?? 0, packets: conn.writeBuffer?.length ?? 0 };
}

/**
 * Tells an open connection why it ends, then disconnects it once the message is on its way: with
 * connection-state recovery (several nodes) an emit first goes through the adapter, asynchronously.
 */
function refuseOpen(socket: PlenarySocket, body: ErrorBody): void {
  const disconnect = () => {
    clearTimeout(fallback);
    socket.conn.off('packetCreate', queued);
    socket.disconnect(true);
  };
  const fallback = setTimeout(disconnect, 1000);
  // announced (as Socket.IO encodes an event: `2["refused",…]`) before it is queued; once queued,
  // engine.io closes only after it is written
  const queued = (packet: { type: string; data?: unknown }) => {
    if (packet.type === 'message' && typeof packet.data === 'string' && packet.data.startsWith('2["refused",')) setImmediate(disconnect);
  };
  socket.conn.on('packetCreate', queued);
  socket.emit('refused', body);
}

/** Socket.IO: commands, presence and the clock. Authenticated in the handshake, before any event. */
export function attachSocketServer(http: HttpServer, deps: SocketServerDeps): PlenaryIo {
  const io: PlenaryIo = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(http, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: deps.maxFrameBytes,
    pingInterval: deps.pingMs ?? 5000,
    pingTimeout: deps.pingMs ?? 5000,
    ...(deps.preAuth ? { connectTimeout: deps.preAuth.timeoutMs } : {}),
    // a connection is counted unauthenticated from its first request until its handshake passes;
    // requests of an open connection (`sid`) are not new connections
    allowRequest: (req, callback) => {
      if (requestUrl(req.url)?.searchParams.has('sid')) return callback(null, true);
      const pending = deps.preAuth?.pending ?? 256;
      if (unauthenticated.size >= pending) return callback('Too many connections are waiting to authenticate; retry', false);
      // an address past its share (a venue behind one NAT joining at once) is let in while half the budget is free
      const address = addressOf(req);
      if (shares.hasRoom(address) || unauthenticated.size < pending / 2) return callback(null, true);
      refusals.refused(address);
      callback('Too many connections from your address are waiting to authenticate; retry', false);
    },
    // /yjs upgrades are ours: engine.io must not destroy them
    destroyUpgrade: false,
    ...(deps.cluster
      ? {
          adapter: deps.cluster.adapter,
          // a recovered socket is authenticated again: its token may have expired meanwhile
          connectionStateRecovery: { maxDisconnectionDuration: deps.cluster.maxDisconnectionMs, skipMiddlewares: false },
        }
      : {}),
  });
  const log = deps.log ?? (() => {});
  const addressOf = deps.addressOf ?? ((req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown');
  // each unauthenticated connection, and how it gives its address's share back
  const unauthenticated = new Map<object, () => void>();
  const shares = new AddressShares(deps.preAuth?.perAddress ?? 0);
  const refusals = new RefusalLog(`Socket.IO connections over their address's share of ${shares.perAddress} waiting to authenticate`, log);
  const authenticated = (raw: object) => {
    unauthenticated.get(raw)?.();
    unauthenticated.delete(raw);
  };
  io.engine.on('connection', (raw: { request: IncomingMessage; on(e: string, f: (d: unknown) => void): void; close(): void }) => {
    const caps = deps.preAuth;
    unauthenticated.set(raw, shares.add(addressOf(raw.request)));
    let messages = 0;
    let bytes = 0;
    raw.on('close', () => authenticated(raw));
    raw.on('message', (data) => {
      if (!caps || !unauthenticated.has(raw)) return;
      messages++;
      bytes += typeof data === 'string' ? Buffer.byteLength(data) : ((data as { byteLength?: number }).byteLength ?? 0);
      if (messages > caps.messages || bytes > caps.bytes) {
        log(`a connection sent ${messages} messages (${bytes} bytes) without authenticating; closed`);
        raw.close();
      }
    });
  });

  io.on('invite-revoked', ({ sid, invite, generation }) => {
    const closed = deps.invites?.closeRevoked(sid, invite, generation) ?? 0;
    if (closed > 0) log(`${sid}: the invite ${invite} was revoked on another node; closed ${closed} connections here`);
  });

  const settling = new Map<string, NodeJS.Timeout>();
  const sendPresence = (sid: string) =>
    void deps.presence.list(sid).then(
      (list) => io.to(sittingRoom(sid)).emit('presence', list),
      (err: unknown) => log(`${sid}: presence not sent: ${String(err)}`),
    );
  const announce = (sid: string) => {
    sendPresence(sid);
    const settleMs = deps.cluster?.presenceSettleMs;
    if (!settleMs) return;
    clearTimeout(settling.get(sid));
    const timer = setTimeout(() => {
      settling.delete(sid);
      sendPresence(sid);
    }, settleMs);
    timer.unref();
    settling.set(sid, timer);
  };
  deps.presence.onChange((sid, actors) => {
    announce(sid);
    for (const delegation of new Set(actors.map((a) => a.delegation))) if (delegation) deps.onDelegationPresence?.(sid, delegation);
  });

  io.use((socket, next) => {
    const { token, sid } = (socket.handshake.auth ?? {}) as { token?: unknown; sid?: unknown };
    // `sid` is optional: a client that names its sitting is refused a token of another one
    admit(deps.tokens, deps.store, typeof token === 'string' ? token : undefined, typeof sid === 'string' ? sid : undefined)
      .then((admitted) => {
        socket.data.admitted = admitted;
        next();
      })
      .catch((err: unknown) => {
        const e = err instanceof PlenaryError ? err : PlenaryError.of('UNAUTHORIZED', 'tokenUnchecked');
        next(Object.assign(new Error(e.message), { data: e.toBody() }));
      });
  });

  io.on('connection', (socket: PlenarySocket) => {
    const { actor } = socket.data.admitted;
    authenticated(socket.conn);
    // its invite expired or was revoked: told why, then closed (the client does not retry a server disconnect)
    const untrack = deps.invites?.track(socket.data.admitted, (refusal) => refuseOpen(socket, refusal.toBody()));
    const room = sittingRoom(actor.sid);
    const bucket = new TokenBucket(deps.commandRate ?? { perSecond: 0, burst: 0 });
    // presence and acks sent to a connection that reads none of them would pile up here (K10)
    const maxSend = deps.maxSendBufferBytes ?? 0;
    const engine = socket.conn as unknown as EngineInternals & { on(e: 'packetCreate', f: () => void): void };
    if (maxSend > 0) {
      let dropped = false;
      engine.on('packetCreate', () => {
        if (dropped) return;
        const { bytes, packets } = unsent(engine);
        if (bytes <= maxSend && packets < MAX_WAITING_PACKETS) return;
        dropped = true;
        log(`${actor.sid}: a Socket.IO connection of ${actor.role} ${actor.name} did not read ${bytes} bytes and ${packets} messages sent to it; dropped`);
        const ws = engine.transport?.name === 'websocket' ? engine.transport.socket : undefined;
        if (ws) resetWebSocket(ws);
        engine.close(true);
      });
    }
    void socket.join(room);
    socket.emit('welcome', {
      sid: actor.sid,
      role: actor.role,
      ...(actor.delegation ? { delegation: actor.delegation } : {}),
      name: actor.name,
      color: actor.color,
      serverTime: Date.now(),
    });
    void deps.presence.add(socket.id, actor).then(
      (n) => {
        if (actor.delegation && n === 1) deps.onDelegationPresence?.(actor.sid, actor.delegation);
        announce(actor.sid);
      },
      (err: unknown) => log(`${actor.sid}: presence of ${actorKey(actor)} not recorded: ${String(err)}`),
    );

    socket.on('cmd', (cmd, ack) => {
      if (typeof ack !== 'function') return;
      if (!bucket.take()) {
        const message = `Too many commands: at most ${describeRate(deps.commandRate!)}; wait a moment and try again`;
        return ack({ ok: false, error: { code: 'RATE_LIMITED', message } });
      }
      void deps.commands.execute(actor, cmd).then(ack);
    });
    socket.on('clock', (ack) => {
      // over the rate a clock sample is not answered; the client keeps the samples it has
      if (typeof ack === 'function' && bucket.take()) ack(Date.now());
    });
    socket.on('disconnect', (reason) => {
      untrack?.();
      // a node shutting down leaves its connections to the other nodes' sweep, which also updates attendance
      if (deps.cluster && reason === 'server shutting down') return;
      void deps.presence.remove(actor, socket.id).then(
        (n) => {
          if (actor.delegation && n === 0) deps.onDelegationPresence?.(actor.sid, actor.delegation);
          announce(actor.sid);
        },
        (err: unknown) => log(`${actor.sid}: presence of ${actorKey(actor)} not removed: ${String(err)}`),
      );
    });
  });
  return io;
}
