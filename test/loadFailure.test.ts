import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { InviteTokens } from '../server/src/auth/InviteTokens';
import type { DocStore } from '../server/src/store/DocStore';
import { SqliteStore } from '../server/src/store/SqliteStore';
import { encodeUpdate } from '../server/src/yjs/frames';
import { RoomRegistry } from '../server/src/yjs/RoomRegistry';
import { attachYjsEndpoint } from '../server/src/yjs/YjsEndpoint';
import { yClient, type YClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';

const DOC = 'w3/communique';

/** A real SQLite store whose loads fail while `failing` is set, as a store that is down would. */
class FlakyStore {
  failing = false;
  loads = 0;
  /** each write takes this long, as over a slow network */
  appendDelayMs = 0;
  readonly store: DocStore;
  constructor(readonly inner: SqliteStore) {
    this.store = new Proxy(inner, {
      get: (target, prop, receiver) => {
        if (prop === 'loadDoc')
          return (name: string) => {
            this.loads++;
            return this.failing ? Promise.reject(new Error('store unreachable')) : target.loadDoc(name);
          };
        if (prop === 'append')
          return async (...args: Parameters<DocStore['append']>) => {
            await new Promise((r) => setTimeout(r, this.appendDelayMs));
            return target.append(...args);
          };
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }) as DocStore;
  }
}

interface Node {
  wsUrl: string;
  flaky: FlakyStore;
  token: string;
  close(): Promise<void>;
}
const nodes: Node[] = [];
const clients: YClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const n of nodes.splice(0)) await n.close();
});

/** The Yjs endpoint on a real port over a real SQLite file, with `text` already stored in the communiqué. */
async function node(text: string, unloadAfterMs = 50): Promise<Node> {
  const inner = new SqliteStore(mkdtempSync(join(tmpdir(), 'plenary-w3-')));
  await inner.createSitting({ sid: 'w3', title: 'W3', delegations: [{ id: 'pk', name: 'Pakistan', color: '#0a0' }], createdAt: 0 });
  const seed = new Y.Doc();
  seed.getText('t').insert(0, text);
  await inner.append(DOC, { updates: [{ update: Y.encodeStateAsUpdate(seed), actor: 'server', at: 0 }], commands: [] });
  const flaky = new FlakyStore(inner);
  const rooms = new RoomRegistry(flaky.store, { compactEvery: 500, unloadAfterMs });
  const tokens = new InviteTokens('w3-secret');
  const http: Server = createServer();
  attachYjsEndpoint(http, { tokens, store: flaky.store, rooms, maxFrameBytes: 1 << 20 });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const n: Node = {
    wsUrl: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`,
    flaky,
    token: await tokens.sign({ sid: 'w3', role: 'delegate', del: 'pk' }, 1),
    close: async () => {
      await rooms.closeAll(1001, 'bye');
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
      await inner.close();
    },
  };
  nodes.push(n);
  return n;
}

async function storedText(n: Node): Promise<string> {
  const loaded = await n.flaky.inner.loadDoc(DOC);
  const doc = new Y.Doc();
  if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
  for (const u of loaded.updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

function rawClose(n: Node): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${n.wsUrl}/yjs/${DOC}?token=${n.token}`);
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.once('error', reject);
  });
}

describe('a doc whose load fails', () => {
  it('[W3] refuses clients with 1011 and a reason, stores nothing over the real data, and serves it once the store is back', async () => {
    const n = await node('REAL TEXT');
    n.flaky.failing = true;
    expect(await rawClose(n)).toEqual({ code: 1011, reason: 'the document could not be loaded; it is not served until it can be' });
    // a stock client with its own (empty, then edited) doc keeps retrying meanwhile
    const c = await yClient(n, DOC, n.token, { waitSynced: false });
    clients.push(c);
    c.doc.getText('t').insert(0, 'typed while down; ');
    await waitFor(() => n.flaky.loads >= 3, 10_000, 'the client did not retry');
    expect(c.provider.synced).toBe(false);
    expect(await storedText(n)).toBe('REAL TEXT');
    n.flaky.failing = false;
    await waitFor(() => c.provider.synced && c.doc.getText('t').toString().includes('REAL TEXT'), 10_000, 'the client did not get the real text');
    await waitFor(async () => (await storedText(n)) === c.doc.getText('t').toString(), 5000, 'the store did not get the typed text');
    expect(await storedText(n)).toMatch(/^(typed while down; REAL TEXT|REAL TEXTtyped while down; )$/);
  });
});

describe('a connection that goes while its edits wait for a write', () => {
  it('[W5] edits a connection sent before it closed are stored, also when they waited behind another write', async () => {
    const n = await node('');
    n.flaky.appendDelayMs = 100;
    const ws = new WebSocket(`${n.wsUrl}/yjs/${DOC}?token=${n.token}`);
    await new Promise((r) => ws.once('message', r)); // the room is loaded and greets us
    const doc = new Y.Doc();
    const frames: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => frames.push(encodeUpdate(u)));
    for (let i = 0; i < 20; i++) doc.getText('t').insert(doc.getText('t').length, `${i};`);
    for (const f of frames) ws.send(f);
    ws.close();
    const expected = doc.getText('t').toString();
    await waitFor(async () => (await storedText(n)) === expected, 5000, 'edits sent before the close were lost');
  });

  it('[W5] a fast reconnect while the doc unloads and reloads loses nothing', async () => {
    const n = await node('', 0);
    n.flaky.appendDelayMs = 15;
    const c = await yClient(n, DOC, n.token);
    clients.push(c);
    for (let round = 0; round < 15; round++) {
      c.doc.getText('t').insert(c.doc.getText('t').length, `r${round};`);
      c.provider.disconnect();
      await new Promise((r) => setTimeout(r, round % 5 === 0 ? 40 : round % 3)); // the idle room unloads at once
      c.provider.connect();
      c.doc.getText('t').insert(c.doc.getText('t').length, `s${round};`);
      await new Promise((r) => setTimeout(r, round % 4));
    }
    await waitFor(() => c.provider.synced);
    const expected = c.doc.getText('t').toString();
    await waitFor(async () => (await storedText(n)) === expected, 10_000, 'an edit was lost');
    expect(n.flaky.loads).toBeGreaterThan(1);
  });
});
