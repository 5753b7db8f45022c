import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

/**
 * The clocks a doc has deleted, per Yjs client, as sorted disjoint ranges — the doc's delete set,
 * built once from the struct store and then kept up to date from each transaction (a deletion is
 * never undone, so ranges only grow and merge). Checking an update's deletions against it costs a
 * binary search per range the update names, however many clocks the range spans and however long
 * the doc's history: a check walking a range clock by clock, or rebuilding the delete set per
 * message, let a few bytes ("delete clocks 0–2,400,000 again") cost the server seconds.
 */
export class DeletedClocks {
  /** client → [start0, end0, start1, end1, …], sorted, disjoint and not touching */
  private readonly ranges = new Map<number, number[]>();

  private constructor(doc: Y.Doc) {
    for (const [client, items] of Y.createDeleteSetFromStructStore(doc.store).clients) {
      for (const { clock, len } of items) this.add(client, clock, clock + len);
    }
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      const incoming = new Map<number, [number, number][]>();
      const note = (client: number, start: number, end: number) => {
        let list = incoming.get(client);
        if (!list) incoming.set(client, (list = []));
        list.push([start, end]);
      };
      for (const [client, items] of tr.deleteSet.clients) for (const { clock, len } of items) note(client, clock, clock + len);
      // structs that arrive deleted (GC'd by the sender) are not in the transaction's delete set
      for (const [client, after] of tr.afterState) {
        const before = tr.beforeState.get(client) ?? 0;
        if (after <= before) continue;
        const structs = doc.store.clients.get(client)!;
        for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
          const s = structs[i]!;
          if (s.deleted) note(client, s.id.clock, s.id.clock + s.length);
        }
      }
      for (const [client, ranges] of incoming) {
        if (ranges.length <= 16) for (const [start, end] of ranges) this.add(client, start, end);
        else this.merge(client, ranges);
      }
    });
  }

  private static readonly byDoc = new WeakMap<Y.Doc, DeletedClocks>();

  /** The index of `doc`, built on first use (linear in the doc once; afterwards in each transaction). */
  static of(doc: Y.Doc): DeletedClocks {
    let index = DeletedClocks.byDoc.get(doc);
    if (!index) DeletedClocks.byDoc.set(doc, (index = new DeletedClocks(doc)));
    return index;
  }

  /** Index of the first range of `list` whose end is at or after `clock` (list.length / 2 if none). */
  private static firstEndingFrom(list: readonly number[], clock: number): number {
    let lo = 0;
    let hi = list.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[2 * mid + 1]! < clock) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private add(client: number, start: number, end: number): void {
    if (end <= start) return;
    let list = this.ranges.get(client);
    if (!list) this.ranges.set(client, (list = []));
    // ranges touching or overlapping [start, end) are merged into one
    const first = DeletedClocks.firstEndingFrom(list, start);
    let last = first;
    while (2 * last < list.length && list[2 * last]! <= end) last++;
    if (last > first) {
      start = Math.min(start, list[2 * first]!);
      end = Math.max(end, list[2 * last - 1]!);
    }
    list.splice(2 * first, 2 * (last - first), start, end);
  }

  /** Adds many ranges at once in one pass over the client's list: inserting each would cost the list's length per range. */
  private merge(client: number, ranges: [number, number][]): void {
    ranges.sort((a, b) => a[0] - b[0]);
    const list = this.ranges.get(client) ?? [];
    const merged: number[] = [];
    const push = (start: number, end: number) => {
      if (end <= start) return;
      const n = merged.length;
      if (n > 0 && merged[n - 1]! >= start) merged[n - 1] = Math.max(merged[n - 1]!, end);
      else merged.push(start, end);
    };
    let i = 0;
    let j = 0;
    while (i < list.length || j < ranges.length) {
      if (j >= ranges.length || (i < list.length && list[i]! <= ranges[j]![0])) {
        push(list[i]!, list[i + 1]!);
        i += 2;
      } else {
        push(ranges[j]![0], ranges[j]![1]);
        j++;
      }
    }
    this.ranges.set(client, merged);
  }

  /** Whether every clock in [clock, clock + len) of `client` is deleted. */
  covers(client: number, clock: number, len: number): boolean {
    if (len <= 0) return true;
    const list = this.ranges.get(client);
    if (!list) return false;
    const i = DeletedClocks.firstEndingFrom(list, clock + 1);
    return 2 * i < list.length && list[2 * i]! <= clock && list[2 * i + 1]! >= clock + len;
  }

  /** The first clock at or after `clock` of `client` that is not deleted. */
  nextLive(client: number, clock: number): number {
    const list = this.ranges.get(client);
    if (!list) return clock;
    const i = DeletedClocks.firstEndingFrom(list, clock + 1);
    return 2 * i < list.length && list[2 * i]! <= clock ? list[2 * i + 1]! : clock;
  }

  /** The delete set as Yjs encodes it (v1, clients in descending order): the tail of an update. */
  encode(): Uint8Array {
    const encoder = new Y.UpdateEncoderV1();
    encoding.writeVarUint(encoder.restEncoder, this.ranges.size);
    for (const [client, list] of [...this.ranges].sort((a, b) => b[0] - a[0])) {
      encoder.resetDsCurVal();
      encoding.writeVarUint(encoder.restEncoder, client);
      encoding.writeVarUint(encoder.restEncoder, list.length / 2);
      for (let i = 0; i < list.length; i += 2) {
        encoder.writeDsClock(list[i]!);
        encoder.writeDsLen(list[i + 1]! - list[i]!);
      }
    }
    return encoder.toUint8Array();
  }
}
