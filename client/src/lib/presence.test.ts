import { describe, expect, it } from 'vitest';
import { CHAIR_COLOR, OBSERVER_COLOR, type Delegation, type PresenceEntry } from '@plenary/shared';
import { delegationsPresent, presenceRows } from './presence';

const delegations: Delegation[] = [
  { id: 'af', name: 'Afghanistan', short: 'AF', color: '#1f77b4', group: 'host' },
  { id: 'pk', name: 'Pakistan', short: 'PK', color: '#d62728', group: 'region' },
  { id: 'cn', name: 'China', short: 'CN', color: '#2ca02c', group: 'region' },
];

const entries: PresenceEntry[] = [
  { key: 'observer', role: 'observer', name: 'Observer', connections: 3 },
  { key: 'delegate:cn', role: 'delegate', delegation: 'cn', name: 'China', connections: 1 },
  { key: 'delegate:pk', role: 'delegate', delegation: 'pk', name: 'Pakistan', connections: 2 },
  { key: 'chair', role: 'chair', name: 'Chair', connections: 1 },
];

describe('presenceRows', () => {
  it('puts the chair first, delegations in the sitting’s order, observers last', () => {
    expect(presenceRows(entries, delegations).map((r) => r.key)).toEqual(['chair', 'delegate:pk', 'delegate:cn', 'observer']);
  });

  it('gives each row its one colour', () => {
    const rows = presenceRows(entries, delegations);
    expect(rows.map((r) => r.color)).toEqual([CHAIR_COLOR, '#d62728', '#2ca02c', OBSERVER_COLOR]);
    expect(rows[1]).toMatchObject({ name: 'Pakistan', short: 'PK', connections: 2 });
  });

  it('still lists a delegation the sitting doc does not know yet', () => {
    const rows = presenceRows([{ key: 'delegate:un', role: 'delegate', delegation: 'un', name: 'United Nations', connections: 1 }], []);
    expect(rows[0]).toMatchObject({ name: 'United Nations', color: OBSERVER_COLOR });
  });

  it('counts delegations, not tabs or people', () => {
    expect(delegationsPresent(entries)).toBe(2);
  });
});
