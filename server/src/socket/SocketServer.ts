import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { actorKey, PlenaryError, type ClientToServerEvents, type ServerToClientEvents } from '@plenary/shared';
import { authenticate, type AuthenticatedActor } from '../auth/authenticate';
import type { InviteTokens } from '../auth/InviteTokens';
import type { Commands } from '../commands/Commands';
import type { Presence } from '../presence/Presence';
import type { DocStore } from '../store/DocStore';

interface SocketData {
  actor: AuthenticatedActor;
}

type PlenarySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SocketServerDeps {
  tokens: InviteTokens;
  store: DocStore;
  commands: Commands;
  presence: Presence;
  maxFrameBytes: number;
  /** a delegation's first connection opened, or its last one closed */
  onDelegationPresence?: (sid: string, delegation: string, connected: boolean) => void;
}

const sittingRoom = (sid: string) => `sitting:${sid}`;

/** Socket.IO: commands, presence and the clock. Authenticated in the handshake, before any event. */
export function attachSocketServer(http: HttpServer, deps: SocketServerDeps): Server {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: deps.maxFrameBytes,
    pingInterval: 5000,
    pingTimeout: 5000,
    // /yjs upgrades are ours: engine.io must not destroy them
    destroyUpgrade: false,
  });

  io.use((socket, next) => {
    const { token, sid } = (socket.handshake.auth ?? {}) as { token?: unknown; sid?: unknown };
    // `sid` is optional: a client that names its sitting is refused a token of another one
    authenticate(deps.tokens, deps.store, typeof token === 'string' ? token : undefined, typeof sid === 'string' ? sid : undefined)
      .then((actor) => {
        socket.data.actor = actor;
        next();
      })
      .catch((err: unknown) => {
        const e = err instanceof PlenaryError ? err : new PlenaryError('UNAUTHORIZED', 'The invite token could not be checked');
        next(Object.assign(new Error(e.message), { data: e.toBody() }));
      });
  });

  io.on('connection', (socket: PlenarySocket) => {
    const { actor } = socket.data;
    const room = sittingRoom(actor.sid);
    void socket.join(room);
    deps.presence.add(socket.id, actor);
    const key = actorKey(actor);
    if (actor.delegation && deps.presence.count(actor.sid, key) === 1) deps.onDelegationPresence?.(actor.sid, actor.delegation, true);
    socket.emit('welcome', {
      sid: actor.sid,
      role: actor.role,
      ...(actor.delegation ? { delegation: actor.delegation } : {}),
      name: actor.name,
      color: actor.color,
      serverTime: Date.now(),
    });
    io.to(room).emit('presence', deps.presence.list(actor.sid));

    socket.on('cmd', (cmd, ack) => {
      if (typeof ack !== 'function') return;
      void deps.commands.execute(actor, cmd).then(ack);
    });
    socket.on('clock', (ack) => {
      if (typeof ack === 'function') ack(Date.now());
    });
    socket.on('disconnect', () => {
      deps.presence.remove(actor.sid, socket.id);
      if (actor.delegation && deps.presence.count(actor.sid, key) === 0) deps.onDelegationPresence?.(actor.sid, actor.delegation, false);
      io.to(room).emit('presence', deps.presence.list(actor.sid));
    });
  });
  return io;
}
