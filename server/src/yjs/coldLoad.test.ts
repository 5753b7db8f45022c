import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../store/SqliteStore';
import { decodeFrame, type Frame } from './frames';
import { RoomRegistry } from './RoomRegistry';
import type { RoomConnection } from './Room';

const EMPTY_VECTOR = Uint8Array.of(0);

function connection(name: string, canWrite: boolean): RoomConnection & { frames: Frame[] } {
  const frames: Frame[] = [];
  return {
    id: name,
    actor: canWrite ? { sid: 's', role: 'delegate', delegation: name, name } : { sid: 's', role: 'observer', name },
    canWrite,
    identity: { name, color: '#000000', role: canWrite ? 'delegate' : 'observer' },
    send: (data) => {
      if (data[0] === 0) frames.push(decodeFrame(data));
    },
    close: () => {},
    frames,
  };
}

function step2Of(conn: { frames: Frame[] }): Uint8Array {
  const f = conn.frames.find((x) => x.kind === 'sync-step2');
  if (!f || f.kind !== 'sync-step2') throw new Error('no sync reply');
  return f.update;
}

const textOf = (update: Uint8Array) => {
  const d = new Y.Doc();
  Y.applyUpdate(d, update);
  return d.getText('t').toString();
};

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

/** A store holding `s/communique` typed as many small edits, and a registry over it. */
async function setUp(edits: number) {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-cold-'));
  const store = new SqliteStore(dir);
  const author = new Y.Doc();
  const updates: Uint8Array[] = [];
  author.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < edits; i++) author.getText('t').insert(author.getText('t').length, `w${i} `);
  await store.append('s/communique', { updates: updates.map((update) => ({ update, actor: 'delegate:pk', at: 1 })), commands: [] });
  const registry = () => new RoomRegistry(store, { compactEvery: 500, unloadAfterMs: 20 });
  let rooms = registry();
  open.push({ close: () => store.close() }, { close: () => rooms.closeAll(1001, 'done') });
  return {
    store,
    text: author.getText('t').toString(),
    rooms: () => rooms,
    /** what a restart does: the open rooms are closed (and compacted), a fresh registry serves the store */
    async restart() {
      await rooms.closeAll(1001, 'restart');
      rooms = registry();
    },
  };
}

describe('cold load', () => {
  it('[W7] a doc stored as a snapshot is served as stored to a client without a copy, and built only when needed', async () => {
    const s = await setUp(300);
    // a sitting's day: the doc is loaded and in use, then the server shuts down
    await s.rooms().open('s/communique');
    await s.restart();
    // shutting down compacted the log: the doc is stored as a snapshot with its state vector
    const stored = await s.store.loadDoc('s/communique');
    expect(stored.updates).toEqual([]);
    expect(stored.snapshotVector).toBeDefined();

    const room = await s.rooms().open('s/communique');
    expect(room.isBuilt).toBe(false);
    const observer = connection('obs', false);
    room.join(observer);
    // the server's sync step 1 carries the stored state vector; the reply to an empty client is the snapshot itself
    expect(observer.frames[0]).toEqual({ kind: 'sync-step1', stateVector: stored.snapshotVector });
    room.receive(observer, { kind: 'sync-step1', stateVector: EMPTY_VECTOR });
    room.receive(observer, { kind: 'sync-step2', update: Y.encodeStateAsUpdate(new Y.Doc()) });
    expect(step2Of(observer)).toEqual(stored.snapshot);
    expect(textOf(step2Of(observer))).toBe(s.text);
    expect(room.isBuilt).toBe(false);

    // an edit needs the doc: it is built, the edit applies on top, and everyone converges
    const writer = connection('pk', true);
    room.join(writer);
    const local = new Y.Doc();
    Y.applyUpdate(local, stored.snapshot!);
    const before = Y.encodeStateVector(local);
    local.getText('t').insert(0, 'Agreed: ');
    room.receive(writer, { kind: 'update', update: Y.encodeStateAsUpdate(local, before) });
    await expect.poll(async () => (await s.store.loadDoc('s/communique')).updates.length).toBe(1);
    expect(room.isBuilt).toBe(true);
    expect(room.doc.getText('t').toString()).toBe(`Agreed: ${s.text}`);
    const late = connection('late', false);
    room.join(late);
    room.receive(late, { kind: 'sync-step1', stateVector: EMPTY_VECTOR });
    expect(textOf(step2Of(late))).toBe(`Agreed: ${s.text}`);
  });

  it('[W7] a client with a local copy gets only what it lacks, from the built doc', async () => {
    const s = await setUp(50);
    await s.rooms().open('s/communique');
    await s.restart();
    const stored = await s.store.loadDoc('s/communique');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored.snapshot!);
    const room = await s.rooms().open('s/communique');
    const back = connection('back', true);
    room.join(back);
    room.receive(back, { kind: 'sync-step1', stateVector: Y.encodeStateVector(copy) });
    const reply = step2Of(back);
    expect(Y.decodeUpdate(reply).structs).toEqual([]);
    expect(room.isBuilt).toBe(true);
  });

  it('[W7] an idle doc is compacted before it unloads, and loads next time as a snapshot', async () => {
    const s = await setUp(20);
    const room = await s.rooms().open('s/communique');
    // the log was shorter than PLENARY_COMPACT_EVERY: no compaction at load
    expect((await s.store.loadDoc('s/communique')).updates).toHaveLength(20);
    const writer = connection('pk', true);
    room.join(writer);
    const local = new Y.Doc();
    local.getText('t').insert(0, 'x');
    room.receive(writer, { kind: 'update', update: Y.encodeStateAsUpdate(local) });
    await expect.poll(async () => (await s.store.loadDoc('s/communique')).updates.length).toBe(21);
    room.leave(writer);
    await expect.poll(async () => (await s.store.loadDoc('s/communique')).updates.length).toBe(0);
    const again = await s.rooms().open('s/communique');
    expect(again).not.toBe(room);
    expect(again.isBuilt).toBe(false);
    expect(again.doc.getText('t').toString()).toBe(room.doc.getText('t').toString());
  });

  it('[W7] a snapshot stored without its state vector (an older file) is built at load as before', async () => {
    const s = await setUp(10);
    const loaded = await s.store.loadDoc('s/communique');
    const doc = new Y.Doc();
    for (const u of loaded.updates) Y.applyUpdate(doc, u);
    // the older form: a snapshot row without a vector
    (s.store as unknown as { db: { prepare(q: string): { run(...a: unknown[]): void } } }).db
      .prepare('INSERT INTO snapshots (doc, data, upto) VALUES (?, ?, ?)')
      .run('s/communique', Y.encodeStateAsUpdate(doc), Number(loaded.lastPos));
    (s.store as unknown as { db: { prepare(q: string): { run(...a: unknown[]): void } } }).db.prepare('DELETE FROM updates').run();
    const room = await s.rooms().open('s/communique');
    expect(room.isBuilt).toBe(true);
    expect(room.doc.getText('t').toString()).toBe(s.text);
  });
});
