import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { CreateSessionResponse } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, startTestServer, typeInto, yClient, type TestServer, type TestSocket, type YClient } from './helpers/plenary';
import { startRedis, type TestRedis } from './helpers/redisServer';
import { waitFor } from './helpers/wait';

let redis: TestRedis;
let a: TestServer;
let b: TestServer;
let links: CreateSessionResponse;
const clients: YClient[] = [];
const sockets: TestSocket[] = [];

beforeAll(async () => {
  redis = await startRedis({ appendonly: false });
  const shared = { redisUrl: redis.url, secret: 'stream-entry-secret', adminKey: 'stream-entry-admin' };
  a = await startTestServer({ ...shared, nodeId: 'node-a' });
  b = await startTestServer({ ...shared, nodeId: 'node-b' });
  links = await createSitting(a);
}, 30_000);
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of sockets) s.close();
  await a?.close();
  await b?.close();
  await redis?.stop();
});

describe('a bad entry in a doc log', () => {
  it('[N1][K8] is skipped: that doc and every other doc keep reaching the other node, and nothing unapplied is served', async () => {
    const writer = await yClient(a, 'test-sitting/communique', delegateToken(links, 'pk'));
    const reader = await yClient(b, 'test-sitting/communique', delegateToken(links, 'cn'));
    const session = await yClient(b, 'test-sitting/session', links.links.observer.token);
    const chair = await ioClient(a, links.links.chair.token);
    clients.push(writer, reader, session);
    sockets.push(chair);
    typeInto(writer.doc, ' before');
    await waitFor(() => reader.text().includes('before'));

    const r = new Redis(redis.url);
    try {
      const log = 'plenary:doc:test-sitting/communique:log';
      await r.xadd(log, '*', 'u', Buffer.from([0xff, 0xff, 0xff, 0x01]), 'a', 'x', 't', '0', 'n', 'elsewhere');
      await r.xadd(log, '*', 'a', 'x', 't', '0', 'n', 'elsewhere');
      // decodes, but Yjs cannot place it (items of two clients hanging on each other) and sets it aside
      await r.xadd(log, '*', 'u', Buffer.from([2, 1, 0, 1, 196, 0, 0, 2, 0, 1, 98, 1, 2, 0, 132, 0, 1, 1, 99, 0]), 'a', 'x', 't', '0', 'n', 'elsewhere');
    } finally {
      r.disconnect();
    }
    typeInto(writer.doc, ' after');
    await waitFor(() => reader.text().includes('after'), 10_000, 'the doc stopped reaching the other node');
    expect(await cmd(chair, 'agenda.add', { title: 'Still flowing' })).toMatchObject({ ok: true });
    await waitFor(() => JSON.stringify(session.doc.getArray('agenda').toJSON()).includes('Still flowing'), 10_000, 'the other doc stopped reaching the other node');
    for (const node of [a, b]) {
      const fresh = await yClient(node, 'test-sitting/communique', links.links.observer.token);
      clients.push(fresh);
      expect(fresh.text()).toBe(writer.text());
      expect(fresh.doc.store.pendingStructs).toBeNull();
    }
  });
});
