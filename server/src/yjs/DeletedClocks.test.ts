import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DeletedClocks } from './DeletedClocks';

/** A small seeded generator, so a failure replays. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

describe('deleted clocks', () => {
  it('[K11] answers as the doc\'s own delete set does, kept up to date through inserts, deletes and updates from other docs', () => {
    const rnd = random(11);
    const server = new Y.Doc();
    const writers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    // built part-way, then kept up to date by transactions
    let index: DeletedClocks | null = null;
    for (let round = 0; round < 300; round++) {
      const w = writers[rnd(writers.length)]!;
      Y.applyUpdate(w, Y.encodeStateAsUpdate(server, Y.encodeStateVector(w)));
      const before = Y.encodeStateVector(w);
      const text = w.getText('t');
      if (text.length > 0 && rnd(3) === 0) text.delete(rnd(text.length), 1 + rnd(Math.min(8, text.length)));
      else text.insert(rnd(text.length + 1), 'abcdefgh'.slice(0, 1 + rnd(8)));
      Y.applyUpdate(server, Y.encodeStateAsUpdate(w, before));
      if (round === 100) index = DeletedClocks.of(server);
    }
    expect(index).toBe(DeletedClocks.of(server));
    const ds = Y.createDeleteSetFromStructStore(server.store);
    for (const [client, structs] of server.store.clients) {
      const end = Y.getState(server.store, client);
      for (let clock = 0; clock < end; clock++) {
        const deleted = Y.isDeleted(ds, Y.createID(client, clock));
        expect(index!.covers(client, clock, 1)).toBe(deleted);
        let live = clock;
        while (live < end && Y.isDeleted(ds, Y.createID(client, live))) live++;
        expect(index!.nextLive(client, clock)).toBe(live);
      }
      for (let i = 0; i < 50; i++) {
        const clock = rnd(end);
        const len = 1 + rnd(end - clock);
        let all = true;
        for (let c = clock; c < clock + len; c++) all &&= Y.isDeleted(ds, Y.createID(client, c));
        expect(index!.covers(client, clock, len)).toBe(all);
      }
      expect(structs.length).toBeGreaterThan(0);
    }
    expect(index!.covers(424242, 0, 1)).toBe(false);
  });
});
