import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../../test/helpers/redisServer';
import { waitFor } from '../../../test/helpers/wait';
import { RedisStore } from '../store/RedisStore';
import { decodeFrame } from '../yjs/frames';
import type { RoomConnection } from '../yjs/Room';
import { RoomRegistry } from '../yjs/RoomRegistry';
import { RedisBus } from './RedisBus';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

/** A node as far as docs go: its own store connection, bus and rooms, on the shared Redis. */
function node(id: string, compactEvery: number) {
  const store = new RedisStore(redis.url, 'bus-test:', id);
  const bus = new RedisBus(store, id);
  const rooms = new RoomRegistry(store, { compactEvery, unloadAfterMs: 60_000, bus });
  return {
    store,
    rooms,
    close: async () => {
      await rooms.closeAll(1001, 'done');
      await bus.close();
      await store.close();
    },
  };
}

/** A client of one node's room, with its own doc, speaking the room's frames. */
async function client(rooms: RoomRegistry, name: string, i: number): Promise<Y.Doc> {
  const room = await rooms.open(name);
  const doc = new Y.Doc();
  const conn: RoomConnection = {
    id: `c${i}`,
    actor: { sid: 's', role: 'delegate', delegation: `d${i}`, name: `D${i}` },
    canWrite: true,
    identity: { name: `D${i}`, color: '#000000', role: 'delegate' },
    send: (data) => {
      if (data[0] !== 0) return; // awareness
      const frame = decodeFrame(data);
      if (frame.kind === 'sync-step2' || frame.kind === 'update') Y.applyUpdate(doc, frame.update, 'server');
      if (frame.kind === 'sync-step1') room.receive(conn, { kind: 'sync-step2', update: Y.encodeStateAsUpdate(doc, frame.stateVector) });
    },
    close: (code, reason) => {
      if (code !== 1001) throw new Error(`closed ${code}: ${reason}`);
    },
  };
  room.join(conn);
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') room.receive(conn, { kind: 'update', update });
  });
  return doc;
}

describe('RedisBus', () => {
  it('[N1] rooms of three nodes converge while each compacts and trims entries the others have not read yet', async () => {
    const nodes = ['x', 'y', 'z'].map((id) => node(id, 3));
    try {
      const name = 's/communique';
      const docs = await Promise.all(nodes.map((n, i) => client(n.rooms, name, i)));
      const N = 1500;
      for (let k = 0; k < N; k++) {
        docs[k % 3]!.getText('t').insert(0, `w${k} `);
        if (k % 7 === 0) await new Promise((r) => setTimeout(r, Math.random() * 4));
      }
      const count = (d: Y.Doc) => d.getText('t').toString().split(' ').filter(Boolean).length;
      await waitFor(() => docs.every((d) => count(d) === N), 20_000, 'the clients did not converge').catch((e: Error) => {
        throw new Error(`${e.message}: ${docs.map(count).join(', ')} of ${N}`);
      });
      // what the store holds is the same text: snapshot + the log after it
      const loaded = await nodes[0]!.store.loadDoc(name);
      const stored = new Y.Doc();
      if (loaded.snapshot) Y.applyUpdate(stored, loaded.snapshot);
      for (const u of loaded.updates) Y.applyUpdate(stored, u);
      expect(stored.getText('t').toString()).toBe(docs[0]!.getText('t').toString());
      expect(loaded.updates.length).toBeLessThan(N / 10);
    } finally {
      for (const n of nodes) await n.close();
    }
  }, 60_000);
});
