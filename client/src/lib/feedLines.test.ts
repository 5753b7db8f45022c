import { describe, expect, it } from 'vitest';
import type { Delegation, FeedEntry } from '@plenary/shared';
import { CHAIR_FILTER, delegationFilterOptions, feedLineText, feedLines, kindFilterOptions, matchesFeedFilter, FEED_KINDS } from './feedLines';

const T = Date.parse('2017-06-06T14:02:00Z');
const delegations: Delegation[] = [
  { id: 'af', name: 'Afghanistan', short: 'AF', color: '#1f77b4', group: 'host' },
  { id: 'pk', name: 'Pakistan', short: 'PK', color: '#d62728', group: 'region' },
  { id: 'cn', name: 'China', short: 'CN', color: '#2ca02c', group: 'region' },
];
const feed: FeedEntry[] = [
  { id: 'f1', at: T, actor: 'chair', kind: 'agenda', text: 'Chair opened item 3 — Security cooperation' },
  { id: 'f2', at: T + 3 * 60_000, actor: 'delegate:pk', delegation: 'pk', kind: 'speakers', text: 'Pakistan requested the floor' },
  { id: 'f3', at: T + 3 * 60_000, actor: 'chair', delegation: 'cn', kind: 'speakers', text: 'Chair put China on the list of speakers' },
  { id: 'f4', at: T + 4 * 60_000, actor: 'chair', delegation: 'pk', kind: 'speakers', text: 'Chair gave the floor to Pakistan' },
  { id: 'f5', at: T + 5 * 60_000, actor: 'chair', kind: 'timer', text: 'Chair paused the speaking time' },
  { id: 'f6', at: T + 6 * 60_000, actor: 'delegate:zz', delegation: 'zz', kind: 'attendance', text: 'x' },
];

describe('[G5] the activity feed', () => {
  it('lists the newest line first; lines of the same moment keep the later-added first', () => {
    expect(feedLines(feed).map((e) => e.id)).toEqual(['f6', 'f5', 'f4', 'f3', 'f2', 'f1']);
  });

  it('writes a line with the local time first', () => {
    expect(feedLineText(feed[0]!, 'UTC')).toBe('14:02 Chair opened item 3 — Security cooperation');
    expect(feedLineText(feed[0]!, 'Asia/Kabul')).toBe('18:32 Chair opened item 3 — Security cooperation');
  });

  it('filters by delegation (the one the line is about), by the chair, and by kind', () => {
    expect(feedLines(feed, { delegation: 'pk', kind: '' }).map((e) => e.id)).toEqual(['f4', 'f2']);
    expect(feedLines(feed, { delegation: 'pk', kind: 'speakers' }).map((e) => e.id)).toEqual(['f4', 'f2']);
    expect(feedLines(feed, { delegation: '', kind: 'timer' }).map((e) => e.id)).toEqual(['f5']);
    expect(feedLines(feed, { delegation: CHAIR_FILTER, kind: 'speakers' }).map((e) => e.id)).toEqual(['f4', 'f3']);
    expect(feedLines(feed, { delegation: 'af', kind: '' })).toEqual([]);
    expect(matchesFeedFilter(feed[0]!, { delegation: '', kind: '' })).toBe(true);
  });

  it('offers the delegations named in the feed in the sitting’s order, the chair first, unknown ids last', () => {
    expect(delegationFilterOptions(feed, delegations)).toEqual([
      { value: CHAIR_FILTER, label: 'The chair', count: 4 },
      { value: 'pk', label: 'Pakistan', count: 2 },
      { value: 'cn', label: 'China', count: 1 },
      { value: 'zz', label: 'ZZ', count: 1 },
    ]);
  });

  it('offers every kind with its count', () => {
    const kinds = kindFilterOptions(feed);
    expect(kinds.map((k) => k.value)).toEqual([...FEED_KINDS]);
    expect(kinds.find((k) => k.value === 'speakers')).toEqual({ value: 'speakers', label: 'Speakers', count: 3 });
    expect(kinds.find((k) => k.value === 'cbm')).toMatchObject({ label: 'Measures (CBMs)', count: 0 });
    expect(kindFilterOptions([{ ...feed[0]!, kind: 'focus' }]).at(-1)).toEqual({ value: 'focus', label: 'focus', count: 1 });
  });
});
