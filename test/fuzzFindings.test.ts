import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { CreateSessionResponse } from '@plenary/shared';
import { encodeSyncStep2, encodeUpdate } from '../server/src/yjs/frames';
import { createSitting, delegateToken, startTestServer, typeInto, yClient, type TestServer, type YClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';

/** Frames the fuzzer found that once broke the server; each must now only end its own connection. */
const FINDINGS: [string, ...Uint8Array[]][] = [
  // an item whose origin is itself: placing it recursed until the stack overflowed, out of the
  // write loop, as an unhandled rejection that ended the process
  ['an update whose item hangs on itself', encodeUpdate(Uint8Array.from([1, 1, 5, 0, 0x84, 5, 0, 1, 97, 0]))],
  ['the same as a sync reply', encodeSyncStep2(Uint8Array.from([1, 1, 5, 0, 0x84, 5, 0, 1, 97, 0]))],
  // structs after a gap in their client's clocks: Yjs kept them aside as "pending", unstored but
  // sent in every sync reply and outside the size cap
  ['an update with a gap in its clocks', encodeUpdate(Uint8Array.from([1, 1, 77, 44, 4, 1, 4, 98, 111, 100, 121, 1, 97, 0]))],
  ['an update deleting clocks the doc lacks', encodeUpdate(Uint8Array.from([0, 1, 77, 1, 5, 3]))],
  // two items of two clients, each placed next to the other (a cycle through a right neighbour),
  // after a first item of client 0:
  // Yjs integrated neither and kept them aside
  [
    'an update whose items of two clients depend on each other',
    encodeUpdate(Uint8Array.from([1, 1, 0, 0, 4, 1, 4, 98, 111, 100, 121, 1, 97, 0])),
    // 0:1 "b" after 0:0, before 2:0; 2:0 "c" after 0:1
    encodeUpdate(Uint8Array.from([2, 1, 0, 1, 196, 0, 0, 2, 0, 1, 98, 1, 2, 0, 132, 0, 1, 1, 99, 0])),
  ],
];

let t: TestServer;
let links: CreateSessionResponse;
const clients: YClient[] = [];
const errors: unknown[] = [];
const onError = (e: unknown) => errors.push(e);
beforeEach(async () => {
  process.on('unhandledRejection', onError);
  process.on('uncaughtException', onError);
  t = await startTestServer();
  links = await createSitting(t);
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await t.close();
  process.off('unhandledRejection', onError);
  process.off('uncaughtException', onError);
});

describe('frames the fuzzer found', () => {
  it.each(FINDINGS)('[K7] %s ends only its own connection; the doc and the others carry on', async (_name, ...frames) => {
    const a = await yClient(t, 'test-sitting/communique', delegateToken(links, 'pk'));
    const b = await yClient(t, 'test-sitting/communique', delegateToken(links, 'cn'));
    clients.push(a, b);
    for (const doc of ['communique', 'session']) {
      const ws = new WebSocket(`${t.wsUrl}/yjs/test-sitting/${doc}?token=${delegateToken(links, 'af')}`);
      await new Promise((r) => ws.once('message', r));
      const end = new Promise<number>((r) => ws.once('close', (code) => r(code)));
      ws.send(encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc()))); // synced: nothing waits for a sync reply
      for (const frame of frames) ws.send(frame);
      // communiqué: refused as hanging on nothing (4400, L3); the session doc drops it (R3)
      if (doc === 'communique') expect(await end).toBe(4400);
      else ws.close();
    }
    typeInto(a.doc, ' still-fine');
    await waitFor(() => b.text().includes('still-fine'));
    expect(errors).toEqual([]);
    const fresh = await yClient(t, 'test-sitting/communique', links.links.observer.token);
    clients.push(fresh);
    expect(fresh.text()).toBe(a.text());
    // nothing was kept aside for later: a sync reply holds only applied content
    expect(fresh.doc.store.pendingStructs).toBeNull();
    expect(fresh.doc.store.pendingDs).toBeNull();
  });
});
