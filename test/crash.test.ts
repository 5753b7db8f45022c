import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnPlenary, type PlenaryChild } from './helpers/child';
import { cmd, ioClient, typeInto, yClient } from './helpers/plenary';
import { startRedis, type TestRedis } from './helpers/redisServer';
import { waitFor } from './helpers/wait';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

const ROUNDS = 3;

async function crashRound(env: Record<string, string>, round: number): Promise<void> {
  let server: PlenaryChild = await spawnPlenary(env);
  try {
    const writer = await yClient(server, 'kabul-process-2017/communique', server.tokens.pk!);
    const reader = await yClient(server, 'kabul-process-2017/communique', server.tokens.cn!);
    const chair = await ioClient(server, server.tokens.chair!);
    const target = round % 2 === 0 ? 'open' : 'closed';
    const ack = await cmd(chair, 'session.setState', { state: target });
    expect(ack.ok, JSON.stringify(ack)).toBe(true);

    let i = 0;
    const typing = setInterval(() => typeInto(writer.doc, ` r${round}w${i++}`, 2), 3);
    await waitFor(() => reader.text().includes(`r${round}w20`), 10_000);
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 300));
    await server.kill9();
    clearInterval(typing);
    // what any client had received when the server died
    const received = [...reader.text().matchAll(new RegExp(`r${round}w\\d+`, 'g'))].map((m) => m[0]);
    writer.destroy();
    reader.destroy();
    chair.close();
    expect(received.length).toBeGreaterThan(20);

    server = await spawnPlenary(env);
    const fresh = await yClient(server, 'kabul-process-2017/communique', server.tokens.observer!);
    const text = fresh.text();
    const missing = received.filter((w) => !text.includes(`${w} `) && !text.includes(`${w}<`));
    expect(missing, `lost after kill -9 (round ${round})`).toEqual([]);
    const state = await fetch(`${server.url}/api/sessions/kabul-process-2017`, { headers: { authorization: `Bearer ${server.tokens.observer}` } });
    expect(((await state.json()) as { meta: { state: string } }).meta.state).toBe(target);
    fresh.destroy();
  } finally {
    await server.stop();
  }
}

describe('kill -9 of the server', () => {
  it('[W4] loses nothing any client had received nor any acked command (SQLite)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plenary-crash-'));
    for (let round = 0; round < ROUNDS; round++) await crashRound({ PLENARY_DATA_DIR: dataDir }, round);
  }, 120_000);

  it('[W4] loses nothing any client had received nor any acked command (Redis)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plenary-crash-'));
    for (let round = 0; round < ROUNDS; round++) await crashRound({ PLENARY_DATA_DIR: dataDir, REDIS_URL: redis.url }, round);
  }, 120_000);
});
