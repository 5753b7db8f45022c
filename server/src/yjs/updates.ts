import * as Y from 'yjs';

/**
 * Whether applying `update` would change `doc`: it carries a struct the doc lacks, or deletes
 * something the doc still has. Used to tell a read-only client that its edit was refused
 * without complaining about the empty sync replies every client sends.
 */
export function updateChangesDoc(docOf: () => Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  // an empty reply never needs the doc, which may not be built yet (W7)
  if (ds.clients.size === 0 && structs.every((s) => s instanceof Y.Skip)) return false;
  const doc = docOf();
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    if (s.id.clock + s.length > (sv.get(s.id.client) ?? 0)) return true;
  }
  if (ds.clients.size === 0) return false;
  const known = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, items] of ds.clients) {
    for (const { clock, len } of items) {
      // a delete of something the doc has not seen yet is a change too
      if (clock + len > (sv.get(client) ?? 0)) return true;
      for (let c = clock; c < clock + len; c++) if (!Y.isDeleted(known, Y.createID(client, c))) return true;
    }
  }
  return false;
}
