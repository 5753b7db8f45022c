import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { SqliteStore } from '../server/src/store/SqliteStore';
import { createSitting, delegateToken, startTestServer, typeInto, yClient, type TestServer, type YClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';
import { rawYjs } from './helpers/rawYjs';
import type { CreateSessionResponse } from '@plenary/shared';
import { caretAt } from './attacks/carets';

let t: TestServer;
let links: CreateSessionResponse;
const clients: YClient[] = [];
const open = async (doc: string, token: string) => {
  const c = await yClient(t, doc, token);
  clients.push(c);
  return c;
};

beforeEach(async () => {
  t = await startTestServer({ maxFrameBytes: 64 * 1024 });
  links = await createSitting(t);
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await t.close();
});

/** Opens a raw WebSocket and resolves with how it ended: refused status or close code/reason. */
function rawSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'nodebuffer';
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

describe('the Yjs endpoint', () => {
  it('[R5] stock y-websocket clients of two delegates converge on the communiqué', async () => {
    const pk = await open('test-sitting/communique', delegateToken(links, 'pk'));
    const cn = await open('test-sitting/communique', delegateToken(links, 'cn'));
    expect(pk.text()).toContain('Recognizing that a stable Afghanistan is needed,');
    typeInto(pk.doc, ' [Pakistan]');
    typeInto(cn.doc, ' [China]', 2);
    await waitFor(() => pk.text() === cn.text() && pk.text().includes('[China]') && cn.text().includes('[Pakistan]'));
  });

  it("[R2] an observer's edit is refused: not relayed, not stored, and the observer is told", async () => {
    const pk = await open('test-sitting/communique', delegateToken(links, 'pk'));
    const obs = await open('test-sitting/communique', links.links.observer.token);
    const denied: string[] = [];
    obs.provider.ws!.addEventListener('message', (e: MessageEvent) => {
      const bytes = new Uint8Array(e.data as ArrayBuffer);
      if (bytes[0] === 2) denied.push(new TextDecoder().decode(bytes.subarray(3)));
    });
    typeInto(obs.doc, ' OBSERVER WAS HERE');
    typeInto(pk.doc, ' delegate text');
    await waitFor(() => obs.text().includes('delegate text'), 5000, 'the observer did not see the delegate');
    await waitFor(() => denied.length > 0, 5000, 'the observer was not told');
    expect(denied[0]).toMatch(/observers cannot edit/);
    expect(pk.text()).not.toContain('OBSERVER');
    const t2 = await t.restart();
    t = t2;
    const fresh = await open('test-sitting/communique', delegateToken(links, 'cn'));
    expect(fresh.text()).toContain('delegate text');
    expect(fresh.text()).not.toContain('OBSERVER');
  });

  it("[R3] the session doc refuses every client update, the chair's included", async () => {
    const chair = await open('test-sitting/session', links.links.chair.token);
    const obs = await open('test-sitting/session', links.links.observer.token);
    expect(chair.doc.getMap('meta').get('state')).toBe('scheduled');
    chair.doc.getMap('meta').set('state', 'closed');
    chair.doc.getMap('meta').set('title', 'hijacked');
    await new Promise((r) => setTimeout(r, 300));
    expect(obs.doc.getMap('meta').get('title')).toBe('Test sitting');
    const res = await fetch(`${t.url}/api/sessions/test-sitting`, { headers: { authorization: `Bearer ${links.links.chair.token}` } });
    const view = (await res.json()) as { meta: { title: string; state: string } };
    expect(view.meta).toMatchObject({ title: 'Test sitting', state: 'scheduled' });
  });

  it('[W1] an update is in the store before any other client receives it', async () => {
    const pk = await open('test-sitting/communique', delegateToken(links, 'pk'));
    const cn = await open('test-sitting/communique', delegateToken(links, 'cn'));
    const reader = new SqliteStore(t.config.dataDir);
    const seenInStore: boolean[] = [];
    cn.doc.on('update', () => {
      if (!cn.text().includes('write-ahead')) return;
      // synchronous read of the SQLite file from another connection, at the moment of receipt
      void reader.loadDoc('test-sitting/communique').then((loaded) => {
        const doc = new Y.Doc();
        if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
        for (const u of loaded.updates) Y.applyUpdate(doc, u);
        seenInStore.push(doc.getXmlFragment('body').toString().includes('write-ahead'));
      });
    });
    typeInto(pk.doc, ' write-ahead');
    await waitFor(() => seenInStore.length > 0);
    expect(seenInStore.every(Boolean)).toBe(true);
    await reader.close();
  });

  it('[W2] a growing log is compacted into a snapshot and loads back whole', async () => {
    await t.close();
    t = await startTestServer({ compactEvery: 10 });
    links = await createSitting(t);
    const pk = await open('test-sitting/communique', delegateToken(links, 'pk'));
    for (let i = 0; i < 45; i++) {
      typeInto(pk.doc, ` w${i}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    const cn = await open('test-sitting/communique', delegateToken(links, 'cn'));
    await waitFor(() => cn.text().includes('w44'));
    const loaded = await t.server.store.loadDoc('test-sitting/communique');
    expect(loaded.snapshot).not.toBeNull();
    expect(loaded.updates.length).toBeLessThan(10);
    const expected = pk.text();
    for (const c of clients.splice(0)) c.destroy();
    t = await t.restart();
    const again = await open('test-sitting/communique', delegateToken(links, 'cn'));
    expect(again.text()).toBe(expected);
  });

  it('[W3] a doc that fails to load is not served and nothing is written over it', async () => {
    await t.close();
    const store = new SqliteStore(t.config.dataDir);
    await store.append('test-sitting/communique', { updates: [{ update: new Uint8Array([0, 9, 9, 9, 9]), actor: 'x', at: 0 }], commands: [] });
    const before = await store.loadDoc('test-sitting/communique');
    await store.close();
    t = await startTestServer({ ...t.config, port: 0 });
    const ws = await rawSocket(`${t.wsUrl}/yjs/test-sitting/communique?token=${delegateToken(links, 'pk')}`);
    const end = await closed(ws);
    expect(end.code).toBe(1011);
    expect(end.reason).toMatch(/could not be loaded/);
    await t.close();
    const after = new SqliteStore(t.config.dataDir);
    expect(await after.loadDoc('test-sitting/communique')).toEqual(before);
    await after.close();
    t = await startTestServer({ ...t.config, port: 0 });
  });
});

describe('frames', () => {
  it('[R4] an unparsable frame closes that connection with a reason; others carry on', async () => {
    const pk = await open('test-sitting/communique', delegateToken(links, 'pk'));
    const cn = await open('test-sitting/communique', delegateToken(links, 'cn'));
    const bad = await rawSocket(`${t.wsUrl}/yjs/test-sitting/communique?token=${delegateToken(links, 'af')}`);
    const end = closed(bad);
    bad.send(Buffer.from([0, 2, 200, 1, 2]));
    expect(await end).toEqual({ code: 1007, reason: expect.stringMatching(/^unparsable frame: /) });
    typeInto(pk.doc, ' still working');
    await waitFor(() => cn.text().includes('still working'));
  });

  it.each([
    ['an unknown message type', [7, 1, 2]],
    ['a truncated varint', [0, 0xff]],
    ['a huge length', [0, 2, 0xff, 0xff, 0xff, 0x7f, 1]],
    ['an update with corrupted structs', [0, 2, 4, 1, 1, 0xff, 0xff]],
  ])('[R4] %s is refused as unparsable', async (_name, bytes) => {
    const ws = await rawSocket(`${t.wsUrl}/yjs/test-sitting/communique?token=${delegateToken(links, 'af')}`);
    const end = closed(ws);
    ws.send(Buffer.from(bytes));
    expect((await end).code).toBe(1007);
  });

  it('[R4] frames over the size cap close the connection (1009)', async () => {
    const ws = await rawSocket(`${t.wsUrl}/yjs/test-sitting/communique?token=${delegateToken(links, 'af')}`);
    const end = closed(ws);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, new Uint8Array(100 * 1024));
    ws.send(encoding.toUint8Array(e));
    expect((await end).code).toBe(1009);
  });

  it('[R4] text frames are refused (1003)', async () => {
    const ws = await rawSocket(`${t.wsUrl}/yjs/test-sitting/communique?token=${delegateToken(links, 'af')}`);
    const end = closed(ws);
    ws.send('hello');
    expect((await end).code).toBe(1003);
  });
});

describe('awareness', () => {
  it('[R6] carets carry the name the server knows, whatever the client claims', async () => {
    const pk = await open('test-sitting/communique', delegateToken(links, 'pk'));
    const cn = await open('test-sitting/communique', delegateToken(links, 'cn'));
    pk.provider.awareness.setLocalStateField('user', { name: 'China', color: '#000000' });
    await waitFor(() => cn.provider.awareness.getStates().has(pk.doc.clientID));
    const seen = cn.provider.awareness.getStates().get(pk.doc.clientID) as { user: { name: string; delegation: string } };
    expect(seen.user).toMatchObject({ name: 'Pakistan', delegation: 'pk' });
  });

  it('[R6] a connection cannot change or remove the caret of a client id another connection owns', async () => {
    const pk = await open('test-sitting/communique', delegateToken(links, 'pk'));
    pk.provider.awareness.setLocalStateField('cursor', caretAt(1).cursor);
    const id = pk.doc.clientID;
    const cn = await rawYjs(t, 'test-sitting/communique', delegateToken(links, 'cn'));
    const watcher = await rawYjs(t, 'test-sitting/communique', links.links.observer.token);
    try {
      await waitFor(async () => (await watcher.queryAwareness([id])).get(id) !== undefined);
      cn.sendAwareness([{ clientId: id, clock: 1000, state: caretAt(99) }]);
      cn.sendAwareness([{ clientId: id, clock: 1001, state: null }]);
      await cn.barrier();
      const seen = (await watcher.queryAwareness([id])).get(id) as { cursor: unknown; user: { delegation: string } };
      expect(seen.cursor).toEqual(caretAt(1).cursor);
      expect(seen.user.delegation).toBe('pk');
      // once its owner has left, the id is free
      pk.destroy();
      await waitFor(async () => !(await watcher.queryAwareness([])).has(id));
      cn.sendAwareness([{ clientId: id, clock: 1002, state: caretAt(7) }]);
      await cn.barrier();
      expect(((await watcher.queryAwareness([id])).get(id) as { user: { delegation: string } }).user.delegation).toBe('cn');
    } finally {
      cn.close();
      watcher.close();
    }
  });

  it('[R2] observers still see carets and the text', async () => {
    const pk = await open('test-sitting/communique', delegateToken(links, 'pk'));
    const obs = await open('test-sitting/communique', links.links.observer.token);
    pk.provider.awareness.setLocalStateField('cursor', caretAt(1).cursor);
    await waitFor(() => obs.provider.awareness.getStates().has(pk.doc.clientID));
  });
});
