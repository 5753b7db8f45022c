import * as Y from 'yjs';
import { PlenaryError } from './errors';
import type { CbmState, CbmTheme, CommitmentStatus } from './schemas';

export type { CbmState, CbmTheme, CommitmentStatus } from './schemas';

/** Confidence-building measures (CBMs) and the commitments made under them, in the session doc. */

/** Where the chair may move a measure; `withdrawn` is the proposer's own move. */
export const CBM_TRANSITIONS: Record<CbmState, readonly CbmState[]> = {
  proposed: ['under-discussion', 'endorsed', 'not-endorsed', 'withdrawn'],
  'under-discussion': ['proposed', 'endorsed', 'not-endorsed', 'withdrawn'],
  endorsed: ['under-discussion'],
  'not-endorsed': ['under-discussion'],
  withdrawn: [],
};

export interface CbmHistoryEntry {
  at: number;
  /** actor key */
  actor: string;
  /** what happened, in plain words: "proposed", "co-sponsored", "state: endorsed" */
  action: string;
}

export interface CbmComment {
  id: string;
  author: string;
  name: string;
  text: string;
  at: number;
}

export interface Measure {
  id: string;
  title: string;
  description: string;
  theme: CbmTheme;
  /** delegation id, or `chair` */
  proposer: string;
  cosponsors: string[];
  itemId?: string;
  state: CbmState;
  createdAt: number;
  history: CbmHistoryEntry[];
  comments: CbmComment[];
}

export interface CommitmentUpdate {
  at: number;
  actor: string;
  status?: CommitmentStatus;
  progress?: number;
  note?: string;
}

export interface Commitment {
  id: string;
  cbmId: string;
  delegation: string;
  action: string;
  /** yyyy-mm-dd */
  deadline?: string;
  status: CommitmentStatus;
  /** 0–100 */
  progress: number;
  note?: string;
  createdAt: number;
  /** every change, the first being the commitment itself */
  timeline: CommitmentUpdate[];
}

export const CBM_DOC = { measures: 'cbms', commitments: 'commitments' } as const;

export function sessionMeasures(doc: Y.Doc): Y.Map<Measure> {
  return doc.getMap<Measure>(CBM_DOC.measures);
}
export function sessionCommitments(doc: Y.Doc): Y.Map<Commitment> {
  return doc.getMap<Commitment>(CBM_DOC.commitments);
}

// ---- rules ----

/** Whether a measure can still be changed by its proposer (the chair always can). */
export function proposerMayEdit(m: Measure): boolean {
  return m.state === 'proposed' || m.state === 'under-discussion';
}

export function checkTransition(m: Measure, to: CbmState): void {
  if (m.state === to) throw PlenaryError.of('CONFLICT', 'measureAlready', { cbmState: to });
  if (!CBM_TRANSITIONS[m.state].includes(to)) {
    const allowed = CBM_TRANSITIONS[m.state];
    throw allowed.length
      ? PlenaryError.of('CONFLICT', 'measureTransition', { cbmFrom: m.state, cbmAllowed: allowed.join(','), cbmTo: to })
      : PlenaryError.of('CONFLICT', 'measureFinal', { cbmState: m.state });
  }
}

/** A measure takes sponsors and commitments until it is withdrawn or not endorsed. */
export function isLive(m: Measure): boolean {
  return m.state !== 'withdrawn' && m.state !== 'not-endorsed';
}

/** Mean progress of a measure's commitments, or null without commitments. */
export function measureProgress(commitments: Commitment[]): number | null {
  if (commitments.length === 0) return null;
  return Math.round(commitments.reduce((sum, c) => sum + c.progress, 0) / commitments.length);
}

/** A commitment is overdue once its deadline day has passed (UTC) and it is not done. */
export function isOverdue(c: Commitment, now: number): boolean {
  if (!c.deadline || c.status === 'done') return false;
  return Date.parse(`${c.deadline}T23:59:59.999Z`) < now;
}

/** On track: not done, not stalled and not overdue. */
export function isOnTrack(c: Commitment, now: number): boolean {
  return c.status !== 'done' && c.status !== 'stalled' && !isOverdue(c, now);
}
