import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { CreateSessionResponse } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, startTestServer, yClient, type TestServer } from './helpers/plenary';
import { rawYjs, type RawYjs } from './helpers/rawYjs';
import { watchHealth } from './helpers/responsiveness';
import { waitFor } from './helpers/wait';
import { encodeUpdate } from '../server/src/yjs/frames';
import { deletedRangeFlood, largePaste, syncStep1Flood, type ClockRange } from './attacks/work';

/** Sends frames on a raw socket, then a sync step 1 whose answer comes only after all of them were handled. */
async function sendAndBarrier(ws: WebSocket, frames: Uint8Array[]): Promise<void> {
  const answered = new Promise<void>((resolve, reject) => {
    ws.on('message', (raw: Buffer) => {
      // sync (0), step 2 (1): the answer to the step 1 below
      if (raw[0] === 0 && raw[1] === 1) resolve();
    });
    ws.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
  });
  for (const f of frames) ws.send(f);
  ws.send(Uint8Array.of(0, 0, 1, 0)); // sync step 1 with an empty state vector
  await answered;
}

/** the other sitting's state, moved by each flood's command */
let sittingOpen = false;

/** characters typed one struct each */
const FRAGMENTS = 40_000;
/** times FRAGMENTS characters are typed one struct each and kept */
const LIVE_ROUNDS = 5;

/**
 * Floods the doc from a connection with `frames` and checks that the server stays responsive: /healthz
 * polled throughout and a command in another sitting answer within a second.
 */
async function floodWhileWatching(t: TestServer, other: CreateSessionResponse, attacker: WebSocket, frames: Uint8Array[], label: string): Promise<void> {
  const chair = await ioClient(t, other.links.chair.token);
  try {
    const bytes = frames.reduce((n, f) => n + f.byteLength, 0);
    // a few KB in all
    expect(bytes).toBeLessThan(16 * 1024);
    const health = watchHealth(t.url);
    const t0 = performance.now();
    const flood = sendAndBarrier(attacker, frames);
    // a command in another sitting, sent while the flood is being handled
    const ack = await cmd(chair, 'session.setState', { state: (sittingOpen = !sittingOpen) ? 'open' : 'suspended' });
    const commandMs = performance.now() - t0;
    await flood;
    const floodMs = performance.now() - t0;
    const { maxMs, polls } = await health.stop();
    console.log(`[K11] ${label}: ${frames.length} frames (${bytes} bytes): handled in ${floodMs.toFixed(0)} ms; /healthz max ${maxMs.toFixed(0)} ms over ${polls} polls; command in another sitting ${commandMs.toFixed(0)} ms`);
    expect(ack).toMatchObject({ ok: true });
    expect(commandMs).toBeLessThan(1000);
    expect(maxMs).toBeLessThan(1000);
    expect(attacker.readyState).toBe(WebSocket.OPEN);
  } finally {
    chair.close();
  }
}

async function openRaw(t: TestServer, doc: string, token: string): Promise<{ ws: WebSocket; denied: string[] }> {
  const ws = new WebSocket(`${t.wsUrl}/yjs/${doc}?token=${encodeURIComponent(token)}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const denied: string[] = [];
  ws.on('message', (raw: Buffer) => {
    if (raw[0] === 2) denied.push(raw.subarray(3).toString());
  });
  return { ws, denied };
}

describe('bounded work per message', () => {
  let t: TestServer;
  let s: CreateSessionResponse;
  let other: CreateSessionResponse;
  let deleted: ClockRange[];
  let delegate: RawYjs;

  beforeAll(async () => {
    t = await startTestServer();
    s = await createSitting(t);
    other = await createSitting(t, { ...SMALL_SITTING, sessionId: 'other-sitting' });
    // a delegate pastes large text three times and deletes it each time: millions of deleted clocks
    delegate = await rawYjs(t, `${s.sessionId}/communique`, delegateToken(s, 'af'));
    const paste = largePaste(800_000);
    for (let i = 0; i < 3; i++) {
      delegate.edit((doc) => {
        const text = (doc.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText;
        text.insert(0, paste);
      });
      await delegate.barrier();
      delegate.edit((doc) => {
        const text = (doc.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText;
        text.delete(0, paste.length);
      });
      await delegate.barrier();
    }
    // and types 40,000 characters one at a time, each before the last, then deletes them: as many
    // structs as characters, which Yjs cannot merge
    delegate.edit((doc) => {
      const text = (doc.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText;
      for (let i = 0; i < FRAGMENTS; i++) text.insert(0, 'x');
    });
    await delegate.barrier();
    delegate.edit((doc) => {
      const text = (doc.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete(0, FRAGMENTS);
    });
    await delegate.barrier();
    const client = delegate.doc.clientID;
    deleted = [{ client, clock: 0, len: Y.getState(delegate.doc.store, client) }];
    expect(deleted[0]!.len).toBeGreaterThan(2_400_000);
    expect(delegate.doc.store.clients.get(client)!.length).toBeGreaterThan(FRAGMENTS);
  }, 60_000);

  afterAll(async () => {
    delegate?.close();
    await t?.close();
  });

  /** A flood from `token`'s connection: the server stays responsive, nothing is refused, the honest participants carry on. */
  async function reDeleteFlood(token: string, who: string): Promise<void> {
    const honestObserver = await yClient(t, `${s.sessionId}/communique`, s.links.observer.token);
    const attacker = await openRaw(t, `${s.sessionId}/communique`, token);
    try {
      await floodWhileWatching(t, other, attacker.ws, deletedRangeFlood(deleted, 400), `${who} naming ${deleted[0]!.len} deleted clocks`);
      // nothing it sent changed the doc: it is not told off
      expect(attacker.denied).toEqual([]);
      await honestEditArrives(honestObserver);
    } finally {
      attacker.ws.close();
      honestObserver.destroy();
    }
  }

  it('[K11] an observer re-deleting text deleted long ago costs the server no more than its frames: /healthz and other sittings answer within a second', async () => {
    await reDeleteFlood(s.links.observer.token, 'observer');
  });

  it('[K11] a delegate re-deleting text deleted long ago costs the server no more than its frames', async () => {
    await reDeleteFlood(delegateToken(s, 'pk'), 'delegate');
  });

  /** The honest participants are unaffected: the delegate's next words reach the observer. */
  async function honestEditArrives(observer: Awaited<ReturnType<typeof yClient>>): Promise<void> {
    const words = `Honest words ${Math.random().toString(36).slice(2, 8)} `;
    delegate.edit((doc) => {
      const text = (doc.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(0, words);
    });
    await delegate.barrier();
    await waitFor(() => observer.text().includes(words), 2000, 'the honest observer did not get the edit');
  }

  it('[K11] an observer asking again and again for what follows a nearly full state vector is answered at the cost of the answer', async () => {
    // the delegate's text now holds as many live structs as characters, one typed before the other
    for (let round = 0; round < LIVE_ROUNDS; round++) {
      delegate.edit((doc) => {
        const text = (doc.getXmlFragment('body').get(2) as Y.XmlElement).get(0) as Y.XmlText;
        for (let i = 0; i < FRAGMENTS; i++) text.insert(0, 'y');
      });
      await delegate.barrier();
    }
    const honestObserver = await yClient(t, `${s.sessionId}/communique`, s.links.observer.token);
    const attacker = await openRaw(t, `${s.sessionId}/communique`, s.links.observer.token);
    try {
      await floodWhileWatching(t, other, attacker.ws, syncStep1Flood(Y.encodeStateVector(delegate.doc), 400), `observer's sync steps 1 over ${LIVE_ROUNDS * FRAGMENTS} live structs`);
      await honestEditArrives(honestObserver);
    } finally {
      attacker.ws.close();
      honestObserver.destroy();
    }
  });

  /** after "Decides " */
  const AFTER_WORD = 'Decides'.length + 1;

  /**
   * A sitting whose OP1 Pakistan bracketed ("Decides"), then typed 40,000 letters into one before
   * the other and deleted every other one: a paragraph of 40,000 items.
   */
  async function longBracketedParagraph(sessionId: string): Promise<{ b: CreateSessionResponse; pk: RawYjs; op1: () => Y.XmlText }> {
    const b = await createSitting(t, { ...SMALL_SITTING, sessionId });
    const pk = await rawYjs(t, `${sessionId}/communique`, delegateToken(b, 'pk'));
    const op1 = () => (pk.doc.getXmlFragment('body').get(2) as Y.XmlElement).get(0) as Y.XmlText;
    pk.edit(() => op1().format(0, 'Decides'.length, { 'bracket--pkpkpkpk': { by: 'pk', at: Date.now() } }));
    await pk.barrier();
    pk.edit(() => {
      for (let i = 0; i < FRAGMENTS; i++) op1().insert(AFTER_WORD, 'v');
    });
    await pk.barrier();
    pk.edit(() => {
      for (let i = AFTER_WORD + FRAGMENTS - 1; i > AFTER_WORD; i -= 2) op1().delete(i, 1);
    });
    await pk.barrier();
    return { b, pk, op1 };
  }

  /** Updates made on `pk`'s doc and not sent, each as a stock client would send it (the transaction's update). */
  function unsent(pk: RawYjs, count: number, edit: (i: number) => void): Uint8Array[] {
    const frames: Uint8Array[] = [];
    const keep = (update: Uint8Array, origin: unknown) => origin === 'not sent' && frames.push(encodeUpdate(update));
    pk.doc.on('update', keep);
    for (let i = 0; i < count; i++) pk.doc.transact(() => edit(i), 'not sent');
    pk.doc.off('update', keep);
    return frames;
  }

  it('[K11] [L9] typing in a bracketed paragraph with a long history costs each keystroke a walk of the paragraph, not a comparison of it word by word', async () => {
    const { b, pk, op1 } = await longBracketedParagraph('bracketed');
    try {
      // 30 keystrokes, sent back to back from another connection of Pakistan's
      const keystrokes = unsent(pk, 30, (i) => (i % 4 === 3 ? op1().delete(AFTER_WORD + 2, 1) : op1().insert(AFTER_WORD + 2, 'k')));
      const typist = await openRaw(t, 'bracketed/communique', delegateToken(b, 'pk'));
      try {
        await floodWhileWatching(t, other, typist.ws, keystrokes, `keystrokes in a bracketed paragraph of ${op1().length} letters over ${FRAGMENTS} items`);
        expect(typist.denied).toEqual([]);
      } finally {
        typist.ws.close();
      }
      // the holders' check still runs where it must: China cannot delete Pakistan's bracketed word
      const cn = await rawYjs(t, 'bracketed/communique', delegateToken(b, 'cn'));
      cn.edit((doc) => ((doc.getXmlFragment('body').get(2) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 'Decides'.length));
      await waitFor(() => cn.closed !== null, 5000, 'the deletion of another delegation\'s bracketed word was not refused');
      expect(cn.closed?.code).toBe(4423);
    } finally {
      pk.close();
    }
  });

  it('[K11] [L9] a delegation sending edits of its own bracket in a long paragraph, each dear to check, is held to its budget of checking time: /healthz and other sittings answer within a second', async () => {
    const { b, pk, op1 } = await longBracketedParagraph('bracket-flood');
    try {
      // Pakistan moves its own bracket back and forth: every update changes a bracket, so every one is compared in full
      const toggles = unsent(pk, 40, (i) =>
        op1().format(0, 'Decides'.length, { 'bracket--pkpkpkpk': i % 2 === 0 ? null : { by: 'pk', at: Date.now() } }),
      );
      const attacker = await openRaw(t, 'bracket-flood/communique', delegateToken(b, 'pk'));
      const chair = await ioClient(t, other.links.chair.token);
      const honest = await yClient(t, 'bracket-flood/communique', delegateToken(b, 'cn'));
      try {
        const health = watchHealth(t.url);
        const closed = new Promise<number>((resolve) => attacker.ws.once('close', (code) => resolve(code)));
        const t0 = performance.now();
        for (const f of toggles) attacker.ws.send(f);
        const ack = await cmd(chair, 'session.setState', { state: (sittingOpen = !sittingOpen) ? 'open' : 'suspended' });
        const commandMs = performance.now() - t0;
        const code = await closed;
        // another delegation types on meanwhile, in a paragraph without brackets
        const text = () => (honest.doc.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText;
        text().insert(0, 'still typing ');
        const observer = await yClient(t, 'bracket-flood/communique', b.links.observer.token);
        try {
          await waitFor(() => observer.text().includes('still typing'));
        } finally {
          observer.destroy();
        }
        const { maxMs, polls } = await health.stop();
        console.log(`[K11] ${toggles.length} bracket edits in a paragraph of ${FRAGMENTS} items: closed ${code} after ${(performance.now() - t0).toFixed(0)} ms; /healthz max ${maxMs.toFixed(0)} ms over ${polls} polls; command in another sitting ${commandMs.toFixed(0)} ms`);
        expect(code).toBe(4529);
        expect(attacker.denied.some((d) => d.includes('took the server too long to check'))).toBe(true);
        expect(ack).toMatchObject({ ok: true });
        expect(commandMs).toBeLessThan(1000);
        expect(maxMs).toBeLessThan(1000);
      } finally {
        attacker.ws.close();
        chair.close();
        honest.destroy();
      }
    } finally {
      pk.close();
    }
  });
});
