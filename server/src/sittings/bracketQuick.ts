import * as Y from 'yjs';
import { indexItems } from '../yjs/itemIndex';
import { isBracketKey, type Actor } from '@plenary/shared';

type Block = Y.XmlElement | Y.XmlText;

/** The text of a paragraph of the usual shape (an element holding one text and nothing else), or null. */
function soleText(block: Block): Y.XmlText | null {
  if (!(block instanceof Y.XmlElement)) return null;
  let text: Y.XmlText | null = null;
  for (let item = block._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (text || !(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.XmlText)) return null;
    text = item.content.type;
  }
  return text;
}

/** The top-level block a type belongs to (or null at the root). */
function blockOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> | null {
  let t = type;
  for (;;) {
    const item = t._item;
    if (!item) return null;
    const parent = item.parent as Y.AbstractType<unknown>;
    if (!parent._item) return t;
    t = parent;
  }
}

/**
 * A cheap first look at what an update does to brackets: for each paragraph it touches, whether
 * the update surely leaves every bracket there as it is — it adds and deletes no bracket mark, adds
 * nothing but text (and other marks) to the paragraph's one text, deletes no word a bracket of
 * another delegation covers (none a bracket covers, for the chair), and every word it types takes
 * the brackets already around it (each bracket that is open somewhere covers a word, and no bracket
 * closes and reopens between two words). Then the holders' check (L9) has nothing to find, and the
 * paragraph is not compared word by word before and after: that costs its whole history, on every
 * keystroke. The look costs the update plus a walk of the paragraph's live items, with no
 * allocation per character. False means: compare fully.
 */
export function bracketsUntouched(doc: Y.Doc, actor: Actor, update: Uint8Array): (block: Block) => boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const fresh = structs.filter((s): s is Y.Item => s instanceof Y.Item && s.id.clock + s.length > Y.getState(doc.store, s.id.client));
  // a new bracket mark, or a new type anywhere: compare fully
  const plain = fresh.every((s) => !(s.content instanceof Y.ContentType) && !(s.content instanceof Y.ContentFormat && isBracketKey(s.content.key)));
  if (!plain) return () => false;

  // where each new item lands: the type Yjs will put it in, from its parent or its neighbours
  const inUpdateAt = indexItems(fresh);
  const parents = new Map<Y.Item, Y.AbstractType<unknown> | null>();
  const parentOf = (item: Y.Item, depth = 0): Y.AbstractType<unknown> | null => {
    if (parents.has(item)) return parents.get(item)!;
    parents.set(item, null); // a cycle places nothing
    let parent: Y.AbstractType<unknown> | null = null;
    const anchor = item.parent instanceof Y.ID ? item.parent : (item.origin ?? item.rightOrigin);
    if (anchor && depth < 1000) {
      const inUpdate = inUpdateAt(anchor);
      if (inUpdate) parent = item.parent instanceof Y.ID ? null : parentOf(inUpdate, depth + 1);
      else if (anchor.clock < Y.getState(doc.store, anchor.client)) {
        const known = Y.getItem(doc.store, anchor);
        if (known instanceof Y.Item) {
          parent = item.parent instanceof Y.ID ? (known.content instanceof Y.ContentType ? known.content.type : null) : (known.parent as Y.AbstractType<unknown>);
        }
      }
    }
    parents.set(item, parent);
    return parent;
  };
  const landing = new Map<Y.AbstractType<unknown>, Set<Y.AbstractType<unknown> | null>>();
  for (const s of fresh) {
    if (typeof s.parent === 'string') continue; // a root: not in any paragraph
    const parent = parentOf(s);
    const block = parent ? blockOf(parent) : null;
    if (!block) continue;
    let set = landing.get(block);
    if (!set) landing.set(block, (set = new Set()));
    set.add(s.content instanceof Y.ContentDeleted ? null : parent);
  }

  // what the update deletes, per client, for a lookup per item
  const deletes = new Map<number, { clock: number; len: number }[]>();
  for (const [client, ranges] of ds.clients) deletes.set(client, [...ranges].sort((a, b) => a.clock - b.clock));
  const deleted = (item: Y.Item): boolean => {
    const ranges = deletes.get(item.id.client);
    if (!ranges) return false;
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]!.clock + ranges[mid]!.len <= item.id.clock) lo = mid + 1;
      else hi = mid;
    }
    return lo < ranges.length && ranges[lo]!.clock < item.id.clock + item.length;
  };
  const mine = actor.role === 'delegate' ? actor.delegation : undefined;

  return (block) => {
    const text = soleText(block);
    if (!text) return false;
    for (const parent of landing.get(block as unknown as Y.AbstractType<unknown>) ?? []) if (parent !== null && parent !== (text as unknown)) return false;
    const open = new Map<string, string>();
    const opened = new Set<string>();
    const covered = new Set<string>();
    // bracket marks met since the last word: two of one key there could leave a gap a new word falls into
    const since = new Set<string>();
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      const content = item.content;
      if (content instanceof Y.ContentFormat) {
        if (!isBracketKey(content.key)) continue;
        if (deleted(item) || since.has(content.key)) return false;
        since.add(content.key);
        const by = (content.value as { by?: unknown } | null)?.by;
        if (typeof by === 'string') {
          open.set(content.key, by);
          opened.add(`${content.key}\n${by}`);
        } else open.delete(content.key);
      } else if (content instanceof Y.ContentString) {
        if (deleted(item)) for (const by of open.values()) if (actor.role === 'chair' || by !== mine) return false;
        for (const [key, by] of open) covered.add(`${key}\n${by}`);
        if (since.size > 0) since.clear();
      } else if (deleted(item)) return false;
    }
    for (const pair of opened) if (!covered.has(pair)) return false;
    return true;
  };
}
