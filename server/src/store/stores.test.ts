import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startRedis, type TestRedis } from '../../../test/helpers/redisServer';
import { RedisStore } from './RedisStore';
import { SqliteStore } from './SqliteStore';
import { storeContract } from './storeContract';

const dirs = new WeakMap<object, string>();
storeContract('SQLite', {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-sqlite-'));
    const store = new SqliteStore(dir);
    dirs.set(store, dir);
    return store;
  },
  async reopen(store) {
    const dir = dirs.get(store)!;
    await store.close();
    return new SqliteStore(dir);
  },
});

let redis: TestRedis;
let n = 0;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
const prefixes = new WeakMap<object, string>();
storeContract('Redis', {
  async open() {
    const prefix = `t${++n}:`;
    const store = new RedisStore(redis.url, prefix);
    prefixes.set(store, prefix);
    return store;
  },
  async reopen(store) {
    await store.close();
    await redis.kill();
    await redis.restart();
    return new RedisStore(redis.url, prefixes.get(store)!);
  },
});
