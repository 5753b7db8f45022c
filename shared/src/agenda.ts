import { PlenaryError } from './errors';
import type { RefusalKey } from './refusals';
import type { AgendaItem, Floor, SpeakerEntry } from './schemas';

export type { AgendaItem, AgendaItemState, Floor, SpeakerEntry } from './schemas';

/**
 * The agenda and the lists of speakers as pure rules over plain values: every function takes the
 * current state and the server's time and returns what changes, or throws a PlenaryError. The
 * server applies the result to the session doc; tests drive these with fake clocks.
 */

export const DEFAULT_SPEAKING_TIME_SEC = 180;

/** The fields of an item a rule may change; `null` removes an optional field. */
export type ItemPatch = { [K in keyof AgendaItem]?: AgendaItem[K] | null };

// ---- reading the clock ----

export function floorElapsedMs(floor: Floor, now: number): number {
  return floor.elapsedMs + (floor.runningSince === null ? 0 : Math.max(0, now - floor.runningSince));
}

/** Negative in overtime. */
export function floorRemainingMs(floor: Floor, now: number): number {
  return floor.allottedMs - floorElapsedMs(floor, now);
}

export function itemUsedMs(item: AgendaItem, now: number): number {
  return (item.usedMs ?? 0) + (item.state === 'open' && item.openedAt !== undefined ? Math.max(0, now - item.openedAt) : 0);
}

/** Time a delegation has spoken on an item, the running speech included. */
export function spokenOnItemMs(item: AgendaItem, delegation: string, now: number): number {
  const done = item.spokenMs?.[delegation] ?? 0;
  return done + (item.floor?.delegation === delegation ? floorElapsedMs(item.floor, now) : 0);
}

/** Time spoken per delegation over the whole sitting, running speech included. */
export function spokenBySitting(items: AgendaItem[], now: number): Record<string, number> {
  const total: Record<string, number> = {};
  for (const item of items) {
    for (const [d, ms] of Object.entries(item.spokenMs ?? {})) total[d] = (total[d] ?? 0) + ms;
    if (item.floor) total[item.floor.delegation] = (total[item.floor.delegation] ?? 0) + floorElapsedMs(item.floor, now);
  }
  return total;
}

/** Time spoken on an item by all delegations, running speech included. */
export function spokenOnItemTotalMs(item: AgendaItem, now: number): number {
  const done = Object.values(item.spokenMs ?? {}).reduce((a, b) => a + b, 0);
  return done + (item.floor ? floorElapsedMs(item.floor, now) : 0);
}

// ---- agenda ----

/** An item as a refusal names it: "item {{number}} ({{title}})", worded by each reader. */
function named(item: AgendaItem, index: number): { number: number; title: string } {
  return { number: index + 1, title: item.title };
}

/** Ends the current speech, if any: its time is added to the delegation's account. */
export function endSpeechPatch(item: AgendaItem, now: number): ItemPatch {
  if (!item.floor) return {};
  const spoken = { ...(item.spokenMs ?? {}) };
  spoken[item.floor.delegation] = (spoken[item.floor.delegation] ?? 0) + floorElapsedMs(item.floor, now);
  return { floor: null, spokenMs: spoken };
}

/** Leaves the open state: the speech ends and the open time is added to the item's time used. */
function leaveOpen(item: AgendaItem, now: number): ItemPatch {
  return {
    ...endSpeechPatch(item, now),
    usedMs: itemUsedMs(item, now),
    closedAt: now,
  };
}

/** `agenda.open`: opens one item and closes the one that was open. */
export function openItem(items: AgendaItem[], itemId: string, now: number): Map<string, ItemPatch> {
  const index = findIndex(items, itemId);
  const item = items[index]!;
  if (item.state === 'open') throw PlenaryError.of('CONFLICT', 'itemAlreadyOpen', named(item, index));
  const patches = new Map<string, ItemPatch>();
  items.forEach((other) => {
    if (other.state === 'open') patches.set(other.id, { ...leaveOpen(other, now), state: 'closed' });
  });
  patches.set(item.id, { state: 'open', openedAt: now });
  return patches;
}

export function closeItem(items: AgendaItem[], itemId: string, now: number): ItemPatch {
  const index = findIndex(items, itemId);
  const item = items[index]!;
  if (item.state !== 'open') throw PlenaryError.of('CONFLICT', 'onlyOpenItemCloses', { ...named(item, index), itemState: item.state });
  return { ...leaveOpen(item, now), state: 'closed' };
}

export function deferItem(items: AgendaItem[], itemId: string, now: number): ItemPatch {
  const index = findIndex(items, itemId);
  const item = items[index]!;
  if (item.state === 'deferred') throw PlenaryError.of('CONFLICT', 'itemAlreadyDeferred', named(item, index));
  if (item.state === 'closed') throw PlenaryError.of('CONFLICT', 'itemClosedNoDefer', named(item, index));
  return item.state === 'open' ? { ...leaveOpen(item, now), state: 'deferred' } : { state: 'deferred' };
}

export function checkRemovable(items: AgendaItem[], itemId: string): void {
  const index = findIndex(items, itemId);
  const item = items[index]!;
  if (item.state === 'open') throw PlenaryError.of('CONFLICT', 'itemOpenNoRemove', named(item, index));
}

export function checkMove(items: AgendaItem[], itemId: string, toIndex: number): number {
  const from = findIndex(items, itemId);
  if (toIndex < 0 || toIndex >= items.length) {
    throw new PlenaryError('INVALID', `toIndex must be between 0 and ${items.length - 1}`);
  }
  return from;
}

// ---- the list of speakers ----

function queueOf(item: AgendaItem): SpeakerEntry[] {
  return item.queue ?? [];
}

function requireOpen(item: AgendaItem, index: number, refusal: RefusalKey): void {
  if (item.state !== 'open') throw PlenaryError.of('CONFLICT', refusal, { ...named(item, index), itemState: item.state });
}

/** `speakers.request`: the delegation joins the end of the list, once. */
export function requestFloor(items: AgendaItem[], itemId: string, delegation: string, now: number): ItemPatch {
  const index = findIndex(items, itemId);
  const item = items[index]!;
  if (item.state === 'closed' || item.state === 'deferred') {
    throw PlenaryError.of('CONFLICT', 'listNotTakingRequests', { ...named(item, index), itemState: item.state });
  }
  if (item.speakersClosed) throw PlenaryError.of('CONFLICT', 'listClosed', named(item, index));
  if (item.floor?.delegation === delegation) throw PlenaryError.of('CONFLICT', 'hasFloor');
  if (queueOf(item).some((e) => e.delegation === delegation)) {
    throw PlenaryError.of('CONFLICT', 'alreadyOnList');
  }
  return { queue: [...queueOf(item), { delegation, pointOfOrder: false, requestedAt: now }] };
}

/**
 * `speakers.pointOfOrder`: the delegation goes to the front, behind earlier points of order,
 * even when the list is closed. A delegation already on the list moves there: it is on the list
 * once.
 */
export function pointOfOrder(items: AgendaItem[], itemId: string, delegation: string, now: number): ItemPatch {
  const index = findIndex(items, itemId);
  const item = items[index]!;
  requireOpen(item, index, 'pointOfOrderOpenItemOnly');
  if (item.floor?.delegation === delegation) throw PlenaryError.of('CONFLICT', 'hasFloor');
  const queue = queueOf(item);
  if (queue.some((e) => e.delegation === delegation && e.pointOfOrder)) {
    throw PlenaryError.of('CONFLICT', 'alreadyPointOfOrder');
  }
  const rest = queue.filter((e) => e.delegation !== delegation);
  const firstOrdinary = rest.findIndex((e) => !e.pointOfOrder);
  const at = firstOrdinary < 0 ? rest.length : firstOrdinary;
  return { queue: [...rest.slice(0, at), { delegation, pointOfOrder: true, requestedAt: now }, ...rest.slice(at)] };
}

export function withdraw(items: AgendaItem[], itemId: string, delegation: string): ItemPatch {
  const index = findIndex(items, itemId);
  const item = items[index]!;
  const queue = queueOf(item);
  if (!queue.some((e) => e.delegation === delegation)) {
    throw PlenaryError.of('NOT_FOUND', 'notOnList', named(item, index));
  }
  return { queue: queue.filter((e) => e.delegation !== delegation) };
}

function takeFloor(item: AgendaItem, entry: SpeakerEntry, now: number): ItemPatch {
  return {
    ...endSpeechPatch(item, now),
    queue: queueOf(item).filter((e) => e.delegation !== entry.delegation),
    floor: {
      delegation: entry.delegation,
      pointOfOrder: entry.pointOfOrder,
      startedAt: now,
      allottedMs: (item.speakingTimeSec ?? DEFAULT_SPEAKING_TIME_SEC) * 1000,
      elapsedMs: 0,
      runningSince: now,
    },
  };
}

/** `speakers.next`: the first on the list takes the floor; the current speech ends. */
export function nextSpeaker(items: AgendaItem[], itemId: string, now: number): ItemPatch {
  const index = findIndex(items, itemId);
  const item = items[index]!;
  requireOpen(item, index, 'floorOpenItemOnly');
  const first = queueOf(item)[0];
  if (!first) throw PlenaryError.of('CONFLICT', 'nobodyWaiting', named(item, index));
  return takeFloor(item, first, now);
}

/** `speakers.giveFloor`: any delegation on the list takes the floor. */
export function giveFloor(items: AgendaItem[], itemId: string, delegation: string, now: number): ItemPatch {
  const index = findIndex(items, itemId);
  const item = items[index]!;
  requireOpen(item, index, 'floorOpenItemOnly');
  const entry = queueOf(item).find((e) => e.delegation === delegation);
  if (!entry) throw PlenaryError.of('NOT_FOUND', 'notOnList', named(item, index));
  return takeFloor(item, entry, now);
}

export function endSpeech(items: AgendaItem[], itemId: string, now: number): ItemPatch {
  const index = findIndex(items, itemId);
  const item = items[index]!;
  if (!item.floor) throw PlenaryError.of('CONFLICT', 'nobodyHasFloorOn', named(item, index));
  return endSpeechPatch(item, now);
}

export function setListClosed(items: AgendaItem[], itemId: string, closed: boolean): ItemPatch {
  const index = findIndex(items, itemId);
  const item = items[index]!;
  if (Boolean(item.speakersClosed) === closed) {
    throw PlenaryError.of('CONFLICT', closed ? 'listAlreadyClosed' : 'listAlreadyOpen', named(item, index));
  }
  return { speakersClosed: closed };
}

// ---- the speaking timer (always the open item's) ----

export function openItemWithFloor(items: AgendaItem[]): AgendaItem {
  const item = items.find((i) => i.state === 'open');
  if (!item) throw PlenaryError.of('CONFLICT', 'noItemOpen');
  if (!item.floor) throw PlenaryError.of('CONFLICT', 'nobodyHasFloor');
  return item;
}

export function pauseTimer(floor: Floor, now: number): Floor {
  if (floor.runningSince === null) throw PlenaryError.of('CONFLICT', 'timerAlreadyPaused');
  return { ...floor, elapsedMs: floorElapsedMs(floor, now), runningSince: null };
}

export function resumeTimer(floor: Floor, now: number): Floor {
  if (floor.runningSince !== null) throw PlenaryError.of('CONFLICT', 'timerAlreadyRunning');
  return { ...floor, runningSince: now };
}

export function extendTimer(floor: Floor, seconds: number): Floor {
  return { ...floor, allottedMs: floor.allottedMs + seconds * 1000 };
}

// ---- helpers ----

function findIndex(items: AgendaItem[], itemId: string): number {
  const index = items.findIndex((i) => i.id === itemId);
  if (index < 0) throw PlenaryError.of('NOT_FOUND', 'noSuchItem', { id: itemId });
  return index;
}
