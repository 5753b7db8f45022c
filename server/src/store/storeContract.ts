import { describe, expect, it, afterEach } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from './DocStore';

export interface StoreFactory {
  /** a fresh, empty store */
  open(): Promise<DocStore>;
  /** a second instance over the same data (a restart) */
  reopen(store: DocStore): Promise<DocStore>;
}

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const onUpdate = (u: Uint8Array) => (captured = u);
  doc.on('update', onUpdate);
  doc.getText('t').insert(doc.getText('t').length, text);
  doc.off('update', onUpdate);
  return captured!;
}

function replay(loaded: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
  for (const u of loaded.updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

/** The assertions every DocStore must pass; run against SQLite and Redis. */
export function storeContract(name: string, factory: StoreFactory): void {
  describe(`DocStore contract: ${name}`, () => {
    const open: DocStore[] = [];
    const fresh = async () => {
      const s = await factory.open();
      open.push(s);
      return s;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    it('[S1] an unknown doc loads empty', async () => {
      const store = await fresh();
      expect(await store.loadDoc('nobody/communique')).toEqual({ snapshot: null, updates: [], lastPos: null });
    });

    it('[S1] appended updates load back in order, per doc', async () => {
      const store = await fresh();
      const a = new Y.Doc();
      const b = new Y.Doc();
      for (const word of ['one ', 'two ', 'three']) {
        await store.append('s1/communique', { updates: [{ update: textUpdate(a, word), actor: 'chair', at: 1 }], commands: [] });
      }
      await store.append('s2/communique', { updates: [{ update: textUpdate(b, 'other'), actor: 'chair', at: 1 }], commands: [] });
      const loaded = await store.loadDoc('s1/communique');
      expect(loaded.updates).toHaveLength(3);
      expect(loaded.lastPos).not.toBeNull();
      expect(replay(loaded)).toBe('one two three');
      expect(replay(await store.loadDoc('s2/communique'))).toBe('other');
    });

    it('[S2] a batch writes updates, command acks and audit lines together', async () => {
      const store = await fresh();
      const doc = new Y.Doc();
      const update = textUpdate(doc, 'opened');
      const ack = { ok: true as const, result: { id: 'x' } };
      await store.append('s1/session', {
        updates: [{ update, actor: 'chair', at: 10 }],
        commands: [{ sid: 's1', id: 'cmd-00000001', actor: 'chair', type: 'session.setState', payload: { state: 'open' }, at: 10, ack }],
      });
      expect(await store.findCommand('s1', 'chair', 'cmd-00000001')).toEqual(ack);
      expect(await store.findCommand('s1', 'delegate:pk', 'cmd-00000001')).toBeNull();
      expect(await store.readAudit('s1')).toEqual([
        { kind: 'update', doc: 's1/session', actor: 'chair', at: 10, size: update.byteLength },
        { kind: 'command', id: 'cmd-00000001', actor: 'chair', type: 'session.setState', payload: { state: 'open' }, at: 10 },
      ]);
      expect(await store.readAudit('s2')).toEqual([]);
    });

    it('[S3] compaction replaces the log by a snapshot and keeps later updates', async () => {
      const store = await fresh();
      const doc = new Y.Doc();
      for (let i = 0; i < 20; i++) await store.append('s1/communique', { updates: [{ update: textUpdate(doc, `${i},`), actor: 'chair', at: i }], commands: [] });
      const before = await store.loadDoc('s1/communique');
      const vector = Y.encodeStateVector(doc);
      await store.compact('s1/communique', { state: Y.encodeStateAsUpdate(doc), vector }, before.lastPos!);
      const compacted = await store.loadDoc('s1/communique');
      expect(compacted.updates).toEqual([]);
      expect(compacted.snapshotVector).toEqual(vector);
      await store.append('s1/communique', { updates: [{ update: textUpdate(doc, 'after') , actor: 'chair', at: 99 }], commands: [] });
      const after = await store.loadDoc('s1/communique');
      expect(after.snapshot).not.toBeNull();
      expect(after.updates).toHaveLength(1);
      expect(replay(after)).toBe(doc.getText('t').toString());
    });

    it('[S4] the registry holds sittings; an id is taken once', async () => {
      const store = await fresh();
      const rec = { sid: 'kabul-1', title: 'Kabul', delegations: [{ id: 'af', name: 'Afghanistan', color: '#1f77b4' }], createdAt: 1 };
      expect(await store.createSitting(rec)).toBe(true);
      expect(await store.createSitting({ ...rec, title: 'other' })).toBe(false);
      await store.createSitting({ ...rec, sid: 'kabul-2', createdAt: 2 });
      expect(await store.getSitting('kabul-1')).toEqual(rec);
      expect(await store.getSitting('nope')).toBeNull();
      expect((await store.listSittings()).map((s) => s.sid)).toEqual(['kabul-1', 'kabul-2']);
    });

    it('[R9] revoking an invite moves it to its next generation, kept in the registry across a restart; other invites and sittings keep theirs', async () => {
      const store = await fresh();
      const rec = { sid: 'kabul-1', title: 'Kabul', delegations: [{ id: 'af', name: 'Afghanistan', color: '#1f77b4' }], createdAt: 1 };
      await store.createSitting(rec);
      await store.createSitting({ ...rec, sid: 'kabul-2' });
      expect(await store.revokeInvite('kabul-1', 'delegate:af')).toBe(1);
      expect(await store.revokeInvite('kabul-1', 'delegate:af')).toBe(2);
      expect(await store.revokeInvite('kabul-1', 'observer')).toBe(1);
      expect(await store.revokeInvite('nope', 'observer')).toBeNull();
      expect(await store.getSitting('nope')).toBeNull();
      const again = await factory.reopen(store);
      open.push(again);
      expect(await again.getSitting('kabul-1')).toEqual({ ...rec, invites: { 'delegate:af': 2, observer: 1 } });
      expect(await again.getSitting('kabul-2')).toEqual({ ...rec, sid: 'kabul-2' });
    });

    it('[S5] everything appended survives a restart of the store', async () => {
      const store = await fresh();
      const doc = new Y.Doc();
      await store.append('s1/communique', { updates: [{ update: textUpdate(doc, 'kept'), actor: 'delegate:pk', at: 1 }], commands: [] });
      await store.createSitting({ sid: 's1', title: 'T', delegations: [], createdAt: 1 });
      const again = await factory.reopen(store);
      open.push(again);
      expect(replay(await again.loadDoc('s1/communique'))).toBe('kept');
      expect(await again.getSitting('s1')).not.toBeNull();
    });
  });
}
