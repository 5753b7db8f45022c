import { describe, expect, it } from 'vitest';
import { sittingProgress } from './progress';
import type { SessionView } from './session';
import type { CommuniqueSnapshot } from './snapshot';

const NOW = Date.parse('2017-09-02T10:00:00Z');

const view = {
  meta: { title: 'T', state: 'open', createdAt: 0 },
  delegations: ['af', 'pk', 'cn', 'in'].map((id) => ({ id, name: id, short: id, color: '#000000', group: 'region' })),
  agenda: [
    { id: 'a', number: 1, title: 'Opening', state: 'closed', durationMin: 10, usedMs: 12 * 60_000 },
    { id: 'b', number: 2, title: 'Security', state: 'open', durationMin: 60, usedMs: 0, openedAt: NOW - 25 * 60_000 },
    { id: 'c', number: 3, title: 'Closing', state: 'pending' },
  ],
  paragraphs: { p1: { status: 'agreed', by: 'chair', at: 0 }, p2: { status: 'bracketed', by: 'chair', at: 0 }, p4: { status: 'agreed-ad-ref', by: 'chair', at: 0 } },
  comments: [],
  revisions: [],
  silence: null,
  cbms: [
    { id: 'm1', state: 'endorsed' },
    { id: 'm2', state: 'endorsed' },
    { id: 'm3', state: 'proposed' },
  ],
  commitments: [
    { id: 'k1', status: 'in-progress', progress: 50, deadline: '2017-12-01' },
    { id: 'k2', status: 'planned', progress: 0, deadline: '2017-09-01' },
    { id: 'k3', status: 'done', progress: 100, deadline: '2017-08-01' },
    { id: 'k4', status: 'stalled', progress: 10 },
  ],
  feed: [],
  attendance: {
    af: { connected: true, inRoom: false, intervals: [{ from: 0 }] },
    pk: { connected: false, inRoom: true, intervals: [{ from: 0 }] },
    cn: { connected: false, inRoom: false, intervals: [{ from: 0, to: 5 }] },
  },
} as unknown as SessionView;

const communique: CommuniqueSnapshot = {
  title: 'C',
  paragraphs: [
    { id: 'p1', kind: 'pp', runs: [] },
    { id: 'p2', kind: 'op', runs: [] },
    { id: 'p3', kind: 'op', runs: [] },
    { id: 'p4', kind: 'op', runs: [] },
    { id: 't', kind: 'text', runs: [] },
  ],
};

describe('[G4] the progress strip', () => {
  it('counts paragraphs by status, CBMs by state, commitments on track and overdue, presence and time', () => {
    expect(sittingProgress(view, communique, NOW)).toEqual({
      paragraphs: { open: 1, bracketed: 1, 'agreed-ad-ref': 1, agreed: 1, total: 4 },
      cbms: { proposed: 1, 'under-discussion': 0, endorsed: 2, 'not-endorsed': 0, withdrawn: 0, total: 3 },
      commitments: { total: 4, onTrack: 1, overdue: 1, done: 1, stalled: 1 },
      delegations: { present: 2, invited: 4 },
      time: { usedMs: 37 * 60_000, plannedMs: 70 * 60_000 },
    });
  });

  it('[L4] counts a paragraph left open but carrying brackets as bracketed; a set status stands', () => {
    const bracketed = [{ text: 'Calls upon', brackets: ['pk'] }];
    const withBrackets: CommuniqueSnapshot = {
      ...communique,
      paragraphs: communique.paragraphs.map((p) => (p.id === 'p3' || p.id === 'p4' ? { ...p, runs: bracketed } : p)),
    };
    expect(sittingProgress(view, withBrackets, NOW).paragraphs).toEqual({ open: 0, bracketed: 2, 'agreed-ad-ref': 1, agreed: 1, total: 4 });
  });

  it('[L11] an id two paragraphs carry (a text stored before L11) counts neither as agreed', () => {
    const copied: CommuniqueSnapshot = { ...communique, paragraphs: [...communique.paragraphs, { id: 'p1', kind: 'op', runs: [] }] };
    expect(sittingProgress(view, copied, NOW).paragraphs).toEqual({ open: 3, bracketed: 1, 'agreed-ad-ref': 1, agreed: 0, total: 5 });
  });
});
