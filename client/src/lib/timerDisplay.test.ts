import { describe, expect, it } from 'vitest';
import { floorElapsedMs, floorRemainingMs, type Floor } from '@plenary/shared';
import { floorEndsAt, formatMmSs, formatSpoken, timerDisplay, WARN_MS } from './timerDisplay';

describe('[T1] timer display', () => {
  it('counts down in mm:ss, whole seconds rounded up', () => {
    expect(timerDisplay(180_000, 180_000)).toMatchObject({ digits: '03:00', text: '03:00', tone: 'normal', progress: 0 });
    expect(timerDisplay(179_001, 180_000).digits).toBe('03:00');
    expect(timerDisplay(179_000, 180_000).digits).toBe('02:59');
    expect(timerDisplay(61_000, 180_000).digits).toBe('01:01');
    expect(timerDisplay(1, 180_000).digits).toBe('00:01');
    expect(timerDisplay(90_000, 180_000).progress).toBeCloseTo(0.5);
  });

  it('turns amber in the last 30 s, and not before', () => {
    expect(timerDisplay(WARN_MS + 1, 180_000).tone).toBe('normal');
    expect(timerDisplay(WARN_MS, 180_000)).toMatchObject({ tone: 'warning', digits: '00:30' });
    expect(timerDisplay(1, 180_000).tone).toBe('warning');
  });

  it('shows overtime in red as "+m:ss over" from the moment the time runs out', () => {
    expect(timerDisplay(0, 180_000)).toMatchObject({ digits: '+0:00', text: '+0:00 over', tone: 'overtime', progress: 1 });
    expect(timerDisplay(-999, 180_000).text).toBe('+0:00 over');
    expect(timerDisplay(-12_000, 180_000).text).toBe('+0:12 over');
    expect(timerDisplay(-75_500, 180_000).text).toBe('+1:15 over');
    expect(timerDisplay(-3_600_000, 180_000).text).toBe('+60:00 over');
  });

  it('formats minutes and seconds and spoken totals', () => {
    expect(formatMmSs(0)).toBe('0:00');
    expect(formatMmSs(4500, true)).toBe('75:00');
    expect(formatMmSs(-3)).toBe('0:00');
    expect(formatSpoken(0)).toBe('0:00');
    expect(formatSpoken(125_900)).toBe('2:05');
    expect(formatSpoken(3_725_000)).toBe('1:02:05');
  });

  it('computes when the allotted time runs out from the doc alone, only while running', () => {
    const floor: Floor = { delegation: 'pk', pointOfOrder: false, startedAt: 1000, allottedMs: 180_000, elapsedMs: 20_000, runningSince: 50_000 };
    const endsAt = floorEndsAt(floor)!;
    expect(endsAt).toBe(210_000);
    expect(floorRemainingMs(floor, endsAt)).toBe(0);
    expect(floorElapsedMs(floor, endsAt)).toBe(180_000);
    expect(floorEndsAt({ ...floor, runningSince: null })).toBeNull();
  });

  it('[I3] counts in Extended Arabic-Indic digits for Dari and Pashto', () => {
    expect(timerDisplay(179_000, 180_000, 'fa-AF')).toMatchObject({ digits: '۰۲:۵۹', text: '۰۲:۵۹', tone: 'normal' });
    expect(timerDisplay(-12_000, 180_000, 'fa-AF').text).toBe('+۰:۱۲ اضافه');
    expect(timerDisplay(-75_500, 180_000, 'ps')).toMatchObject({ digits: '+۱:۱۵', text: '+۱:۱۵ زیات', tone: 'overtime' });
    expect(formatMmSs(4500, true, 'ps')).toBe('۷۵:۰۰');
    expect(formatSpoken(3_725_000, 'fa-AF')).toBe('۱:۰۲:۰۵');
    expect(formatSpoken(125_900, 'en')).toBe('2:05');
  });
});
