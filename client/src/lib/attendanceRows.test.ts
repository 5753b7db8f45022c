import { describe, expect, it } from 'vitest';
import type { AgendaItemView, AttendanceRecord, Delegation } from '@plenary/shared';
import { attendanceRows, attendanceSummary, itemAttendance, markAction } from './attendanceRows';

const delegations: Delegation[] = [
  { id: 'af', name: 'Afghanistan', short: 'AF', color: '#1f77b4', group: 'host' },
  { id: 'pk', name: 'Pakistan', short: 'PK', color: '#d62728', group: 'region' },
  { id: 'cn', name: 'China', short: 'CN', color: '#2ca02c', group: 'region' },
  { id: 'in', name: 'India', short: 'IN', color: '#9467bd', group: 'region' },
];
const MIN = 60_000;
const attendance: Record<string, AttendanceRecord> = {
  af: { connected: true, inRoom: false, intervals: [{ from: 0, to: 10 * MIN }, { from: 20 * MIN }] },
  pk: { connected: false, inRoom: true, intervals: [{ from: 5 * MIN }] },
  cn: { connected: false, inRoom: false, intervals: [{ from: 0, to: 3 * MIN }] },
  in: { connected: true, inRoom: true, intervals: [{ from: 25 * MIN }] },
};

describe('[G5] attendance', () => {
  it('gives each invited delegation, those present first, how it is present and its time present so far', () => {
    const rows = attendanceRows(delegations, attendance, 30 * MIN);
    expect(rows.map((r) => [r.delegation, r.present, r.how, r.presentMs / MIN])).toEqual([
      ['af', true, 'connected', 20],
      ['pk', true, 'in-room', 25],
      ['in', true, 'both', 5],
      ['cn', false, 'absent', 3],
    ]);
    expect(attendanceSummary(rows)).toEqual({ present: 3, invited: 4, connected: 2, markedOnly: 1 });
  });

  it('treats a delegation without a record as absent and never seen', () => {
    const [row] = attendanceRows(delegations, {}, 30 * MIN);
    expect(row).toMatchObject({ delegation: 'af', present: false, how: 'absent', presentMs: 0, seen: false });
  });

  it('lists per item taken up who was present, in the sitting’s order', () => {
    const agenda = [
      { id: 'a', number: 1, title: 'Opening', state: 'closed', attendees: ['cn', 'af', 'cn'] },
      { id: 'b', number: 2, title: 'Security', state: 'open', attendees: ['pk', 'xx'] },
      { id: 'c', number: 3, title: 'Closing', state: 'pending' },
    ] as AgendaItemView[];
    const items = itemAttendance(agenda, delegations);
    expect(items.map((i) => [i.itemId, i.attendees.map((a) => a.short)])).toEqual([
      ['a', ['AF', 'CN']],
      ['b', ['PK', 'XX']],
    ]);
  });

  it('names the chair’s button by what it will do', () => {
    expect(markAction({ name: 'China', inRoom: false, connected: false })).toMatchObject({ present: true, label: 'Mark present' });
    expect(markAction({ name: 'China', inRoom: true, connected: false })).toMatchObject({ present: false, label: 'Mark absent' });
    expect(markAction({ name: 'China', inRoom: true, connected: true })).toMatchObject({ present: false, label: 'Remove mark' });
  });
});
