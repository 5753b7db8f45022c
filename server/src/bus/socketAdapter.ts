import type { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Server, Socket } from 'socket.io';

/** How long a client may be gone and still get every event it missed, on any node. */
export const MAX_DISCONNECTION_MS = 2 * 60 * 1000;

/** Socket.IO's adapter for several nodes: broadcasts and recovery sessions in one Redis stream. */
export function redisSocketAdapter(redis: Redis, prefix: string): ReturnType<typeof createAdapter> {
  return createAdapter(redis, {
    streamName: `${prefix}socket.io`,
    channelPrefix: `${prefix}socket.io`,
    sessionKeyPrefix: `${prefix}sio:session:`,
    maxLen: 10_000,
  });
}

/**
 * Socket.IO stores a recovery session when a socket disconnects, which a node killed outright
 * never does. Storing it ahead (at connection, then each minute, expiring after two) lets the
 * clients of a dead node recover their session on another node: same id, missed events replayed.
 */
export function keepSessionsRecoverable(io: Server): () => void {
  const persist = (socket: Socket) => {
    // `pid` is Socket.IO's private session id; the adapter's own persistSession is what we call
    const pid = (socket as unknown as { pid?: string }).pid;
    if (!pid || !socket.connected) return;
    socket.nsp.adapter.persistSession({ sid: socket.id, pid, rooms: [...socket.rooms], data: socket.data as unknown });
  };
  io.on('connection', (socket) => {
    // after the connection handlers have joined their rooms
    setImmediate(() => persist(socket));
  });
  const timer = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) persist(socket);
  }, MAX_DISCONNECTION_MS / 2);
  timer.unref();
  return () => clearInterval(timer);
}
