import * as Y from 'yjs';
import { docName, readAgenda, sessionComments } from '@plenary/shared';
import type { DocStore } from '../../server/src/store/DocStore';
import { RedisStore } from '../../server/src/store/RedisStore';
import { SqliteStore } from '../../server/src/store/SqliteStore';

/** A doc as the store holds it (snapshot, then the log), without any server. */
export async function storedDoc(store: DocStore, name: string): Promise<Y.Doc> {
  const loaded = await store.loadDoc(name);
  const doc = new Y.Doc();
  if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
  for (const u of loaded.updates) Y.applyUpdate(doc, u);
  return doc;
}

/** What a sitting's docs hold in the store: the communiqué's body and the session doc's lists. */
export interface StoredSitting {
  body: string;
  agendaTitles: string[];
  commentTexts: string[];
}

export async function readStoredSitting(store: DocStore, sid: string): Promise<StoredSitting> {
  const communique = await storedDoc(store, docName(sid, 'communique'));
  const session = await storedDoc(store, docName(sid, 'session'));
  const result = {
    body: communique.getXmlFragment('body').toString(),
    agendaTitles: readAgenda(session).map((i) => i.title),
    commentTexts: [...sessionComments(session).values()].map((c) => c.text),
  };
  communique.destroy();
  session.destroy();
  return result;
}

/** Opens the store a server used (its SQLite file, or its Redis), reads, and closes it. */
export async function withStore<T>(where: { dataDir: string; redisUrl?: string }, fn: (store: DocStore) => Promise<T>): Promise<T> {
  const store: DocStore = where.redisUrl ? new RedisStore(where.redisUrl) : new SqliteStore(where.dataDir);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
