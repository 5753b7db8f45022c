import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/SqliteStore';
import { Room } from './Room';

describe('acks a room keeps for retries racing their first attempt', () => {
  it('[C4][Q4] are the latest 1024 only, so a doc loaded for long does not grow with every command', async () => {
    const store = new SqliteStore(mkdtempSync(join(tmpdir(), 'plenary-acks-')));
    const room = await Room.load('acks/session', store, { compactEvery: 500 });
    for (let i = 0; i < 5000; i++) room.rememberAck(`chair|cmd-${i}`, { ok: true, result: { n: i } });
    expect(room.appliedAck('chair|cmd-4999')).toEqual({ ok: true, result: { n: 4999 } });
    expect(room.appliedAck('chair|cmd-3976')).toEqual({ ok: true, result: { n: 3976 } });
    expect(room.appliedAck('chair|cmd-3975')).toBeUndefined();
    expect(room.appliedAck('chair|cmd-0')).toBeUndefined();
    room.destroy();
    await store.close();
  });
});
