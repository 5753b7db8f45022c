import { describe, expect, it } from 'vitest';
import type { CommuniqueSnapshot, Delegation, Measure } from '@plenary/shared';
import { firstWords, focusOptions, focusPayload, focusTarget, focusValue } from './focusTarget';

const delegations: Delegation[] = [
  { id: 'pk', name: 'Pakistan', short: 'PK', color: '#d62728', group: 'region' },
  { id: 'cn', name: 'China', short: 'CN', color: '#2ca02c', group: 'region' },
];
const communique: CommuniqueSnapshot = {
  title: 'Communiqué',
  paragraphs: [
    { id: 'p1', kind: 'pp', label: 'PP1', runs: [{ text: 'Recognizing that a stable Afghanistan is needed to enable a stable region,', brackets: [] }] },
    { id: 'p2', kind: 'op', label: 'OP1', runs: [{ text: 'Calls upon', brackets: ['pk'] }, { text: ' all states to cooperate;', brackets: [] }] },
    { id: 't1', kind: 'text', runs: [] },
  ],
};
const cbms = [
  { id: 'm1', title: 'Border liaison offices', state: 'endorsed', proposer: 'pk', cosponsors: ['cn', 'pk'] },
  { id: 'm2', title: 'Hotline', state: 'withdrawn', proposer: 'chair', cosponsors: [] },
] as unknown as Measure[];

describe('[G5] the focus of the room screen', () => {
  it('finds the focused paragraph with its label, bracketed text and status', () => {
    const t = focusTarget({ paragraphId: 'p2', at: 1 }, communique, { p2: { status: 'bracketed', by: 'chair', at: 1 } }, cbms, delegations);
    expect(t).toMatchObject({ kind: 'paragraph', id: 'p2', label: 'OP1', text: '[Calls upon] all states to cooperate;', status: 'bracketed' });
    expect(focusTarget({ paragraphId: 'p1', at: 1 }, communique, {}, cbms, delegations)).toMatchObject({ label: 'PP1', status: 'open' });
  });

  it('finds the focused measure with its state and sponsors, the proposer first', () => {
    expect(focusTarget({ cbmId: 'm1', at: 1 }, communique, {}, cbms, delegations)).toEqual({
      kind: 'cbm',
      id: 'm1',
      title: 'Border liaison offices',
      state: 'endorsed',
      sponsors: ['Pakistan', 'China'],
    });
    expect(focusTarget({ cbmId: 'm2', at: 1 }, communique, {}, cbms, delegations)).toMatchObject({ sponsors: ['the Chair'] });
  });

  it('says when the focus is not in our copy, and null without focus', () => {
    expect(focusTarget({ paragraphId: 'gone', at: 1 }, communique, {}, cbms, delegations)).toEqual({ kind: 'missing', id: 'gone', what: 'paragraph' });
    expect(focusTarget({ paragraphId: 'p1', at: 1 }, null, {}, cbms, delegations)).toMatchObject({ kind: 'missing' });
    expect(focusTarget(undefined, communique, {}, cbms, delegations)).toBeNull();
    expect(focusTarget({ at: 1 }, communique, {}, cbms, delegations)).toBeNull();
  });

  it('offers paragraphs by label and first words, and measures still live', () => {
    const o = focusOptions(communique, cbms);
    expect(o.paragraphs).toEqual([
      { value: 'p:p1', label: 'PP1 — Recognizing that a stable Afghanistan is needed to…' },
      { value: 'p:p2', label: 'OP1 — [Calls upon] all states to cooperate;' },
      { value: 'p:t1', label: '¶ — (empty)' },
    ]);
    expect(o.measures).toEqual([{ value: 'c:m1', label: 'Border liaison offices (endorsed)' }]);
  });

  it('turns picker values into focus.set payloads and back', () => {
    expect(focusPayload('p:p2')).toEqual({ paragraphId: 'p2' });
    expect(focusPayload('c:m1')).toEqual({ cbmId: 'm1' });
    expect(focusPayload('')).toEqual({});
    expect(focusPayload('p:')).toEqual({});
    expect(focusValue({ paragraphId: 'p2', at: 1 })).toBe('p:p2');
    expect(focusValue({ cbmId: 'm1', at: 1 })).toBe('c:m1');
    expect(focusValue(undefined)).toBe('');
  });

  it('shortens a paragraph to its first words', () => {
    expect(firstWords('  one two   three ', 2)).toBe('one two…');
    expect(firstWords('one two', 2)).toBe('one two');
  });
});
