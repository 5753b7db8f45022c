import type * as Y from 'yjs';
import {
  isPresent,
  nextAttendance,
  PlenaryError,
  sessionAgenda,
  sessionAttendance,
  sessionDelegations,
  sessionMeasures,
  sessionMeta,
  findParagraph,
} from '@plenary/shared';
import type { Handler } from './context';

/** Adds present delegations to the open item's attendees. */
export function recordAttendees(doc: Y.Doc, delegations: string[]): void {
  const open = sessionAgenda(doc)
    .toArray()
    .find((m) => m.get('state') === 'open');
  if (!open || delegations.length === 0) return;
  const before = (open.get('attendees') as string[] | undefined) ?? [];
  const after = [...new Set([...before, ...delegations])];
  if (after.length !== before.length) open.set('attendees', after);
}

export function presentDelegations(doc: Y.Doc): string[] {
  return [...sessionAttendance(doc).entries()].filter(([, r]) => isPresent(r)).map(([d]) => d);
}

/** A delegation's connection count went from 0 to 1 or back: its attendance follows. */
export function setConnected(doc: Y.Doc, delegation: string, connected: boolean, now: number): void {
  const attendance = sessionAttendance(doc);
  const before = attendance.get(delegation);
  if (Boolean(before?.connected) === connected) return;
  const after = nextAttendance(before, { connected }, now);
  attendance.set(delegation, after);
  if (isPresent(after)) recordAttendees(doc, [delegation]);
}

export const mark: Handler<'attendance.mark'> = (ctx, { delegation, present }) => {
  if (!sessionDelegations(ctx.doc).toArray().some((d) => d.id === delegation)) {
    throw PlenaryError.of('NOT_FOUND', 'delegationNotInvited', { delegation });
  }
  const attendance = sessionAttendance(ctx.doc);
  const before = attendance.get(delegation);
  if (Boolean(before?.inRoom) === present) throw PlenaryError.of('CONFLICT', present ? 'alreadyPresent' : 'alreadyAbsent');
  const after = nextAttendance(before, { inRoom: present }, ctx.now);
  attendance.set(delegation, after);
  if (isPresent(after)) recordAttendees(ctx.doc, [delegation]);
};

export const setFocus: Handler<'focus.set'> = (ctx, { paragraphId, cbmId }) => {
  if (paragraphId && !(ctx.communique && findParagraph(ctx.communique, paragraphId))) {
    throw PlenaryError.of('NOT_FOUND', 'noSuchParagraph', { id: paragraphId });
  }
  if (cbmId && !sessionMeasures(ctx.doc).has(cbmId)) throw PlenaryError.of('NOT_FOUND', 'noSuchMeasure', { id: cbmId });
  const meta = sessionMeta(ctx.doc);
  if (!paragraphId && !cbmId) meta.delete('focus');
  else meta.set('focus', { ...(paragraphId ? { paragraphId } : {}), ...(cbmId ? { cbmId } : {}), at: ctx.now });
};
