import * as Y from 'yjs';
import type { CommandType } from './commands';

/** One line of the sitting's activity feed, in plain words. */
export interface FeedEntry {
  id: string;
  at: number;
  /** actor key */
  actor: string;
  /** delegation the line is about (the actor's, or the one acted on) */
  delegation?: string;
  /** the command's family: agenda, speakers, timer, paragraph, comment, revision, silence, cbm, commitment, session, attendance, focus */
  kind: string;
  text: string;
}

export const FEED_DOC = 'feed';
/** the session doc keeps the latest lines only */
export const FEED_MAX = 1000;

export function sessionFeed(doc: Y.Doc): Y.Array<FeedEntry> {
  return doc.getArray<FeedEntry>(FEED_DOC);
}

/** What a feed line may name, read from the sitting around the command. */
export interface FeedContext {
  /** "Chair", "Pakistan" */
  actorName: string;
  delegationName(id: string): string;
  /** an agenda item as it was before the command (items may be removed by it) */
  item(id: string): { number: number; title: string } | undefined;
  paragraphLabel(id: string): string | undefined;
  measureTitle(id: string): string | undefined;
  /** who has the floor on the open item after the command */
  floorAfter?: string;
}

type P = Record<string, unknown>;

const STATE_WORDS: Record<string, string> = {
  open: 'opened the sitting',
  suspended: 'suspended the sitting',
  closed: 'closed the sitting',
  scheduled: 'set the sitting to scheduled',
};

/** The feed line for an applied command; null for commands that are not worth a line. */
export function feedText(type: CommandType, payload: P, c: FeedContext): string | null {
  const who = c.actorName;
  const item = (id: unknown) => {
    const i = c.item(String(id));
    return i ? `item ${i.number} — ${i.title}` : 'an item';
  };
  const del = (id: unknown) => c.delegationName(String(id));
  const subject = payload.delegation ? del(payload.delegation) : who;
  const para = (id: unknown) => c.paragraphLabel(String(id)) ?? 'a paragraph';
  const measure = (id: unknown) => `“${c.measureTitle(String(id)) ?? 'a measure'}”`;
  switch (type) {
    case 'session.setState':
      return `${who} ${STATE_WORDS[String(payload.state)] ?? 'changed the sitting'}`;
    case 'agenda.add':
      return `${who} added “${String(payload.title)}” to the agenda`;
    case 'agenda.update':
      return `${who} edited ${item(payload.itemId)}`;
    case 'agenda.move':
      return `${who} moved ${item(payload.itemId)} to position ${Number(payload.toIndex) + 1}`;
    case 'agenda.remove':
      return `${who} removed ${item(payload.itemId)} from the agenda`;
    case 'agenda.open':
      return `${who} opened ${item(payload.itemId)}`;
    case 'agenda.close':
      return `${who} closed ${item(payload.itemId)}`;
    case 'agenda.defer':
      return `${who} deferred ${item(payload.itemId)}`;
    case 'speakers.request':
      return payload.delegation && c.actorName !== subject ? `${who} put ${subject} on the list of speakers` : `${subject} requested the floor`;
    case 'speakers.withdraw':
      return `${subject} withdrew from the list of speakers`;
    case 'speakers.pointOfOrder':
      return `${subject} raised a point of order`;
    case 'speakers.next':
    case 'speakers.giveFloor':
      return `${who} gave the floor to ${c.floorAfter ? del(c.floorAfter) : del(payload.delegation)}`;
    case 'speakers.remove':
      return `${who} removed ${del(payload.delegation)} from the list of speakers`;
    case 'speakers.endSpeech':
      return `${who} ended the speech`;
    case 'speakers.close':
      return `${who} closed the list of speakers of ${item(payload.itemId)}`;
    case 'speakers.reopen':
      return `${who} reopened the list of speakers of ${item(payload.itemId)}`;
    case 'timer.pause':
      return `${who} paused the speaking time`;
    case 'timer.resume':
      return `${who} resumed the speaking time`;
    case 'timer.extend':
      return `${who} extended the speaking time by ${Number(payload.seconds)} s`;
    case 'paragraph.setStatus':
      return `${who} marked ${para(payload.paragraphId)} ${String(payload.status).replace(/-/g, ' ')}`;
    case 'comment.add':
      return `${who} commented on ${para(payload.paragraphId)}`;
    case 'comment.resolve':
      return `${who} resolved a comment`;
    case 'revision.create':
      return `${who} issued a new revision of the communiqué`;
    case 'silence.start':
      return `${who} started a silence procedure`;
    case 'silence.break':
      return `${who} broke silence: ${String(payload.reason)}`;
    case 'cbm.propose':
      return `${who} proposed the measure “${String(payload.title)}”`;
    case 'cbm.edit':
      return `${who} edited the measure ${measure(payload.cbmId)}`;
    case 'cbm.cosponsor':
      return `${who} co-sponsored ${measure(payload.cbmId)}`;
    case 'cbm.uncosponsor':
      return `${who} stopped co-sponsoring ${measure(payload.cbmId)}`;
    case 'cbm.setState':
      return payload.state === 'withdrawn'
        ? `${who} withdrew ${measure(payload.cbmId)}`
        : `${who} marked ${measure(payload.cbmId)} ${String(payload.state).replace(/-/g, ' ')}`;
    case 'cbm.comment':
      return `${who} commented on ${measure(payload.cbmId)}`;
    case 'commitment.add':
      return `${who} committed to “${String(payload.action)}” under ${measure(payload.cbmId)}`;
    case 'commitment.update':
      return `${who} reported on a commitment${payload.progress !== undefined ? ` (${Number(payload.progress)} %)` : ''}${payload.status ? `: ${String(payload.status).replace(/-/g, ' ')}` : ''}`;
    case 'attendance.mark':
      return payload.present ? `${who} marked ${del(payload.delegation)} present in the room` : `${who} marked ${del(payload.delegation)} absent from the room`;
    case 'focus.set':
      return null;
    default:
      return null;
  }
}
