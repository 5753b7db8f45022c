import type * as Y from 'yjs';
import {
  actorKey,
  assignedNumbers,
  communiqueSnapshot,
  currentSilence,
  DRAFTING_DOC,
  findParagraph,
  hasBrackets,
  paragraphsWithId,
  isBracketed,
  newId,
  paragraphStatuses,
  PlenaryError,
  type Silence,
} from '@plenary/shared';
import type { Handler } from './context';

const MIN_LEAD_MS = 1_000;
const MAX_LEAD_MS = 14 * 24 * 60 * 60 * 1000;

function setSilence(doc: Y.Doc, silence: Silence): void {
  doc.getMap<Silence>(DRAFTING_DOC.silence).set('current', silence);
}

export const startSilence: Handler<'silence.start'> = (ctx, { deadline, paragraphIds, overBrackets }) => {
  if (!ctx.communique) throw PlenaryError.of('UNAVAILABLE', 'communiqueUnreadable');
  if (currentSilence(ctx.doc)?.state === 'running') throw PlenaryError.of('CONFLICT', 'silenceRunning');
  if (deadline < ctx.now + MIN_LEAD_MS) throw PlenaryError.of('INVALID', 'silenceTooSoon');
  if (deadline > ctx.now + MAX_LEAD_MS) throw PlenaryError.of('INVALID', 'silenceTooFar');
  for (const id of paragraphIds ?? []) {
    if (!findParagraph(ctx.communique, id)) throw PlenaryError.of('NOT_FOUND', 'noSuchParagraph', { id });
  }
  // bracketed paragraphs would stay open when silence passes: the chair is told first (L6)
  const bracketed = communiqueSnapshot(ctx.communique, assignedNumbers(ctx.doc)).paragraphs.filter(
    (p) => (paragraphIds ? paragraphIds.includes(p.id) : p.kind !== 'text') && isBracketed(p),
  );
  if (bracketed.length > 0 && !overBrackets) {
    const labels = bracketed.map((p) => p.label).join(', ');
    throw PlenaryError.of('CONFLICT', 'silenceOverBrackets', { labels, paragraphIds: bracketed.map((p) => p.id).join(',') });
  }
  const id = newId('sl-');
  setSilence(ctx.doc, {
    id,
    state: 'running',
    startedAt: ctx.now,
    deadline,
    paragraphIds: paragraphIds ? [...new Set(paragraphIds)] : null,
    startedBy: actorKey(ctx.actor),
  });
  return { id };
};

export const breakSilence: Handler<'silence.break'> = (ctx, { reason }) => {
  // the dispatcher lets only delegations send this; kept for direct callers
  if (ctx.actor.role !== 'delegate') throw PlenaryError.of('FORBIDDEN', 'onlyDelegation', { command: 'silence.break' });
  const silence = currentSilence(ctx.doc);
  if (silence?.state !== 'running') throw PlenaryError.of('CONFLICT', 'noSilenceRunning');
  if (ctx.now >= silence.deadline) throw PlenaryError.of('CONFLICT', 'silenceKept');
  setSilence(ctx.doc, { ...silence, state: 'broken', brokenBy: ctx.actor.delegation!, reason, endedAt: ctx.now });
};

/** The chair withdraws a running silence before its deadline: nothing is agreed, the text is open again. */
export const withdrawSilence: Handler<'silence.withdraw'> = (ctx) => {
  const silence = currentSilence(ctx.doc);
  if (silence?.state !== 'running') throw PlenaryError.of('CONFLICT', 'noSilenceRunning');
  if (ctx.now >= silence.deadline) throw PlenaryError.of('CONFLICT', 'silenceKept');
  setSilence(ctx.doc, { ...silence, state: 'withdrawn', withdrawnBy: actorKey(ctx.actor), endedAt: ctx.now });
};

/**
 * Ends a running silence whose deadline has passed: its paragraphs become agreed, except those
 * that still hold brackets. Returns false when there was nothing to do.
 */
export function passSilenceIfDue(session: Y.Doc, communique: Y.Doc, now: number): boolean {
  const silence = currentSilence(session);
  if (silence?.state !== 'running' || now < silence.deadline) return false;
  const ids = silence.paragraphIds ?? communiqueSnapshot(communique).paragraphs.filter((p) => p.kind !== 'text').map((p) => p.id);
  const agreed: string[] = [];
  const skipped: string[] = [];
  const statuses = paragraphStatuses(session);
  for (const id of ids) {
    const [p, copy] = paragraphsWithId(communique, id);
    if (!p || copy || hasBrackets(p)) {
      skipped.push(id);
      continue;
    }
    if (statuses.get(id)?.status !== 'agreed') statuses.set(id, { status: 'agreed', by: 'server', at: now });
    agreed.push(id);
  }
  setSilence(session, { ...silence, state: 'passed', endedAt: now, agreed, skipped });
  return true;
}
