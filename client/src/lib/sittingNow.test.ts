import { describe, expect, it } from 'vitest';
import type { AgendaItemView, Delegation } from '@plenary/shared';
import { formatDuration, formatDurationShort, itemClock, moreWaiting, nextSpeakers, openItemOf, sittingStateNote, upcomingItem } from './sittingNow';

const MIN = 60_000;
const NOW = 1_000_000_000;
const delegations: Delegation[] = [
  { id: 'pk', name: 'Pakistan', short: 'PK', color: '#d62728', group: 'region' },
  { id: 'cn', name: 'China', short: 'CN', color: '#2ca02c', group: 'region' },
];
const item = (over: Partial<AgendaItemView>): AgendaItemView => ({ id: 'a', number: 1, title: 'Security', state: 'pending', ...over });

describe('[G5] where the sitting stands', () => {
  it('writes durations in whole minutes and hours', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(25 * MIN + 59_000)).toBe('25 min');
    expect(formatDuration(65 * MIN)).toBe('1 h 05 min');
    expect(formatDuration(120 * MIN)).toBe('2 h');
    expect(formatDurationShort(45_000)).toBe('45 s');
    expect(formatDurationShort(3 * MIN)).toBe('3 min');
  });

  it('gives elapsed against planned time of the open item, live', () => {
    const open = item({ state: 'open', durationMin: 40, usedMs: 5 * MIN, openedAt: NOW - 20 * MIN });
    expect(itemClock(open, NOW)).toEqual({ usedMs: 25 * MIN, plannedMs: 40 * MIN, text: '25 min of 40 min planned', over: false, ratio: 25 / 40 });
    expect(itemClock(open, NOW + 30 * MIN)).toMatchObject({ over: true, ratio: 1 });
    expect(itemClock(item({ state: 'open', openedAt: NOW - 2 * MIN }), NOW)).toMatchObject({ text: '2 min', plannedMs: null, ratio: null });
  });

  it('finds the open item, or the next one to come, and the next three speakers', () => {
    const agenda = [item({ id: 'a', state: 'closed' }), item({ id: 'b', state: 'pending' }), item({ id: 'c', state: 'pending' })];
    expect(openItemOf(agenda)).toBeNull();
    expect(upcomingItem(agenda)?.id).toBe('b');
    const open = item({
      state: 'open',
      queue: [
        { delegation: 'cn', pointOfOrder: true, requestedAt: 1 },
        { delegation: 'pk', pointOfOrder: false, requestedAt: 2 },
        { delegation: 'in', pointOfOrder: false, requestedAt: 3 },
        { delegation: 'us', pointOfOrder: false, requestedAt: 4 },
      ],
    });
    expect(nextSpeakers(open, delegations).map((s) => [s.name, s.pointOfOrder])).toEqual([
      ['China', true],
      ['Pakistan', false],
      ['in', false],
    ]);
    expect(moreWaiting(open)).toBe(1);
    expect(nextSpeakers(null, delegations)).toEqual([]);
  });

  it('says when the sitting is not running', () => {
    expect(sittingStateNote('open')).toBeNull();
    expect(sittingStateNote('suspended')).toBe('The sitting is suspended.');
  });
});
