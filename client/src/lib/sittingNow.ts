import { itemUsedMs, type AgendaItemView, type Delegation, type SessionState } from '@plenary/shared/plain';
import { delegationInfo } from './speakers';
import { i18n } from '../i18n';
import { localDigits } from '../i18n/locale';
import { hoursMinutes } from './format';

/** Where the sitting stands right now, in the words an observer reads first. */

/** `0 min`, `25 min`, `1 h`, `1 h 05 min`; whole minutes, rounded down. */
export function formatDuration(ms: number): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  return hoursMinutes(Math.floor(min / 60), min % 60, undefined, true);
}

/** `45 s` under a minute, then as `formatDuration`. */
export function formatDurationShort(ms: number): string {
  if (ms < 60_000) return i18n.t('time.s', { s: localDigits(String(Math.max(0, Math.floor(ms / 1000)))) });
  return formatDuration(ms);
}

export interface ItemClock {
  usedMs: number;
  /** null: the item has no planned time */
  plannedMs: number | null;
  /** `25 min of 40 planned`, `25 min` */
  text: string;
  over: boolean;
  /** share of the planned time used, 0…1 (1 once over); null without a plan */
  ratio: number | null;
}

/** Elapsed against planned time of an item, live while it is open. */
export function itemClock(item: AgendaItemView, now: number): ItemClock {
  const usedMs = itemUsedMs(item, now);
  const plannedMs = item.durationMin !== undefined ? item.durationMin * 60_000 : null;
  if (plannedMs === null) return { usedMs, plannedMs, text: formatDuration(usedMs), over: false, ratio: null };
  return {
    usedMs,
    plannedMs,
    text: i18n.t('time.ofPlanned', { used: formatDuration(usedMs), planned: formatDuration(plannedMs) }),
    over: usedMs > plannedMs,
    ratio: plannedMs > 0 ? Math.min(1, usedMs / plannedMs) : 1,
  };
}

export function openItemOf(agenda: readonly AgendaItemView[]): AgendaItemView | null {
  return agenda.find((i) => i.state === 'open') ?? null;
}

/** The first item still to be taken up (pending), when none is open. */
export function upcomingItem(agenda: readonly AgendaItemView[]): AgendaItemView | null {
  return agenda.find((i) => i.state === 'pending') ?? null;
}

export interface NextSpeaker {
  delegation: string;
  name: string;
  short: string;
  color: string;
  pointOfOrder: boolean;
}

/** The first `n` on the list of speakers, in the order they will speak. */
export function nextSpeakers(item: AgendaItemView | null, delegations: readonly Delegation[], n = 3): NextSpeaker[] {
  return (item?.queue ?? []).slice(0, n).map((e) => {
    const d = delegationInfo([...delegations], e.delegation);
    return { delegation: e.delegation, name: d.name, short: d.short, color: d.color, pointOfOrder: e.pointOfOrder };
  });
}

/** How many wait after the first `n`. */
export function moreWaiting(item: AgendaItemView | null, n = 3): number {
  return Math.max(0, (item?.queue?.length ?? 0) - n);
}

/** A line for a sitting that is not running: null while it is open. */
export function sittingStateNote(state: SessionState): string | null {
  switch (state) {
    case 'open':
      return null;
    case 'scheduled':
      return i18n.t('sittingNote.scheduled');
    case 'suspended':
      return i18n.t('sittingNote.suspended');
    case 'closed':
      return i18n.t('sittingNote.closed');
  }
}
