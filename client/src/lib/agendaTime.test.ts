import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '@plenary/shared';
import { agendaTime } from './agendaTime';

const item = (p: Partial<AgendaItem>): AgendaItem => ({ id: 'i', title: 'Security', state: 'pending', ...p });

describe('agenda time, planned against used', () => {
  it('shows the plan before the item was opened', () => {
    expect(agendaTime(item({ durationMin: 40 }), 0)).toEqual({ text: '40 min', over: false });
    expect(agendaTime(item({}), 0)).toEqual({ text: '', over: false });
  });

  it('counts the open item live, in whole minutes', () => {
    const open = item({ state: 'open', durationMin: 40, openedAt: 1_000_000, usedMs: 10 * 60_000 });
    expect(agendaTime(open, 1_000_000).text).toBe('10 / 40 min');
    expect(agendaTime(open, 1_000_000 + 15 * 60_000 + 59_000).text).toBe('25 / 40 min');
    expect(agendaTime(open, 1_000_000 + 31 * 60_000)).toEqual({ text: '41 / 40 min', over: true });
  });

  it('keeps the time of closed items and of items without a plan', () => {
    expect(agendaTime(item({ state: 'closed', durationMin: 20, usedMs: 18 * 60_000 }), 9e12).text).toBe('18 / 20 min');
    expect(agendaTime(item({ state: 'closed', usedMs: 7 * 60_000 }), 9e12).text).toBe('7 min');
  });

  it('[I3] says planned and used minutes in Dari and Pashto', () => {
    expect(agendaTime(item({ durationMin: 40 }), 0, 'fa-AF').text).toBe('۴۰ دقیقه');
    const open = item({ state: 'open', durationMin: 40, openedAt: 1_000_000, usedMs: 10 * 60_000 });
    expect(agendaTime(open, 1_000_000 + 31 * 60_000, 'ps')).toEqual({ text: '۴۱ / ۴۰ دقیقې', over: true });
    expect(agendaTime(item({ state: 'closed', usedMs: 7 * 60_000 }), 9e12, 'fa-AF').text).toBe('۷ دقیقه');
  });
});
