import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaretState, type CreateSessionResponse } from '@plenary/shared';
import { createSitting, delegateToken, startTestServer, yClient, type TestServer } from './helpers/plenary';
import { rawYjs, type RawYjs } from './helpers/rawYjs';
import { waitFor } from './helpers/wait';
import { caretFrame, honestCaret, MALFORMED_CARETS } from './attacks/carets';

const COMMUNIQUE = 'test-sitting/communique';

let t: TestServer;
let links: CreateSessionResponse;
const log: string[] = [];

beforeAll(async () => {
  t = await startTestServer({}, (m) => log.push(m));
  links = await createSitting(t);
});
afterAll(() => t?.close());

/** Sends `json` as the sender's caret, then an honest one; resolves once the watcher has the honest one. */
async function attack(sender: RawYjs, watcher: RawYjs, json: string, clock: number): Promise<void> {
  const id = sender.doc.clientID;
  sender.send(caretFrame(id, clock, json));
  sender.send(caretFrame(id, clock + 1, JSON.stringify(honestCaret(sender.doc, 1))));
  await waitFor(() => watcher.awareness.some((e) => e.clientId === id && e.clock === clock + 1), 5000, 'the honest caret sent after the attack did not arrive');
}

describe('[K9] carets are read before they are relayed', () => {
  for (const role of ['delegate', 'observer'] as const) {
    for (const { name, json } of MALFORMED_CARETS) {
      it(`[K9] a ${role}'s caret with ${name} is neither applied nor relayed, and its connection stays open`, async () => {
        const token = role === 'delegate' ? delegateToken(links, 'pk') : links.links.observer.token;
        const watcher = await rawYjs(t, COMMUNIQUE, delegateToken(links, 'cn'));
        const sender = await rawYjs(t, COMMUNIQUE, token);
        const before = log.length;
        try {
          await attack(sender, watcher, json, 1);
          const id = sender.doc.clientID;
          // the watcher heard of the sender's honest caret only
          expect(watcher.awareness.filter((e) => e.clientId === id || e.clientId === -1).map((e) => e.clock)).toEqual([2]);
          expect(sender.denied.some((r) => /caret/.test(r))).toBe(true);
          await sender.barrier();
          expect(sender.closed).toBeNull();
          expect(log.slice(before).filter((m) => /frame handling failed|internal error|RangeError/.test(m))).toEqual([]);
          // and what the server holds for that id is the honest caret
          const held = (await watcher.queryAwareness([id])).get(id);
          expect(parseCaretState(held).ok).toBe(true);
        } finally {
          sender.close();
          watcher.close();
        }
      });
    }
  }

  it('[K9] a page opened after every malformed caret was sent reads only carets it can draw', async () => {
    const watcher = await rawYjs(t, COMMUNIQUE, links.links.observer.token);
    const senders = await Promise.all([rawYjs(t, COMMUNIQUE, delegateToken(links, 'af')), rawYjs(t, COMMUNIQUE, links.links.observer.token)]);
    const fresh = [];
    try {
      for (const sender of senders) {
        let clock = 1;
        for (const { json } of MALFORMED_CARETS) sender.send(caretFrame(sender.doc.clientID, clock++, json));
        // the last state a sender sends is malformed: the server keeps the honest one before it
        sender.send(caretFrame(sender.doc.clientID, clock++, JSON.stringify(honestCaret(sender.doc, 0))));
        for (const { json } of [...MALFORMED_CARETS].reverse()) sender.send(caretFrame(sender.doc.clientID, clock++, json));
        await sender.barrier();
      }
      await waitFor(() => senders.every((s) => watcher.awareness.some((e) => e.clientId === s.doc.clientID)));
      fresh.push(await yClient(t, COMMUNIQUE, delegateToken(links, 'cn')));
      const states = fresh[0]!.provider.awareness.getStates();
      await waitFor(() => senders.every((s) => states.has(s.doc.clientID)), 5000, 'the joiner did not get the carets');
      for (const [id, state] of states) if (id !== fresh[0]!.doc.clientID) expect(parseCaretState(state)).toMatchObject({ ok: true });
      for (const s of senders) expect(s.closed).toBeNull();
    } finally {
      for (const s of senders) s.close();
      watcher.close();
      for (const f of fresh) f.destroy();
    }
  });
});
