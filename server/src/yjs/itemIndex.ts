import * as Y from 'yjs';

/**
 * Items of an update by client in clock order, found by id with a binary search: a lookup costs
 * the log of the update's items, and nothing is made per character.
 */
export function indexItems(items: Iterable<Y.Item>): (id: Y.ID) => Y.Item | null {
  const byClient = new Map<number, Y.Item[]>();
  for (const s of items) {
    let list = byClient.get(s.id.client);
    if (!list) byClient.set(s.id.client, (list = []));
    list.push(s);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return (id) => {
    const list = byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };
}
