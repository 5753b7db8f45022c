import { Redis } from 'ioredis';
import type { TestRedis } from '../helpers/redisServer';

/**
 * A Redis incident that loses acknowledged writes, made deterministic: the server runs without
 * AOF (`startRedis({ appendonly: false })`), `saveNow` writes its dataset to dump.rdb, and
 * `loseWritesSinceSave` kills it (-9) and starts it again from that dump. Every write Redis
 * acknowledged between the two is gone, as with AOF `everysec` when the disk was busy.
 */
export async function saveNow(redis: Pick<TestRedis, 'url'>): Promise<void> {
  const r = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  try {
    await r.save();
  } finally {
    r.disconnect();
  }
}

/** kill -9 of redis-server, then a start from its last dump: what it acknowledged since is lost. */
export async function loseWritesSinceSave(redis: TestRedis): Promise<void> {
  await redis.kill();
  await redis.restart();
}

/** Reads one field of a hash straight from Redis, e.g. a command's stored ack. */
export async function hget(redis: Pick<TestRedis, 'url'>, key: string, field: string): Promise<string | null> {
  const r = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  try {
    return await r.hget(key, field);
  } finally {
    r.disconnect();
  }
}
