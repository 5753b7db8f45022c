import * as Y from 'yjs';
import { DeletedClocks } from './DeletedClocks';

/**
 * Whether applying `update` would change `doc`: it carries a struct the doc lacks, or deletes
 * something the doc still has. Used to tell a read-only client that its edit was refused
 * without complaining about the empty sync replies every client sends. Costs a lookup per struct
 * and per deleted range of the update, never a walk of the doc or of the clocks a range spans.
 */
export function updateChangesDoc(docOf: () => Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  // an empty reply never needs the doc, which may not be built yet (W7)
  if (ds.clients.size === 0 && structs.every((s) => s instanceof Y.Skip)) return false;
  const doc = docOf();
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    if (s.id.clock + s.length > Y.getState(doc.store, s.id.client)) return true;
  }
  if (ds.clients.size === 0) return false;
  const deleted = DeletedClocks.of(doc);
  for (const [client, items] of ds.clients) {
    for (const { clock, len } of items) {
      // a delete of something the doc has not seen yet is a change too
      if (clock + len > Y.getState(doc.store, client)) return true;
      if (!deleted.covers(client, clock, len)) return true;
    }
  }
  return false;
}
