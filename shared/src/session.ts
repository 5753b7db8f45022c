import * as Y from 'yjs';
import type { AgendaItem, AgendaItemState, Delegation, SessionMeta, SessionState } from './schemas';
import { sessionFeed, type FeedEntry } from './feed';
import { assignedNumbers, type AssignedNumbers } from './numbering';
import { sessionAttendance, type AttendanceRecord } from './attendance';
import { sessionCommitments, sessionMeasures, type Commitment, type Measure } from './cbm';
import {
  currentSilence,
  paragraphStatuses,
  sessionComments,
  sessionRevisions,
  type Comment,
  type ParagraphStatusEntry,
  type Revision,
  type Silence,
} from './drafting';

export type { Delegation, DelegationGroup, SessionMeta, SessionState } from './schemas';

/** Which states the chair may move the sitting to from each state. */
export const SESSION_TRANSITIONS: Record<SessionState, readonly SessionState[]> = {
  scheduled: ['open', 'closed'],
  open: ['suspended', 'closed'],
  suspended: ['open', 'closed'],
  closed: ['open'],
};

/**
 * Layout of the `<sid>/session` doc, written by the server alone:
 * - `meta`: Y.Map of SessionMeta fields
 * - `delegations`: Y.Array of Delegation (plain objects)
 * - `agenda`: Y.Array of Y.Map of AgendaItem fields
 */
export const SESSION_DOC = {
  meta: 'meta',
  delegations: 'delegations',
  agenda: 'agenda',
} as const;

/** An agenda item as read: its number is its position, 1, 2, 3 … */
export type AgendaItemView = AgendaItem & { number: number };

export interface SessionView {
  meta: SessionMeta;
  delegations: Delegation[];
  agenda: AgendaItemView[];
  /** paragraph id → status; absent means open */
  paragraphs: Record<string, ParagraphStatusEntry>;
  comments: Comment[];
  revisions: Revision[];
  /** the paragraph numbers the chair fixed last (E4); null for sittings made before they were kept */
  numbers: AssignedNumbers | null;
  silence: Silence | null;
  cbms: Measure[];
  commitments: Commitment[];
  /** the latest activity, oldest first */
  feed: FeedEntry[];
  /** delegation id → presence over time */
  attendance: Record<string, AttendanceRecord>;
}

export function sessionMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SESSION_DOC.meta);
}
export function sessionDelegations(doc: Y.Doc): Y.Array<Delegation> {
  return doc.getArray<Delegation>(SESSION_DOC.delegations);
}
export function sessionAgenda(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(SESSION_DOC.agenda);
}

/** The session doc as plain JSON, as `GET /api/sessions/:sid` returns it and the client renders it. */
export function readSession(doc: Y.Doc): SessionView {
  const meta = sessionMeta(doc).toJSON() as SessionMeta;
  return {
    meta: { ...meta, state: meta.state ?? 'scheduled' },
    delegations: sessionDelegations(doc).toArray(),
    agenda: readAgenda(doc).map((item, i) => ({ ...item, number: i + 1 })),
    paragraphs: paragraphStatuses(doc).toJSON() as Record<string, ParagraphStatusEntry>,
    comments: [...sessionComments(doc).values()].sort((a, b) => a.at - b.at),
    revisions: sessionRevisions(doc).toArray(),
    numbers: assignedNumbers(doc),
    silence: currentSilence(doc) ?? null,
    cbms: [...sessionMeasures(doc).values()].sort((a, b) => a.createdAt - b.createdAt),
    commitments: [...sessionCommitments(doc).values()].sort((a, b) => a.createdAt - b.createdAt),
    feed: sessionFeed(doc).toArray(),
    attendance: sessionAttendance(doc).toJSON() as Record<string, AttendanceRecord>,
  };
}

export function readAgenda(doc: Y.Doc): AgendaItem[] {
  return sessionAgenda(doc)
    .toArray()
    .map((m) => m.toJSON() as AgendaItem);
}

export interface NewSession {
  title: string;
  venue?: string;
  date?: string;
  host?: string;
  delegations: Delegation[];
  agenda: Pick<AgendaItem, 'id' | 'title' | 'description' | 'durationMin'>[];
  createdAt: number;
}

/** Writes a new sitting into an empty session doc, in one transaction. */
export function initSessionDoc(doc: Y.Doc, s: NewSession, origin: unknown): void {
  doc.transact(() => {
    const meta = sessionMeta(doc);
    meta.set('title', s.title);
    if (s.venue) meta.set('venue', s.venue);
    if (s.date) meta.set('date', s.date);
    if (s.host) meta.set('host', s.host);
    meta.set('state', 'scheduled' satisfies SessionState);
    meta.set('createdAt', s.createdAt);
    sessionDelegations(doc).push(s.delegations);
    sessionAgenda(doc).push(
      s.agenda.map((item) => {
        const m = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(item)) if (v !== undefined) m.set(k, v);
        m.set('state', 'pending' satisfies AgendaItemState);
        return m;
      }),
    );
  }, origin);
}
