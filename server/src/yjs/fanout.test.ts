import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { Relay, SyncReplies } from './fanout';

/** A receiver that keeps the updates of the sync-update messages it is sent. */
class Sink {
  readonly messages: Uint8Array[] = [];
  constructor(readonly name: string) {}
  send(data: Uint8Array): void {
    this.messages.push(data);
  }
  /** the doc built from what it received */
  doc(): Y.Doc {
    const doc = new Y.Doc();
    for (const m of this.messages) {
      const d = decoding.createDecoder(m);
      expect([decoding.readVarUint(d), decoding.readVarUint(d)]).toEqual([0, 2]);
      Y.applyUpdate(doc, decoding.readVarUint8Array(d));
    }
    return doc;
  }
}

function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('relay', () => {
  it('[W6] the first update after a quiet spell goes out at once, as one message shared by every connection', () => {
    const conns = [new Sink('a'), new Sink('b'), new Sink('c')];
    const relay = new Relay(() => conns, { coalesceMs: 20 });
    relay.relay([{ update: edit('x'), except: conns[0] }]);
    expect(conns[0]!.messages).toHaveLength(0);
    expect(conns[1]!.messages).toHaveLength(1);
    // the very same buffer: encoded (and framed) once for all
    expect(conns[2]!.messages[0]).toBe(conns[1]!.messages[0]);
    relay.clear();
  });

  it('[W6] updates stored soon after a relay go out together, merged, without a sender\'s own edits', async () => {
    const [a, b, c] = [new Sink('a'), new Sink('b'), new Sink('c')];
    const relay = new Relay(() => [a, b, c], { coalesceMs: 30 });
    relay.relay([{ update: edit('first') }]);
    relay.relay([{ update: edit('from a'), except: a }]);
    relay.relay([{ update: edit('from b'), except: b }]);
    expect(c.messages).toHaveLength(1);
    await sleep(80);
    expect(c.messages).toHaveLength(2);
    expect(a.messages).toHaveLength(2);
    expect(b.messages).toHaveLength(2);
    const texts = (s: Sink) => s.doc().getText('t').toString();
    for (const t of ['first', 'from a', 'from b']) expect(texts(c)).toContain(t);
    expect(texts(a)).toContain('from b');
    expect(texts(a)).not.toContain('from a');
    expect(texts(b)).toContain('from a');
    expect(texts(b)).not.toContain('from b');
  });

  it('[W6] a cleared relay sends nothing of what it held', async () => {
    const a = new Sink('a');
    const relay = new Relay(() => [a], { coalesceMs: 20 });
    relay.relay([{ update: edit('1') }]);
    relay.relay([{ update: edit('2') }]);
    relay.clear();
    await sleep(50);
    expect(a.messages).toHaveLength(1);
  });
});

describe('sync replies', () => {
  it('[W6] the reply to an empty state vector is encoded once per version of the doc', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const replies = new SyncReplies(doc);
    const empty = Y.encodeStateVector(new Y.Doc());
    const first = replies.step2(empty);
    expect(replies.step2(empty)).toBe(first);
    expect(replies.serverStep1()).toBe(replies.serverStep1());
    doc.getText('t').insert(5, ' world');
    const second = replies.step2(empty);
    expect(second).not.toBe(first);
    const d = decoding.createDecoder(second);
    expect([decoding.readVarUint(d), decoding.readVarUint(d)]).toEqual([0, 1]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, decoding.readVarUint8Array(d));
    expect(copy.getText('t').toString()).toBe('hello world');
  });
});
