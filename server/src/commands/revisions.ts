import {
  actorKey,
  assignedNumbers,
  assignNumbers,
  communiqueParagraphs,
  communiqueSnapshot,
  newId,
  PlenaryError,
  sessionRevisions,
  setAssignedNumbers,
  statusesOf,
  type Revision,
} from '@plenary/shared';
import type { Handler } from './context';

export const createRevision: Handler<'revision.create'> = (ctx, { label, renumber = true }) => {
  if (!ctx.communique) throw PlenaryError.of('UNAVAILABLE', 'communiqueUnreadable');
  const revisions = sessionRevisions(ctx.doc);
  const n = revisions.length + 1;
  // renumbering fixes the numbers of the text as it now stands; the revision prints those (E5)
  const fixed = renumber ? assignNumbers(communiqueParagraphs(ctx.communique), n, ctx.now) : null;
  const snapshot = communiqueSnapshot(ctx.communique, fixed ?? assignedNumbers(ctx.doc));
  const revision: Revision = {
    id: newId('r-'),
    n,
    ...(label ? { label } : {}),
    at: ctx.now,
    by: actorKey(ctx.actor),
    snapshot,
    statuses: statusesOf(ctx.doc, snapshot.paragraphs),
  };
  revisions.push([revision]);
  if (fixed) setAssignedNumbers(ctx.doc, fixed);
  return { id: revision.id, n };
};
