import * as Y from 'yjs';
import type { ParagraphStatus, SilenceState } from './schemas';

export type { ParagraphStatus, SilenceState } from './schemas';

/**
 * The status a paragraph is shown and counted with: one left `open` that carries brackets reads
 * `bracketed`, so the badge never says open beside visible `[ … ]`. Set statuses show as they are.
 */
export function shownStatus(status: ParagraphStatus | undefined, hasBrackets: boolean): ParagraphStatus {
  const set = status ?? 'open';
  return set === 'open' && hasBrackets ? 'bracketed' : set;
}

export interface ParagraphStatusEntry {
  status: ParagraphStatus;
  /** actor key of who set it */
  by: string;
  at: number;
}

/** A comment on a paragraph. `kind: 'kept-edit'` holds text typed into a paragraph that was locked meanwhile. */
export interface Comment {
  id: string;
  paragraphId: string;
  text: string;
  /** actor key, e.g. `delegate:pk` */
  author: string;
  /** display name of the author */
  name: string;
  at: number;
  replyTo?: string;
  kind: 'comment' | 'kept-edit';
  resolved?: { by: string; at: number };
}

/** A stored revision of the communiqué: Rev.1, Rev.2 … */
export interface Revision {
  id: string;
  n: number;
  label?: string;
  at: number;
  /** actor key */
  by: string;
  snapshot: import('./snapshot').CommuniqueSnapshot;
  /** each paragraph's status when the revision was made (revisions made before this was kept have none) */
  statuses?: Record<string, ParagraphStatus>;
}

/** A silence procedure: if nobody breaks silence before the deadline, the paragraphs are agreed. */
export interface Silence {
  id: string;
  state: SilenceState;
  startedAt: number;
  /** server ms since epoch */
  deadline: number;
  /** null: the whole text */
  paragraphIds: string[] | null;
  startedBy: string;
  brokenBy?: string;
  /** actor key of who withdrew it (the chair) */
  withdrawnBy?: string;
  reason?: string;
  endedAt?: number;
  /** paragraphs agreed when silence passed; those still bracketed are left as they were */
  agreed?: string[];
  skipped?: string[];
}

/**
 * Whether a running silence procedure covers a paragraph, known by its id and kind: its text is
 * then frozen exactly like agreed text (L6). A silence on the whole text covers every PP and OP.
 */
export function silenceCovers(silence: Silence | null | undefined, paragraphId: string, kind: unknown): boolean {
  if (silence?.state !== 'running') return false;
  return silence.paragraphIds ? silence.paragraphIds.includes(paragraphId) : kind === 'pp' || kind === 'op';
}

/** The bracket mark: one per holding delegation, stored by y-prosemirror as `bracket--<hash>`. */
export interface BracketAttrs {
  by: string;
  at?: number;
}

/**
 * Layout added to the docs for drafting:
 * - session doc `paragraphs`: Y.Map paragraphId → ParagraphStatusEntry (absent means `open`)
 * - session doc `comments`: Y.Map commentId → Comment
 * - communiqué doc `authors`: Y.Map Yjs client id → actor key, written by the server alone: who
 *   wrote with which client id, verified
 */
export const DRAFTING_DOC = {
  paragraphs: 'paragraphs',
  comments: 'comments',
  authors: 'authors',
  /** session doc: Y.Array of Revision */
  revisions: 'revisions',
  /** session doc: Y.Map holding the current silence procedure under key `current` */
  silence: 'silence',
} as const;

export function sessionRevisions(sessionDoc: Y.Doc): Y.Array<Revision> {
  return sessionDoc.getArray<Revision>(DRAFTING_DOC.revisions);
}

export function currentSilence(sessionDoc: Y.Doc): Silence | undefined {
  return sessionDoc.getMap<Silence>(DRAFTING_DOC.silence).get('current');
}

export function paragraphStatuses(sessionDoc: Y.Doc): Y.Map<ParagraphStatusEntry> {
  return sessionDoc.getMap<ParagraphStatusEntry>(DRAFTING_DOC.paragraphs);
}

export function sessionComments(sessionDoc: Y.Doc): Y.Map<Comment> {
  return sessionDoc.getMap<Comment>(DRAFTING_DOC.comments);
}

export function communiqueAuthors(communiqueDoc: Y.Doc): Y.Map<string> {
  return communiqueDoc.getMap<string>(DRAFTING_DOC.authors);
}

export function statusOf(sessionDoc: Y.Doc, paragraphId: string): ParagraphStatus {
  return paragraphStatuses(sessionDoc).get(paragraphId)?.status ?? 'open';
}

/**
 * Each paragraph's status when a revision was made (L7): as the revision kept them. A revision
 * stored before revisions kept them gets what can still be told: only a paragraph's latest status
 * is known, so it counts if it was set before the revision by its time (or never: `open`), and a
 * paragraph whose status changed since has none.
 */
export function statusesAtRevision(sessionDoc: Y.Doc, revision: Revision): Record<string, ParagraphStatus> {
  if (revision.statuses) return revision.statuses;
  const entries = paragraphStatuses(sessionDoc);
  const statuses: Record<string, ParagraphStatus> = {};
  for (const p of revision.snapshot.paragraphs) {
    const entry = entries.get(p.id);
    if (!entry) statuses[p.id] = 'open';
    else if (entry.at <= revision.at) statuses[p.id] = entry.status;
  }
  return statuses;
}

/** Brackets are marks named `bracket` (stored by y-prosemirror as `bracket` or `bracket--<hash>`). */
export function isBracketKey(key: string): boolean {
  return key === 'bracket' || key.startsWith('bracket--');
}

/** The top-level paragraphs of the communiqué with this id: one, or none; several only in a text stored before ids were held unique (L11). */
export function paragraphsWithId(communiqueDoc: Y.Doc, paragraphId: string): Y.XmlElement[] {
  return communiqueDoc
    .getXmlFragment('body')
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.getAttribute('id') === paragraphId);
}

/** The top-level paragraph of the communiqué with this id, or null. */
export function findParagraph(communiqueDoc: Y.Doc, paragraphId: string): Y.XmlElement | null {
  return paragraphsWithId(communiqueDoc, paragraphId)[0] ?? null;
}

/**
 * Each paragraph's status, by id. An id that several paragraphs carry (a text stored before L11)
 * belongs to none of them: they count as `open`, so a copy never passes for agreed text.
 */
export function statusesOf(sessionDoc: Y.Doc, paragraphs: readonly { id: string }[]): Record<string, ParagraphStatus> {
  const shared = sharedParagraphIds(paragraphs);
  return Object.fromEntries(paragraphs.map(({ id }) => [id, shared.has(id) ? 'open' : statusOf(sessionDoc, id)]));
}

/** The ids that several paragraphs carry (only in a text stored before L11): they own no status. */
export function sharedParagraphIds(paragraphs: readonly { id: string }[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { id } of paragraphs) (seen.has(id) ? shared : seen).add(id);
  return shared;
}

/** Whether any text of a paragraph carries a bracket. */
export function hasBrackets(paragraph: Y.XmlElement): boolean {
  const visit = (node: Y.XmlElement | Y.XmlText): boolean => {
    if (node instanceof Y.XmlText) {
      return (node.toDelta() as { attributes?: Record<string, unknown> }[]).some((d) =>
        Object.keys(d.attributes ?? {}).some(isBracketKey),
      );
    }
    return node.toArray().some((c) => (c instanceof Y.XmlElement || c instanceof Y.XmlText ? visit(c) : false));
  };
  return visit(paragraph);
}
