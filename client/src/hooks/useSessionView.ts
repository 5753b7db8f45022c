import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readSession, sessionMeta, type SessionView } from '@plenary/shared/plain';

/** The sitting as plain data, re-read on every update; null until the server's content arrived. */
export function useSessionView(doc: Y.Doc | null): SessionView | null {
  const [view, setView] = useState<SessionView | null>(null);

  useEffect(() => {
    if (!doc) {
      setView(null);
      return;
    }
    const read = () => setView(sessionMeta(doc).has('title') ? readSession(doc) : null);
    read();
    doc.on('update', read);
    return () => doc.off('update', read);
  }, [doc]);

  return view;
}
