import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  assignedNumbers,
  currentSilence,
  paragraphStatuses,
  sessionComments,
  sessionRevisions,
  type AssignedNumbers,
  type Comment,
  type ParagraphStatusEntry,
  type Revision,
  type Silence,
} from '@plenary/shared/plain';

/** The drafting part of the sitting: paragraph statuses, comments, revisions, the silence procedure. */
export interface DraftingView {
  statuses: Readonly<Record<string, ParagraphStatusEntry>>;
  comments: readonly Comment[];
  revisions: readonly Revision[];
  /** the paragraph numbers in force (E4) */
  numbers: AssignedNumbers | null;
  silence: Silence | null;
}

export const EMPTY_DRAFTING: DraftingView = { statuses: {}, comments: [], revisions: [], numbers: null, silence: null };

function read(doc: Y.Doc): DraftingView {
  return {
    statuses: paragraphStatuses(doc).toJSON() as Record<string, ParagraphStatusEntry>,
    comments: [...sessionComments(doc).values()].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)),
    revisions: sessionRevisions(doc).toArray(),
    numbers: assignedNumbers(doc),
    silence: currentSilence(doc) ?? null,
  };
}

/** Keeps each part's identity while its content is unchanged, so editors and lists re-render only when needed. */
function keepSame(prev: DraftingView, next: DraftingView): DraftingView {
  const same = <K extends keyof DraftingView>(k: K) => JSON.stringify(prev[k]) === JSON.stringify(next[k]);
  const merged: DraftingView = {
    statuses: same('statuses') ? prev.statuses : next.statuses,
    comments: same('comments') ? prev.comments : next.comments,
    // revisions are only ever appended: the count and the last one tell whether anything changed
    revisions:
      prev.revisions.length === next.revisions.length && prev.revisions.at(-1)?.id === next.revisions.at(-1)?.id ? prev.revisions : next.revisions,
    numbers: same('numbers') ? prev.numbers : next.numbers,
    silence: same('silence') ? prev.silence : next.silence,
  };
  return (Object.keys(merged) as (keyof DraftingView)[]).every((k) => merged[k] === prev[k]) ? prev : merged;
}

export function useDraftingView(sessionDoc: Y.Doc | null): DraftingView {
  const [view, setView] = useState<DraftingView>(EMPTY_DRAFTING);
  useEffect(() => {
    if (!sessionDoc) {
      setView(EMPTY_DRAFTING);
      return;
    }
    const update = () => setView((prev) => keepSame(prev, read(sessionDoc)));
    update();
    sessionDoc.on('update', update);
    return () => sessionDoc.off('update', update);
  }, [sessionDoc]);
  return view;
}
