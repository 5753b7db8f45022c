// first: configures zod before any schema is built
import './jitless';
import { z } from 'zod';
import { PARAGRAPH_KINDS } from './communiqueSchema';

/**
 * The shapes of the sitting's data as zod schemas, each type the schema's own (`z.infer`): what the
 * server parses at its boundaries. The rules over these types (`agenda.ts`, `cbm.ts`, …) import
 * the types only, so a browser can load them without zod (`@plenary/shared/plain`).
 */

// ---- ids ----

/** Sitting ids appear in URLs and doc names: short, lowercase, no slashes. */
export const SessionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a sitting id is 2–63 characters of a–z, 0–9 and -');
export type SessionId = z.infer<typeof SessionId>;

export const DelegationId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a delegation id is 1–32 characters of a–z, 0–9 and -');
export type DelegationId = z.infer<typeof DelegationId>;

/** The two Yjs docs of a sitting. */
export const DocKind = z.enum(['communique', 'session']);
export type DocKind = z.infer<typeof DocKind>;

/** Parses `<sid>/<kind>`; null when the name is not a doc of a sitting. */
export function parseDocName(name: string): { sid: string; kind: DocKind } | null {
  const slash = name.indexOf('/');
  if (slash < 0) return null;
  const sid = SessionId.safeParse(name.slice(0, slash));
  const kind = DocKind.safeParse(name.slice(slash + 1));
  return sid.success && kind.success ? { sid: sid.data, kind: kind.data } : null;
}

// ---- roles and errors ----

export const Role = z.enum(['chair', 'delegate', 'observer']);
export type Role = z.infer<typeof Role>;

export const ErrorCode = z.enum([
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INVALID',
  'CONFLICT',
  'NOT_FOUND',
  'UNAVAILABLE',
  'RATE_LIMITED',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * `message` in English; a refusal also carries its `key` and values (`params`), which the
 * interface words in the reader's language (I7).
 */
export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** One readable line out of a zod error: "payload.state: Invalid option …". */
export function describeZodError(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

// ---- agenda ----

export const AgendaItemState = z.enum(['pending', 'open', 'closed', 'deferred']);
export type AgendaItemState = z.infer<typeof AgendaItemState>;

export const SpeakerEntry = z.object({
  delegation: z.string(),
  pointOfOrder: z.boolean(),
  requestedAt: z.number(),
});
export type SpeakerEntry = z.infer<typeof SpeakerEntry>;

/** Who has the floor, and the speaking timer, in server time (ms since epoch). */
export const Floor = z.object({
  delegation: z.string(),
  pointOfOrder: z.boolean(),
  startedAt: z.number(),
  /** time granted, extended by `timer.extend` */
  allottedMs: z.number(),
  /** time spoken before the current run of the timer */
  elapsedMs: z.number(),
  /** when the timer last started running; null while paused */
  runningSince: z.number().nullable(),
});
export type Floor = z.infer<typeof Floor>;

/** An agenda item as stored in the session doc (a Y.Map with these keys). */
export const AgendaItem = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  /** planned duration */
  durationMin: z.number().optional(),
  state: AgendaItemState,
  openedAt: z.number().optional(),
  closedAt: z.number().optional(),
  /** time the item was open, over all its openings, up to the last close or defer */
  usedMs: z.number().optional(),
  /** time granted to each speaker */
  speakingTimeSec: z.number().optional(),
  /** time each delegation may speak on this item in all */
  budgetSec: z.number().optional(),
  speakersClosed: z.boolean().optional(),
  queue: z.array(SpeakerEntry).optional(),
  floor: Floor.nullable().optional(),
  /** time spoken per delegation on this item, finished speeches only */
  spokenMs: z.record(z.string(), z.number()).optional(),
  /** delegations present at some time while the item was open */
  attendees: z.array(z.string()).optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const ItemFields = {
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(4000),
  durationMin: z.number().int().min(1).max(24 * 60),
  speakingTimeSec: z.number().int().min(10).max(60 * 60),
  budgetSec: z.number().int().min(10).max(24 * 60 * 60),
};

// ---- drafting and the communiqué ----

/** Status of a communiqué paragraph, set by the chair; kept in the session doc. */
export const ParagraphStatus = z.enum(['open', 'bracketed', 'agreed-ad-ref', 'agreed']);
export type ParagraphStatus = z.infer<typeof ParagraphStatus>;

export const SilenceState = z.enum(['running', 'broken', 'passed', 'withdrawn']);
export type SilenceState = z.infer<typeof SilenceState>;

/** Preambular and operative paragraphs are numbered PP1…, OP1…; `text` paragraphs are not numbered. */
export const ParagraphKind = z.enum(PARAGRAPH_KINDS);
export type ParagraphKind = z.infer<typeof ParagraphKind>;

// ---- the sitting ----

/** The sitting's own state, set by the chair with `session.setState`. */
export const SessionState = z.enum(['scheduled', 'open', 'suspended', 'closed']);
export type SessionState = z.infer<typeof SessionState>;

export const DelegationGroup = z.enum(['host', 'region', 'partner', 'organisation']);
export type DelegationGroup = z.infer<typeof DelegationGroup>;

export const Delegation = z.object({
  id: DelegationId,
  name: z.string().trim().min(1).max(120),
  /** short code shown on brackets and badges, e.g. "AF" */
  short: z.string().trim().min(1).max(12),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  group: DelegationGroup,
});
export type Delegation = z.infer<typeof Delegation>;

export const SessionMeta = z.object({
  title: z.string(),
  venue: z.string().optional(),
  /** ISO date of the sitting, yyyy-mm-dd */
  date: z.string().optional(),
  /** delegation id of the host */
  host: z.string().optional(),
  state: SessionState,
  createdAt: z.number(),
  /** what the room screen shows, set by the chair */
  focus: z.object({ paragraphId: z.string().optional(), cbmId: z.string().optional(), at: z.number() }).optional(),
});
export type SessionMeta = z.infer<typeof SessionMeta>;

// ---- confidence-building measures ----

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
