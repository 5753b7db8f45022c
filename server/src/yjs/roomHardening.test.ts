import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../store/SqliteStore';
import { RoomRegistry } from './RoomRegistry';
import type { RoomConnection } from './Room';

function connection(name: string): RoomConnection & { closed: [number, string][] } {
  const closed: [number, string][] = [];
  return {
    id: name,
    actor: { sid: 's', role: 'delegate', delegation: name, name },
    canWrite: true,
    identity: { name, color: '#000', role: 'delegate' },
    send: () => {},
    close: (code: number, reason: string) => {
      closed.push([code, reason]);
    },
    closed,
  };
}

const edit = (text: string) => {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(d);
};

describe('the write loop', () => {
  it('[K7] an update whose checks throw is refused with 1007; the rest of its batch is applied and stored', async () => {
    const store = new SqliteStore(mkdtempSync(join(tmpdir(), 'plenary-room-')));
    const rooms = new RoomRegistry(store, {
      compactEvery: 500,
      unloadAfterMs: 10_000,
      policyFor: async () => ({
        admit: (_conn, update) => {
          if (new TextDecoder().decode(update).includes('THROW')) throw new Error('checks failed');
          return { ok: true };
        },
        release: () => {},
      }),
    });
    const room = await rooms.open('s/communique');
    const [bad, good] = [connection('bad'), connection('good')];
    room.join(bad);
    room.join(good);
    // three updates in one batch: the first starts a write, the other two wait behind it together
    room.receive(good, { kind: 'sync-step2', update: edit('one ') });
    room.receive(bad, { kind: 'sync-step2', update: edit('THROW') });
    room.receive(good, { kind: 'update', update: edit('two') });
    await expect.poll(async () => (await store.loadDoc('s/communique')).updates.length).toBe(2);
    expect(bad.closed).toEqual([[1007, 'update could not be checked']]);
    expect(good.closed).toEqual([]);
    expect(room.doc.getText('t').toString()).not.toContain('THROW');
    await rooms.closeAll(1001, 'done');
    await store.close();
  });
});
