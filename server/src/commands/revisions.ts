import { actorKey, communiqueSnapshot, newId, PlenaryError, sessionRevisions, statusOf, type Revision } from '@plenary/shared';
import type { Handler } from './context';

export const createRevision: Handler<'revision.create'> = (ctx, { label }) => {
  if (!ctx.communique) throw PlenaryError.of('UNAVAILABLE', 'communiqueUnreadable');
  const revisions = sessionRevisions(ctx.doc);
  const n = revisions.length + 1;
  const snapshot = communiqueSnapshot(ctx.communique);
  const revision: Revision = {
    id: newId('r-'),
    n,
    ...(label ? { label } : {}),
    at: ctx.now,
    by: actorKey(ctx.actor),
    snapshot,
    statuses: Object.fromEntries(snapshot.paragraphs.map((p) => [p.id, statusOf(ctx.doc, p.id)])),
  };
  revisions.push([revision]);
  return { id: revision.id, n };
};
