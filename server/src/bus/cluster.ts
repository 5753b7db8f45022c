import { RedisPresence } from '../presence/RedisPresence';
import type { RedisStore } from '../store/RedisStore';
import { RedisBus } from './RedisBus';
import { redisSocketAdapter } from './socketAdapter';

/** What a node needs to serve sittings together with other nodes on the same Redis. */
export interface Cluster {
  bus: RedisBus;
  presence: RedisPresence;
  socketAdapter: ReturnType<typeof redisSocketAdapter>;
  /** Starts the presence heartbeat (after its listeners are in place). */
  start(): Promise<void>;
  /** After Socket.IO is closed, before the store is. */
  close(): Promise<void>;
}

export function joinCluster(store: RedisStore, nodeId: string, log: (msg: string) => void, onLostWrites?: (doc: string) => void): Cluster {
  const bus = new RedisBus(store, nodeId, log, onLostWrites);
  const presence = new RedisPresence(store.redis, store.prefix, nodeId, { log });
  const socketRedis = store.redis.duplicate();
  socketRedis.on('error', () => {});
  return {
    bus,
    presence,
    socketAdapter: redisSocketAdapter(socketRedis, store.prefix),
    start: () => presence.start(),
    close: async () => {
      await presence.close();
      await bus.close();
      await socketRedis.quit().catch(() => socketRedis.disconnect());
    },
  };
}
