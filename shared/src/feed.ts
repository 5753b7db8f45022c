import * as Y from 'yjs';
import type { CommandType } from './commands';
import type { Role } from './roles';

/** One line of the sitting's activity feed, in plain words. */
export interface FeedEntry {
  id: string;
  at: number;
  /** actor key */
  actor: string;
  /** delegation the line is about (the actor's, or the one acted on) */
  delegation?: string;
  /** the command's family: agenda, speakers, timer, paragraph, comment, revision, silence, cbm, commitment, session, attendance, focus, invite */
  kind: string;
  /** the line in English, as exports and the API give it */
  text: string;
  /** what the line says, for the viewer's language (`feed.<key>` in the interface); lines written before it carry `text` only */
  key?: string;
  params?: FeedParams;
}

/**
 * The values a feed line names: names and titles as given, states as codes (`agreed-ad-ref`),
 * numbers as numbers, so each viewer reads them in their own language.
 */
export interface FeedParams {
  /** who the line names first: the actor, or the delegation acted for ("Chair", "Pakistan") */
  who?: string;
  /** set when `who` is the chair (or another role without a delegation), whose name is a word of the interface */
  whoRole?: Role;
  /** the delegation acted on, by name */
  delegation?: string;
  /** the agenda item's number and title; both absent when the item was unknown */
  itemNumber?: number;
  itemTitle?: string;
  /** a new place on the agenda, from 1 */
  position?: number;
  seconds?: number;
  /** a commitment's progress, 0–100 */
  progress?: number;
  /** a paragraph's label (`OP3`) when the line was written; absent when unknown */
  paragraph?: string;
  /** the paragraph's id: the line names it by its number now, and by the one above when that changed since (E6) */
  paragraphId?: string;
  /** a measure's title; absent when unknown */
  measure?: string;
  /** a title, reason or action as typed */
  title?: string;
  reason?: string;
  action?: string;
  sessionState?: string;
  paragraphStatus?: string;
  cbmState?: string;
  commitmentStatus?: string;
}

/** A feed line before it is put in words. */
export interface FeedLine {
  key: FeedKey;
  params: FeedParams;
}

export const FEED_DOC = 'feed';
/** the session doc keeps the latest lines only */
export const FEED_MAX = 1000;

export function sessionFeed(doc: Y.Doc): Y.Array<FeedEntry> {
  return doc.getArray<FeedEntry>(FEED_DOC);
}

/** The English of every line; the interface's `feed.<key>` in en.json says the same. */
export const FEED_LINES_EN = {
  'session.opened': '{{who}} opened the sitting',
  'session.suspended': '{{who}} suspended the sitting',
  'session.closed': '{{who}} closed the sitting',
  'session.scheduled': '{{who}} set the sitting to scheduled',
  'session.changed': '{{who}} changed the sitting',
  'agenda.add': '{{who}} added “{{title}}” to the agenda',
  'agenda.update': '{{who}} edited {{item}}',
  'agenda.move': '{{who}} moved {{item}} to position {{position}}',
  'agenda.remove': '{{who}} removed {{item}} from the agenda',
  'agenda.open': '{{who}} opened {{item}}',
  'agenda.close': '{{who}} closed {{item}}',
  'agenda.defer': '{{who}} deferred {{item}}',
  'speakers.request': '{{who}} requested the floor',
  'speakers.requestFor': '{{who}} put {{delegation}} on the list of speakers',
  'speakers.withdraw': '{{who}} withdrew from the list of speakers',
  'speakers.pointOfOrder': '{{who}} raised a point of order',
  'speakers.giveFloor': '{{who}} gave the floor to {{delegation}}',
  'speakers.remove': '{{who}} removed {{delegation}} from the list of speakers',
  'speakers.endSpeech': '{{who}} ended the speech',
  'speakers.close': '{{who}} closed the list of speakers of {{item}}',
  'speakers.reopen': '{{who}} reopened the list of speakers of {{item}}',
  'timer.pause': '{{who}} paused the speaking time',
  'timer.resume': '{{who}} resumed the speaking time',
  'timer.extend': '{{who}} extended the speaking time by {{seconds}} s',
  'paragraph.setStatus': '{{who}} marked {{paragraph}} {{paragraphStatus}}',
  'comment.add': '{{who}} commented on {{paragraph}}',
  'comment.resolve': '{{who}} resolved a comment',
  'revision.create': '{{who}} issued a new revision of the communiqué',
  'silence.start': '{{who}} started a silence procedure',
  'silence.break': '{{who}} broke silence: {{reason}}',
  'silence.withdraw': '{{who}} withdrew the silence procedure',
  'cbm.propose': '{{who}} proposed the measure “{{title}}”',
  'cbm.edit': '{{who}} edited the measure “{{measure}}”',
  'cbm.cosponsor': '{{who}} co-sponsored “{{measure}}”',
  'cbm.uncosponsor': '{{who}} stopped co-sponsoring “{{measure}}”',
  'cbm.withdraw': '{{who}} withdrew “{{measure}}”',
  'cbm.setState': '{{who}} marked “{{measure}}” {{cbmState}}',
  'cbm.comment': '{{who}} commented on “{{measure}}”',
  'commitment.add': '{{who}} committed to “{{action}}” under “{{measure}}”',
  'commitment.report': '{{who}} reported on a commitment',
  'commitment.reportProgress': '{{who}} reported on a commitment ({{progress}} %)',
  'commitment.reportStatus': '{{who}} reported on a commitment: {{commitmentStatus}}',
  'commitment.reportProgressStatus': '{{who}} reported on a commitment ({{progress}} %): {{commitmentStatus}}',
  'attendance.present': '{{who}} marked {{delegation}} present in the room',
  'attendance.absent': '{{who}} marked {{delegation}} absent from the room',
  'invite.revoke': '{{who}} revoked the invite link of {{delegation}} and made a new one',
  'invite.revokeObservers': "{{who}} revoked the observers' invite link and made a new one",
  'bracket.join': '{{who}} joined the bracket of {{delegation}} in {{paragraph}}',
  'bracket.lift': '{{who}} lifted the bracket of {{delegation}} in {{paragraph}}',
} as const;
export type FeedKey = keyof typeof FEED_LINES_EN;

/** Phrases the lines put in their placeholders (`feed.ref.<phrase>` in the interface). */
export const FEED_PHRASES_EN = {
  item: 'item {{number}} — {{title}}',
  anItem: 'an item',
  aParagraph: 'a paragraph',
  paragraphWas: '{{paragraph}} (was {{was}})',
  aMeasure: 'a measure',
} as const;
export type FeedPhrase = keyof typeof FEED_PHRASES_EN;

/** Every key under `feed.` that the lines need in each language. */
export const FEED_KEYS: readonly string[] = [...Object.keys(FEED_LINES_EN), ...Object.keys(FEED_PHRASES_EN).map((p) => `ref.${p}`)];

export type FeedCode = 'sessionState' | 'paragraphStatus' | 'cbmState' | 'commitmentStatus';

/** How a language says what a line's values stand for. */
export interface FeedWords {
  phrase(phrase: FeedPhrase, vars?: Record<string, string>): string;
  code(kind: FeedCode, value: string): string;
  number(n: number): string;
  role(role: Role, name: string): string;
  /** a name, title or typed text, as given (a right-to-left language may isolate it) */
  name(text: string): string;
}

const FEED_CODES: readonly FeedCode[] = ['sessionState', 'paragraphStatus', 'cbmState', 'commitmentStatus'];

/** A paragraph's label now, by id; undefined when it is gone (the line then keeps the label it was written with). */
export type CurrentLabel = (paragraphId: string) => string | undefined;

/** "OP3", or "OP3 (was OP2 bis)" when the paragraph has been renumbered since the line was written. */
function paragraphVar(p: FeedParams, w: FeedWords, currentLabel?: CurrentLabel): string {
  const now = p.paragraphId !== undefined ? currentLabel?.(p.paragraphId) : undefined;
  if (now === undefined) return p.paragraph !== undefined ? w.name(p.paragraph) : w.phrase('aParagraph');
  if (p.paragraph === undefined || p.paragraph === now) return w.name(now);
  return w.phrase('paragraphWas', { paragraph: w.name(now), was: w.name(p.paragraph) });
}

/** The values to put in a line's placeholders, in the words of one language; paragraphs by their label now when it is known. */
export function feedVars(p: FeedParams, w: FeedWords, currentLabel?: CurrentLabel): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const k of ['who', 'delegation', 'title', 'reason', 'action'] as const) if (p[k] !== undefined) vars[k] = w.name(p[k]);
  if (p.who !== undefined && p.whoRole) vars.who = w.role(p.whoRole, p.who);
  for (const k of ['position', 'seconds', 'progress'] as const) if (p[k] !== undefined) vars[k] = w.number(p[k]);
  for (const k of FEED_CODES) if (p[k] !== undefined) vars[k] = w.code(k, p[k]);
  vars.item = p.itemNumber !== undefined ? w.phrase('item', { number: w.number(p.itemNumber), title: w.name(p.itemTitle ?? '') }) : w.phrase('anItem');
  vars.paragraph = paragraphVar(p, w, currentLabel);
  vars.measure = p.measure !== undefined ? w.name(p.measure) : w.phrase('aMeasure');
  return vars;
}

/** `{{name}}` placeholders filled in one pass: a value is never read as a template. */
export function fillTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
}

const ENGLISH: FeedWords = {
  phrase: (phrase, vars = {}) => fillTemplate(FEED_PHRASES_EN[phrase], vars),
  code: (_, value) => value.replace(/-/g, ' '),
  number: (n) => String(n),
  role: (_, name) => name,
  name: (text) => text,
};

/** The line in English: the `text` stored beside it; with `currentLabel`, as it reads now (E6). */
export function feedEnglish(line: FeedLine, currentLabel?: CurrentLabel): string {
  return fillTemplate(FEED_LINES_EN[line.key], feedVars(line.params, ENGLISH, currentLabel));
}

/** What a feed line may name, read from the sitting around the command. */
export interface FeedContext {
  /** "Chair", "Pakistan" */
  actorName: string;
  /** the actor's role: the chair is named in each viewer's language */
  actorRole?: Role;
  delegationName(id: string): string;
  /** an agenda item as it was before the command (items may be removed by it) */
  item(id: string): { number: number; title: string } | undefined;
  paragraphLabel(id: string): string | undefined;
  measureTitle(id: string): string | undefined;
  /** who has the floor on the open item after the command */
  floorAfter?: string;
}

type P = Record<string, unknown>;

const SESSION_KEYS: Record<string, FeedKey> = {
  open: 'session.opened',
  suspended: 'session.suspended',
  closed: 'session.closed',
  scheduled: 'session.scheduled',
};

/** Only the values that are there: a line stores no `undefined`. */
function defined(p: { [K in keyof FeedParams]: FeedParams[K] | undefined }): FeedParams {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as FeedParams;
}

/** The feed line for an applied command; null for commands that are not worth a line. */
export function feedLine(type: CommandType, payload: P, c: FeedContext): FeedLine | null {
  const actor = defined({ who: c.actorName, whoRole: c.actorRole && c.actorRole !== 'delegate' ? c.actorRole : undefined });
  const del = (id: unknown) => c.delegationName(String(id));
  /** the delegation acted for when one is named, else the actor */
  const subject = payload.delegation ? { who: del(payload.delegation) } : actor;
  const item = (id: unknown) => {
    const i = c.item(String(id));
    return i ? { itemNumber: i.number, itemTitle: i.title } : {};
  };
  const paragraph = (id: unknown) => defined({ paragraph: c.paragraphLabel(String(id)), paragraphId: String(id) });
  const measure = (id: unknown) => defined({ measure: c.measureTitle(String(id)) });
  const line = (key: FeedKey, params: FeedParams = {}): FeedLine => ({ key, params: { ...actor, ...params } });
  switch (type) {
    case 'session.setState':
      return line(SESSION_KEYS[String(payload.state)] ?? 'session.changed', { sessionState: String(payload.state) });
    case 'agenda.add':
      return line('agenda.add', { title: String(payload.title) });
    case 'agenda.update':
    case 'agenda.remove':
    case 'agenda.open':
    case 'agenda.close':
    case 'agenda.defer':
    case 'speakers.close':
    case 'speakers.reopen':
      return line(type, item(payload.itemId));
    case 'agenda.move':
      return line('agenda.move', { ...item(payload.itemId), position: Number(payload.toIndex) + 1 });
    case 'speakers.request':
      return payload.delegation && c.actorName !== subject.who
        ? line('speakers.requestFor', { delegation: subject.who })
        : { key: 'speakers.request', params: subject };
    case 'speakers.withdraw':
    case 'speakers.pointOfOrder':
      return { key: type, params: subject };
    case 'speakers.next':
    case 'speakers.giveFloor':
      return line('speakers.giveFloor', { delegation: c.floorAfter ? del(c.floorAfter) : del(payload.delegation) });
    case 'speakers.remove':
      return line('speakers.remove', { delegation: del(payload.delegation) });
    case 'speakers.endSpeech':
    case 'timer.pause':
    case 'timer.resume':
    case 'comment.resolve':
    case 'revision.create':
    case 'silence.start':
    case 'silence.withdraw':
      return line(type);
    case 'timer.extend':
      return line('timer.extend', { seconds: Number(payload.seconds) });
    case 'paragraph.setStatus':
      return line('paragraph.setStatus', { ...paragraph(payload.paragraphId), paragraphStatus: String(payload.status) });
    case 'comment.add':
      return line('comment.add', paragraph(payload.paragraphId));
    case 'silence.break':
      return line('silence.break', { reason: String(payload.reason) });
    case 'cbm.propose':
      return line('cbm.propose', { title: String(payload.title) });
    case 'cbm.edit':
    case 'cbm.cosponsor':
    case 'cbm.uncosponsor':
    case 'cbm.comment':
      return line(type, measure(payload.cbmId));
    case 'cbm.setState':
      return payload.state === 'withdrawn'
        ? line('cbm.withdraw', { ...measure(payload.cbmId), cbmState: 'withdrawn' })
        : line('cbm.setState', { ...measure(payload.cbmId), cbmState: String(payload.state) });
    case 'commitment.add':
      return line('commitment.add', { ...measure(payload.cbmId), action: String(payload.action) });
    case 'commitment.update': {
      const progress = payload.progress !== undefined ? Number(payload.progress) : undefined;
      const status = payload.status ? String(payload.status) : undefined;
      const key = progress !== undefined ? (status ? 'commitment.reportProgressStatus' : 'commitment.reportProgress') : status ? 'commitment.reportStatus' : 'commitment.report';
      return line(key, defined({ progress, commitmentStatus: status }));
    }
    case 'attendance.mark':
      return line(payload.present ? 'attendance.present' : 'attendance.absent', { delegation: del(payload.delegation) });
    case 'invite.revoke':
      return payload.role === 'delegate' ? line('invite.revoke', { delegation: del(payload.delegation) }) : line('invite.revokeObservers');
    case 'focus.set':
      return null;
    default:
      return null;
  }
}

/**
 * The line for a bracket joined or lifted: edits of the text, not commands, which the server notices
 * as it admits them. `holders` are the names of the delegations whose bracket was joined or lifted.
 */
export function bracketFeedLine(
  key: Extract<FeedKey, 'bracket.join' | 'bracket.lift'>,
  c: { actorName: string; actorRole?: Role; holders: readonly string[]; paragraphId: string; paragraphLabel?: string | undefined },
): FeedLine {
  const who = defined({ who: c.actorName, whoRole: c.actorRole && c.actorRole !== 'delegate' ? c.actorRole : undefined });
  return { key, params: { ...who, delegation: c.holders.join(', '), ...defined({ paragraph: c.paragraphLabel }), paragraphId: c.paragraphId } };
}

/** The English sentence for an applied command; null for commands that are not worth a line. */
export function feedText(type: CommandType, payload: P, c: FeedContext): string | null {
  const line = feedLine(type, payload, c);
  return line ? feedEnglish(line) : null;
}
