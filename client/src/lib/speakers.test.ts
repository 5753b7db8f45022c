import { describe, expect, it } from 'vitest';
import type { AgendaItem, Delegation } from '@plenary/shared';
import { floorButtons, spokenAgainstBudget, timeSpokenRows } from './speakers';

const open = (p: Partial<AgendaItem> = {}): AgendaItem => ({ id: 'i3', title: 'Security', state: 'open', openedAt: 0, ...p });
const entry = (delegation: string, pointOfOrder = false) => ({ delegation, pointOfOrder, requestedAt: 1 });
const floor = (delegation: string, runningSince: number | null = 0) => ({
  delegation,
  pointOfOrder: false,
  startedAt: 0,
  allottedMs: 180_000,
  elapsedMs: 0,
  runningSince,
});

describe('floor buttons of a delegate', () => {
  it('offers the floor and a point of order to a delegation not on the list', () => {
    expect(floorButtons(open(), 'pk')).toEqual({ request: 'show', pointOfOrder: true, withdraw: false, place: null, speaking: false });
  });
  it('says the list is closed, but still allows a point of order', () => {
    expect(floorButtons(open({ speakersClosed: true }), 'pk')).toMatchObject({ request: 'closed', pointOfOrder: true });
  });
  it('offers withdrawal once on the list, and a point of order unless already raised', () => {
    expect(floorButtons(open({ queue: [entry('in'), entry('pk')] }), 'pk')).toMatchObject({ request: 'hidden', withdraw: true, pointOfOrder: true, place: 2 });
    expect(floorButtons(open({ queue: [entry('pk', true)] }), 'pk')).toMatchObject({ request: 'hidden', withdraw: true, pointOfOrder: false, place: 1 });
  });
  it('offers nothing to the delegation speaking', () => {
    expect(floorButtons(open({ floor: floor('pk') }), 'pk')).toEqual({ request: 'hidden', pointOfOrder: false, withdraw: false, place: null, speaking: true });
  });
});

describe('time spoken', () => {
  const delegations: Delegation[] = [
    { id: 'pk', name: 'Pakistan', short: 'PK', color: '#1f77b4', group: 'region' },
    { id: 'in', name: 'India', short: 'IN', color: '#d62728', group: 'region' },
  ];
  it('counts the running speech and compares with the budget', () => {
    const item = open({ spokenMs: { pk: 60_000 }, floor: floor('pk', 100_000), budgetSec: 120 });
    expect(spokenAgainstBudget(item, 'pk', 130_000)).toEqual({ text: '1:30 / 2:00', over: false });
    expect(spokenAgainstBudget(item, 'pk', 161_000)).toEqual({ text: '2:01 / 2:00', over: true });
    expect(spokenAgainstBudget(open(), 'in', 0)).toEqual({ text: '0:00', over: false });
  });
  it('totals the sitting, longest first', () => {
    const done: AgendaItem = { id: 'i1', title: 'Opening', state: 'closed', spokenMs: { in: 30_000, pk: 10_000 } };
    const item = open({ spokenMs: { pk: 5_000 }, floor: floor('pk', 0) });
    const rows = timeSpokenRows([done, item], delegations, item, 40_000);
    expect(rows.map((r) => [r.name, r.itemMs, r.sittingMs])).toEqual([
      ['Pakistan', 45_000, 55_000],
      ['India', 0, 30_000],
    ]);
    expect(timeSpokenRows([done], delegations, null, 0).map((r) => r.itemMs)).toEqual([0, 0]);
  });
});
