import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DeletedClocks } from './DeletedClocks';
import { encodeStateAfter } from './stateAfter';

/** A small seeded generator, so a failure replays. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

/**
 * A doc written by three others in turn (inserts and deletes at random places); `midway` runs
 * after a third of the rounds.
 */
function randomDoc(rnd: (n: number) => number, midway: (doc: Y.Doc) => void = () => {}): Y.Doc {
  const server = new Y.Doc();
  const writers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  for (let round = 0; round < 300; round++) {
    const w = writers[rnd(writers.length)]!;
    Y.applyUpdate(w, Y.encodeStateAsUpdate(server, Y.encodeStateVector(w)));
    const before = Y.encodeStateVector(w);
    const text = w.getText('t');
    if (text.length > 0 && rnd(3) === 0) text.delete(rnd(text.length), 1 + rnd(Math.min(8, text.length)));
    else text.insert(rnd(text.length + 1), 'abcdefgh'.slice(0, 1 + rnd(8)));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(w, before));
    if (round === 100) midway(server);
  }
  return server;
}

/** Every clock of `doc`: the index says deleted exactly where Yjs's own delete set does. */
function expectSameAsYjs(doc: Y.Doc, index: DeletedClocks, rnd: (n: number) => number): void {
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  for (const client of doc.store.clients.keys()) {
    const end = Y.getState(doc.store, client);
    for (let clock = 0; clock < end; clock++) {
      expect(index.covers(client, clock, 1)).toBe(Y.isDeleted(ds, Y.createID(client, clock)));
      let live = clock;
      while (live < end && Y.isDeleted(ds, Y.createID(client, live))) live++;
      expect(index.nextLive(client, clock)).toBe(live);
    }
    for (let i = 0; i < 50; i++) {
      const clock = rnd(end);
      const len = 1 + rnd(end - clock);
      let all = true;
      for (let c = clock; c < clock + len; c++) all &&= Y.isDeleted(ds, Y.createID(client, c));
      expect(index.covers(client, clock, len)).toBe(all);
    }
  }
}

describe('deleted clocks', () => {
  it('[K11] answers as the doc\'s own delete set does, kept up to date through inserts, deletes and updates from other docs', () => {
    const rnd = random(11);
    let index: DeletedClocks | null = null;
    const server = randomDoc(rnd, (doc) => (index = DeletedClocks.of(doc)));
    expect(index).toBe(DeletedClocks.of(server));
    expectSameAsYjs(server, index!, rnd);
    expect(index!.covers(424242, 0, 1)).toBe(false);
  });

  it('[K11] takes in a transaction deleting many scattered words, and structs that arrive deleted', () => {
    const rnd = random(3);
    const doc = new Y.Doc();
    const text = doc.getText('t');
    for (let i = 0; i < 300; i++) text.insert(0, 'ab');
    const index = DeletedClocks.of(doc);
    doc.transact(() => {
      for (let i = text.length - 1; i >= 0; i -= 3) text.delete(i, 1);
    });
    expectSameAsYjs(doc, index, rnd);
    // another doc's text, deleted there and collected, arrives as deleted structs
    const other = new Y.Doc();
    other.getText('t').insert(0, 'gone');
    other.getText('t').delete(0, 4);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(index.covers(other.clientID, 0, 4)).toBe(true);
    expectSameAsYjs(doc, index, rnd);
  });

  it('[K11] a sync reply built from the kept delete set is, byte for byte, the one Yjs encodes', () => {
    const rnd = random(7);
    const doc = randomDoc(rnd);
    const deleteSet = DeletedClocks.of(doc).encode();
    const full = Y.decodeStateVector(Y.encodeStateVector(doc));
    const vectors: Map<number, number>[] = [new Map(), full, new Map([[424242, 5]])];
    for (let i = 0; i < 30; i++) vectors.push(new Map([...full].map(([client, clock]) => [client, rnd(clock + 3)])));
    vectors.push(new Map([...full].filter(() => rnd(2) === 0)));
    for (const sv of vectors) {
      const encodedVector = Y.encodeStateVector(sv);
      expect(encodeStateAfter(doc, sv, deleteSet)).toEqual(Y.encodeStateAsUpdate(doc, encodedVector));
    }
  });
});
