import { CHAIR_COLOR, type Comment, type Delegation, type ParagraphStatus, type Role, type Silence } from '@plenary/shared/plain';
import type { DelegationInfo } from '../editor/draftingContext';
import { i18n } from '../i18n';
import { PARAGRAPH_STATUS_LABEL } from './statusWords';

export const STATUS_LABEL: Record<ParagraphStatus, string> = PARAGRAPH_STATUS_LABEL;

/** A shape beside the words, so the status does not rest on colour alone. */
export const STATUS_ICON: Record<ParagraphStatus, string> = {
  open: '○',
  bracketed: '◐',
  'agreed-ad-ref': '◑',
  agreed: '●',
};

export const STATUSES: readonly ParagraphStatus[] = ['open', 'bracketed', 'agreed-ad-ref', 'agreed'];

export function delegationIndex(delegations: readonly Delegation[]): Record<string, DelegationInfo> {
  return Object.fromEntries(delegations.map((d) => [d.id, { id: d.id, name: d.name, short: d.short, color: d.color }]));
}

/** `delegate:pk` → "Pakistan", `chair` → "Chair", `server` → "Plenary". */
export function actorName(actor: string | null, delegations: Readonly<Record<string, DelegationInfo>>): string {
  if (!actor) return i18n.t('actor.unverified');
  if (actor === 'chair') return i18n.t('actor.chair');
  if (actor === 'server') return i18n.t('actor.server');
  if (actor === 'observer') return i18n.t('actor.observer');
  const id = actor.startsWith('delegate:') ? actor.slice('delegate:'.length) : actor;
  return delegations[id]?.name ?? id.toUpperCase();
}

/** Each delegation's one colour, and the chair's: the authorship tint uses them. */
export function actorColors(delegations: readonly Delegation[]): Record<string, string> {
  return { chair: CHAIR_COLOR, ...Object.fromEntries(delegations.map((d) => [`delegate:${d.id}`, d.color])) };
}

/** The actor key the server gives us (see `actorKey` in shared). */
export function myActor(role: Role, delegation?: string): string {
  return role === 'delegate' ? `delegate:${delegation}` : role;
}

export interface Thread {
  comment: Comment;
  replies: Comment[];
}

/** A paragraph's comments as threads: top-level comments in order, replies one level under them. */
export function threadsOf(comments: readonly Comment[], paragraphId: string): Thread[] {
  const mine = comments.filter((c) => c.paragraphId === paragraphId);
  const top = mine.filter((c) => !c.replyTo || !mine.some((p) => p.id === c.replyTo));
  return top.map((comment) => ({ comment, replies: mine.filter((c) => c.replyTo === comment.id && c !== comment) }));
}

export function unresolvedCount(comments: readonly Comment[], paragraphId: string): number {
  return comments.filter((c) => c.paragraphId === paragraphId && !c.resolved).length;
}

/** Its author or the chair may resolve a comment; observers never. */
export function mayResolve(comment: Comment, role: Role, me: string): boolean {
  return !comment.resolved && (role === 'chair' || (role === 'delegate' && comment.author === me));
}

export type ExportFormat = 'md' | 'docx' | 'pdf';

export interface ExportOptions {
  statusNotes: boolean;
  /** a revision number; the live text when absent */
  rev?: number | undefined;
}

export function exportUrl(sid: string, token: string, format: ExportFormat, o: ExportOptions): string {
  const params = new URLSearchParams({ token });
  if (!o.statusNotes) params.set('status', '0');
  if (o.rev !== undefined) params.set('rev', String(o.rev));
  return `/api/sessions/${encodeURIComponent(sid)}/communique.${format}?${params.toString()}`;
}

/** `4:05`, `1:02:03`; never negative. */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "PP1, PP2 and OP3" */
export function listLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return i18n.t('list.and', { first: labels.slice(0, -1).join(`${i18n.t('list.separator')} `), last: labels.at(-1) });
}

/** What a silence procedure covers, in words: "the whole text", or its paragraphs by their labels. */
export function silenceScope(silence: Silence, labelOf: (paragraphId: string) => string): string {
  return silence.paragraphIds ? listLabels(silence.paragraphIds.map(labelOf)) : i18n.t('silence.wholeText');
}
