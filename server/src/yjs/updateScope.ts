import * as Y from 'yjs';
import { indexItems } from './itemIndex';
import { DeletedClocks } from './DeletedClocks';

/** Where a piece of an update lands in the doc. */
type Place =
  /** inside (or on) an existing top-level block of the fragment */
  | { kind: 'block'; block: Y.XmlElement | Y.XmlText }
  /** a new top-level block, or inside one */
  | { kind: 'new-block' }
  /** in another root type of the doc */
  | { kind: 'root'; name: string }
  /** depends on content the doc does not have */
  | { kind: 'unknown' };

/** What an update would change, found before it is applied. */
export interface UpdateScope {
  /** client ids of the structs the update adds */
  clients: Set<number>;
  /** existing top-level blocks of the fragment it inserts into, deletes from or reformats */
  blocks: Set<Y.XmlElement | Y.XmlText>;
  /** other root types it writes to */
  otherRoots: Set<string>;
  /** true when some struct hangs on content the doc does not have */
  unresolved: boolean;
  /** text the update inserts into each existing block, in struct order */
  insertedText: Map<Y.XmlElement | Y.XmlText, string>;
  /** formatting the update adds inside existing blocks or new ones (block null) */
  formats: { block: Y.XmlElement | Y.XmlText | null; key: string; value: unknown }[];
  /** every new item of the update with what it is written into: for the communiqué's schema (L10) and ids (L11) */
  writes: Write[];
  /** existing top-level blocks the update deletes */
  deletedBlocks: Set<Y.XmlElement | Y.XmlText>;
  /** new items the update itself deletes (a value set and replaced in one change) */
  deletedNew: Set<Y.Item>;
  /** attributes of existing elements whose current value the update deletes */
  deletedAttributes: { element: Y.XmlElement; key: string }[];
}

/** The type a new item is written into, as the schema sees it. */
export type Container =
  /** the top of the fragment */
  | { kind: 'fragment' }
  /** an element: one the doc has (`existing`), or one the update creates (`item`) */
  | { kind: 'element'; name: string; existing: Y.XmlElement | null; item: Y.Item | null }
  | { kind: 'text' }
  /** a type the doc has deleted (or an item that holds none): Yjs drops what is written into it */
  | { kind: 'gone' }
  /** anything else: another root, a map, an array, a type that hangs on nothing known */
  | { kind: 'other' };

/** A new item of an update: its content, where it goes, and the attribute key it sets (null: a child in a list). */
export interface Write {
  item: Y.Item;
  into: Container;
  key: string | null;
}

type ParentRef = { type: Y.AbstractType<unknown> } | { item: Y.Item } | { root: string } | { gone: true } | null;

/** how far a chain of new items is followed (each step is two stack frames) */
const MAX_DEPTH = 1000;
const UNKNOWN: Place = { kind: 'unknown' };

/** The block a top-level item of the fragment holds (every top-level item holds a type). */
function blockOf(item: Y.Item): Y.XmlElement | Y.XmlText {
  return (item.content as Y.ContentType).type as Y.XmlElement | Y.XmlText;
}

/**
 * Decodes an update and places every struct it adds and every item it deletes relative to the
 * top-level blocks of `fragment` — without applying it, since a Yjs change cannot be undone.
 */
export function updateScope(doc: Y.Doc, update: Uint8Array, fragment = 'body'): UpdateScope {
  const { structs, ds } = Y.decodeUpdate(update);
  // read per client, not encoded whole: a doc written by many clients has a long state vector
  const sv = { get: (client: number) => Y.getState(doc.store, client) };
  const body = doc.share.has(fragment) ? doc.getXmlFragment(fragment) : null;
  const scope: UpdateScope = {
    clients: new Set(),
    blocks: new Set(),
    otherRoots: new Set(),
    unresolved: false,
    insertedText: new Map(),
    formats: [],
    writes: [],
    deletedBlocks: new Set(),
    deletedAttributes: [],
    deletedNew: new Set(),
  };

  const fresh = structs.filter((s): s is Y.Item => s instanceof Y.Item && s.id.clock + s.length > (sv.get(s.id.client) ?? 0));
  for (const s of structs) if (!(s instanceof Y.Skip) && s.id.clock + s.length > (sv.get(s.id.client) ?? 0)) scope.clients.add(s.id.client);
  const inUpdate = indexItems(fresh);

  // Yjs keeps structs after a gap in a client's clocks, and deletions of clocks it lacks, aside as
  // "pending": never applied nor stored, yet sent in every sync reply and outside any size cap
  const covered = new Map<number, number>();
  for (const s of [...structs].sort((a, b) => a.id.client - b.id.client || a.id.clock - b.id.clock)) {
    const upTo = covered.get(s.id.client) ?? sv.get(s.id.client) ?? 0;
    if (s.id.clock + s.length <= upTo) continue;
    if (s instanceof Y.Skip || s.id.clock > upTo) scope.unresolved = true;
    covered.set(s.id.client, s.id.clock + s.length);
  }
  for (const [client, ranges] of ds.clients) {
    const known = Math.max(covered.get(client) ?? 0, sv.get(client) ?? 0);
    if (ranges.some(({ clock, len }) => clock + len > known)) scope.unresolved = true;
  }

  // Yjs also sets aside an item the doc already has when its neighbours or parent are unknown
  const known = (id: Y.ID | null) => id === null || id.clock < (sv.get(id.client) ?? 0) || inUpdate(id) !== null;
  for (const s of structs) {
    if (!(s instanceof Y.Item) || s.id.clock + s.length > (sv.get(s.id.client) ?? 0)) continue;
    if (!known(s.origin) || !known(s.rightOrigin) || (s.parent instanceof Y.ID && !known(s.parent))) scope.unresolved = true;
  }
  const inDoc = (id: Y.ID): Y.Item | null => {
    if (id.clock >= (sv.get(id.client) ?? 0)) return null;
    const s = Y.getItem(doc.store, id);
    return s instanceof Y.Item ? s : null;
  };

  /** Place of an item already in the doc, found by walking up its parents. */
  const placeInDoc = (item: Y.Item): Place => {
    let it = item;
    for (;;) {
      const parent = it.parent as Y.AbstractType<unknown> | null;
      if (!parent) return { kind: 'unknown' };
      if (parent === body) return { kind: 'block', block: blockOf(it) };
      if (!parent._item) return { kind: 'root', name: Y.findRootTypeKey(parent) };
      it = parent._item;
    }
  };
  const memo = new Map<Y.Item, Place>();
  const placeOfNew = (item: Y.Item, depth: number): Place => {
    const known = memo.get(item);
    if (known) return known;
    if (depth > MAX_DEPTH) return UNKNOWN;
    // an item whose parent or neighbours lead back to itself (a forged update) hangs on nothing
    memo.set(item, UNKNOWN);
    let place: Place;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      place = parent === fragment ? (item.parentSub === null ? { kind: 'new-block' } : { kind: 'root', name: parent }) : { kind: 'root', name: parent };
    } else if (parent instanceof Y.ID) {
      place = placeOfContainer(parent, depth);
    } else if (item.origin) {
      place = placeOfSibling(item.origin, depth);
    } else if (item.rightOrigin) {
      place = placeOfSibling(item.rightOrigin, depth);
    } else {
      place = { kind: 'unknown' };
    }
    memo.set(item, place);
    return place;
  };
  const placeOfContainer = (id: Y.ID, depth: number): Place => {
    const docItem = inDoc(id);
    if (docItem) return placeInDoc(docItem);
    const upd = inUpdate(id);
    return upd ? placeOfNew(upd, depth + 1) : { kind: 'unknown' };
  };
  const placeOfSibling = (id: Y.ID, depth: number): Place => {
    const docItem = inDoc(id);
    if (docItem) return docItem.parent === body ? { kind: 'new-block' } : placeInDoc(docItem);
    const upd = inUpdate(id);
    return upd ? placeOfNew(upd, depth + 1) : { kind: 'unknown' };
  };

  const record = (place: Place, inserted?: string) => {
    if (place.kind === 'block') {
      scope.blocks.add(place.block);
      if (inserted) scope.insertedText.set(place.block, (scope.insertedText.get(place.block) ?? '') + inserted);
    } else if (place.kind === 'root') scope.otherRoots.add(place.name);
    else if (place.kind === 'unknown') scope.unresolved = true;
  };

  /** The type a new item hangs in and its key: from its parent, or from the neighbour it was placed next to. */
  const parents = new Map<Y.Item, { parent: ParentRef; key: string | null }>();
  const parentOf = (item: Y.Item, depth: number): { parent: ParentRef; key: string | null } => {
    const known = parents.get(item);
    if (known) return known;
    const none = { parent: null, key: null };
    if (depth > MAX_DEPTH) return none;
    parents.set(item, none);
    let found: { parent: ParentRef; key: string | null } = none;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') found = { parent: { root: parent }, key: item.parentSub };
    else if (parent instanceof Y.ID) {
      const docItem = inDoc(parent);
      const upd = docItem ? null : inUpdate(parent);
      if (docItem) found = { parent: docItem.content instanceof Y.ContentType && !docItem.deleted ? { type: docItem.content.type } : { gone: true }, key: item.parentSub };
      else if (upd) found = { parent: { item: upd }, key: item.parentSub };
    } else {
      // an item placed next to another (a list neighbour, or the map entry it overwrites) shares its parent and key
      const sibling = item.origin ?? item.rightOrigin;
      const docItem = sibling ? inDoc(sibling) : null;
      const upd = sibling && !docItem ? inUpdate(sibling) : null;
      if (docItem) found = { parent: { type: docItem.parent as Y.AbstractType<unknown> }, key: docItem.parentSub };
      else if (upd) found = parentOf(upd, depth + 1);
    }
    parents.set(item, found);
    return found;
  };
  const containerOf = (ref: ParentRef): Container => {
    if (ref === null) return { kind: 'other' };
    if ('gone' in ref) return { kind: 'gone' };
    const type = 'type' in ref ? ref.type : 'item' in ref && ref.item.content instanceof Y.ContentType ? ref.item.content.type : null;
    if ('root' in ref) return ref.root === fragment ? { kind: 'fragment' } : { kind: 'other' };
    if (type === body) return { kind: 'fragment' };
    if (type instanceof Y.XmlText) return { kind: 'text' };
    if (type instanceof Y.XmlElement) {
      return 'item' in ref ? { kind: 'element', name: type.nodeName, existing: null, item: ref.item } : { kind: 'element', name: type.nodeName, existing: type, item: null };
    }
    return { kind: 'other' };
  };

  for (const item of fresh) {
    const { parent, key } = parentOf(item, 0);
    scope.writes.push({ item, into: containerOf(parent), key });
    if (Y.isDeleted(ds, item.id)) scope.deletedNew.add(item);
    const text = item.content instanceof Y.ContentString ? (item.content as Y.ContentString).str : undefined;
    const place = placeOfNew(item, 0);
    record(place, text);
    if (item.content instanceof Y.ContentFormat) {
      const { key, value } = item.content as Y.ContentFormat;
      scope.formats.push({ block: place.kind === 'block' ? place.block : null, key, value });
    }
  }
  // what is deleted already is skipped whole: the walk visits only the items the update deletes
  const deleted = DeletedClocks.of(doc);
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, sv.get(client) ?? 0);
      for (let c = deleted.nextLive(client, clock); c < end; c = deleted.nextLive(client, c)) {
        const s = Y.getItem(doc.store, Y.createID(client, c));
        if (s instanceof Y.Item && !s.deleted) {
          record(placeInDoc(s));
          if (s.parent === body && s.parentSub === null) scope.deletedBlocks.add(blockOf(s));
          else if (s.parentSub !== null && s.parent instanceof Y.XmlElement) scope.deletedAttributes.push({ element: s.parent, key: s.parentSub });
        }
        c = s.id.clock + s.length;
      }
    }
  }
  return scope;
}
