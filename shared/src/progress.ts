import { itemUsedMs } from './agenda';
import { isPresent } from './attendance';
import { isOnTrack, isOverdue, type CbmState } from './cbm';
import { sharedParagraphIds, shownStatus, type ParagraphStatus } from './drafting';
import type { SessionView } from './session';
import { isBracketed, type CommuniqueSnapshot } from './snapshot';

/** The figures of the progress strip: what an observer needs to follow the sitting at a glance. */
export interface SittingProgress {
  paragraphs: Record<ParagraphStatus, number> & { total: number };
  cbms: Record<CbmState, number> & { total: number };
  commitments: { total: number; onTrack: number; overdue: number; done: number; stalled: number };
  delegations: { present: number; invited: number };
  /** time used on the agenda vs planned, in ms */
  time: { usedMs: number; plannedMs: number };
}

export function sittingProgress(view: SessionView, communique: CommuniqueSnapshot | null, now: number): SittingProgress {
  const paragraphs = { open: 0, bracketed: 0, 'agreed-ad-ref': 0, agreed: 0, total: 0 };
  const shared = sharedParagraphIds(communique?.paragraphs ?? []);
  for (const p of communique?.paragraphs ?? []) {
    if (p.kind === 'text') continue;
    paragraphs[shownStatus(shared.has(p.id) ? undefined : view.paragraphs[p.id]?.status, isBracketed(p))]++;
    paragraphs.total++;
  }
  const cbms = { proposed: 0, 'under-discussion': 0, endorsed: 0, 'not-endorsed': 0, withdrawn: 0, total: view.cbms.length };
  for (const m of view.cbms) cbms[m.state]++;
  const commitments = { total: view.commitments.length, onTrack: 0, overdue: 0, done: 0, stalled: 0 };
  for (const c of view.commitments) {
    if (c.status === 'done') commitments.done++;
    else if (isOverdue(c, now)) commitments.overdue++;
    else if (c.status === 'stalled') commitments.stalled++;
    else if (isOnTrack(c, now)) commitments.onTrack++;
  }
  return {
    paragraphs,
    cbms,
    commitments,
    delegations: {
      present: view.delegations.filter((d) => isPresent(view.attendance[d.id])).length,
      invited: view.delegations.length,
    },
    time: {
      usedMs: view.agenda.reduce((sum, i) => sum + itemUsedMs(i, now), 0),
      plannedMs: view.agenda.reduce((sum, i) => sum + (i.durationMin ?? 0) * 60_000, 0),
    },
  };
}
