import type * as Y from 'yjs';
import {
  actorKey,
  assignedNumbers,
  bracketFeedLine,
  FEED_MAX,
  feedEnglish,
  feedLine,
  newId,
  paragraphLabel,
  readAgenda,
  sessionDelegations,
  sessionFeed,
  sessionMeasures,
  type Actor,
  type AgendaItem,
  type CommandType,
  type FeedEntry,
} from '@plenary/shared';

export interface FeedInput {
  actor: Actor;
  type: CommandType;
  payload: Record<string, unknown>;
  now: number;
  /** the agenda before the command: a removed item is still named */
  agendaBefore: AgendaItem[];
  communique?: Y.Doc | undefined;
}

/** Adds the line of an applied command to the sitting's feed, in English and as a key with its values, in the same transaction. */
export function appendFeed(doc: Y.Doc, input: FeedInput): void {
  const { actor, type, payload, now, agendaBefore, communique } = input;
  const names = new Map(sessionDelegations(doc).toArray().map((d) => [d.id, d.name]));
  const open = readAgenda(doc).find((i) => i.state === 'open');
  const line = feedLine(type, payload, {
    actorName: actor.name,
    actorRole: actor.role,
    delegationName: (id) => names.get(id) ?? id,
    item: (id) => {
      const index = agendaBefore.findIndex((i) => i.id === id);
      return index < 0 ? undefined : { number: index + 1, title: agendaBefore[index]!.title };
    },
    paragraphLabel: (id) => (communique ? paragraphLabel(communique, id, assignedNumbers(doc)) : undefined),
    measureTitle: (id) => sessionMeasures(doc).get(id)?.title,
    ...(open?.floor ? { floorAfter: open.floor.delegation } : {}),
  });
  if (!line) return;
  const delegation = typeof payload.delegation === 'string' ? payload.delegation : actor.delegation;
  pushLine(doc, { id: newId('f-'), at: now, actor: actorKey(actor), ...(delegation ? { delegation } : {}), kind: type.split('.')[0]!, text: feedEnglish(line), key: line.key, params: line.params });
}

function pushLine(doc: Y.Doc, entry: FeedEntry): void {
  const feed = sessionFeed(doc);
  feed.push([entry]);
  if (feed.length > FEED_MAX) feed.delete(0, feed.length - FEED_MAX);
}

export interface BracketFeedInput {
  actor: Actor;
  key: 'bracket.join' | 'bracket.lift';
  /** delegation ids of the brackets joined or lifted */
  holders: readonly string[];
  paragraphId: string;
  communique: Y.Doc;
  now: number;
}

/** Adds the line of a bracket joined or lifted, an edit of the text the server noticed as it admitted it. */
export function appendBracketFeed(doc: Y.Doc, input: BracketFeedInput): void {
  const { actor, key, holders, paragraphId, communique, now } = input;
  const names = new Map(sessionDelegations(doc).toArray().map((d) => [d.id, d.name]));
  const line = bracketFeedLine(key, {
    actorName: actor.name,
    actorRole: actor.role,
    holders: holders.map((id) => names.get(id) ?? id),
    paragraphId,
    paragraphLabel: paragraphLabel(communique, paragraphId, assignedNumbers(doc)),
  });
  // the joining delegation, or the one whose bracket the chair lifted
  const delegation = actor.delegation ?? (holders.length === 1 ? holders[0] : undefined);
  pushLine(doc, { id: newId('f-'), at: now, actor: actorKey(actor), ...(delegation ? { delegation } : {}), kind: 'paragraph', text: feedEnglish(line), key: line.key, params: line.params });
}
