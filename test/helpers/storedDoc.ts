import * as Y from 'yjs';
import { SqliteStore } from '../../server/src/store/SqliteStore';

/**
 * Appends an edit to a doc's log in the SQLite file of a stopped server, as the store would hold a
 * text written before the server refused such edits.
 */
export async function storeEditDirectly(dataDir: string, name: string, edit: (doc: Y.Doc) => void, actor = 'delegate:cn'): Promise<void> {
  const store = new SqliteStore(dataDir);
  try {
    const loaded = await store.loadDoc(name);
    const doc = new Y.Doc();
    for (const u of [...(loaded.snapshot ? [loaded.snapshot] : []), ...loaded.updates]) Y.applyUpdate(doc, u);
    const sv = Y.encodeStateVector(doc);
    doc.transact(() => edit(doc));
    await store.append(name, { updates: [{ update: Y.encodeStateAsUpdate(doc, sv), actor, at: Date.now() }], commands: [] });
  } finally {
    await store.close();
  }
}
