import { Redis } from 'ioredis';
import type { TestRedis } from '../helpers/redisServer';

/**
 * A Redis incident that loses acknowledged writes, made deterministic: the server runs without
 * AOF (`startRedis({ appendonly: false })`), `saveNow` writes its dataset to dump.rdb, and
 * `loseWritesSinceSave` kills it (-9) and starts it again from that dump. Every write Redis
 * acknowledged between the two is gone, as with AOF `everysec` when the disk was busy.
 */
export async function saveNow(redis: Pick<TestRedis, 'url'>): Promise<void> {
  await withRedis(redis, (r) => r.save());
}

/**
 * kill -9 of redis-server, then a start from its last dump: what it acknowledged since is lost.
 * Checked with a key of its own written just before, so that the check does not race a node
 * storing its docs again.
 */
export async function loseWritesSinceSave(redis: TestRedis): Promise<void> {
  const marker = 'plenary-test:written-after-save';
  await withRedis(redis, (r) => r.set(marker, '1'));
  await redis.kill();
  await redis.restart();
  if ((await withRedis(redis, (r) => r.exists(marker))) !== 0) throw new Error('redis-server kept a write made after SAVE: run it without AOF (startRedis({ appendonly: false }))');
}

async function withRedis<T>(redis: Pick<TestRedis, 'url'>, fn: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  try {
    return await fn(r);
  } finally {
    r.disconnect();
  }
}
