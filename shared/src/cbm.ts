import { z } from 'zod';
import * as Y from 'yjs';
import { PlenaryError } from './errors';

/** Confidence-building measures (CBMs) and the commitments made under them, in the session doc. */

export const CbmTheme = z.enum([
  'counter-terrorism',
  'border-management',
  'counter-narcotics',
  'information-sharing',
  'connectivity-and-trade',
  'other',
]);
export type CbmTheme = z.infer<typeof CbmTheme>;

export const CbmState = z.enum(['proposed', 'under-discussion', 'endorsed', 'not-endorsed', 'withdrawn']);
export type CbmState = z.infer<typeof CbmState>;

export const CommitmentStatus = z.enum(['planned', 'in-progress', 'done', 'stalled']);
export type CommitmentStatus = z.infer<typeof CommitmentStatus>;

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

export const CbmFields = {
  title: z.string().trim().min(3, 'a title has at least 3 characters').max(200),
  description: z.string().trim().max(8000),
  action: z.string().trim().min(3, 'describe the action in at least 3 characters').max(2000),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a deadline is a date, yyyy-mm-dd')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a calendar date'),
  note: z.string().trim().max(2000),
  progress: z.number().int().min(0).max(100),
};

// ---- rules ----

/** Whether a measure can still be changed by its proposer (the chair always can). */
export function proposerMayEdit(m: Measure): boolean {
  return m.state === 'proposed' || m.state === 'under-discussion';
}

export function checkTransition(m: Measure, to: CbmState): void {
  if (m.state === to) throw new PlenaryError('CONFLICT', `The measure is already ${to}`);
  if (!CBM_TRANSITIONS[m.state].includes(to)) {
    const allowed = CBM_TRANSITIONS[m.state];
    throw new PlenaryError(
      'CONFLICT',
      allowed.length ? `A measure ${m.state} can become ${allowed.join(', ')}, not ${to}` : `A ${m.state} measure cannot change any more`,
    );
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
