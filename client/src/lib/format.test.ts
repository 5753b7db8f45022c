import { describe, expect, it } from 'vitest';
import { describeYou, formatClock, formatMinutes, formatSittingDate, hoursMinutes, transitionLabel } from './format';

describe('format', () => {
  it('writes the sitting date the way a programme does', () => {
    expect(formatSittingDate('2017-06-06')).toBe('6 June 2017');
    expect(formatSittingDate(undefined)).toBe('');
    expect(formatSittingDate('June 2017')).toBe('June 2017');
  });

  it('shows the clock as 24-hour hh:mm', () => {
    expect(formatClock(Date.UTC(2017, 5, 6, 14, 7, 59), 'UTC')).toBe('14:07');
    expect(formatClock(Date.UTC(2017, 5, 6, 9, 30), 'Asia/Kabul')).toBe('14:00');
  });

  it('says who you are in plain words', () => {
    expect(describeYou({ role: 'delegate', name: 'Pakistan' })).toBe('Pakistan (delegate)');
    expect(describeYou({ role: 'chair', name: 'Chair' })).toBe('the Chair');
    expect(describeYou({ role: 'observer', name: 'Observer' })).toBe('Observer (read-only)');
  });

  it('labels the chair’s moves by where the sitting is', () => {
    expect(transitionLabel('scheduled', 'open')).toBe('Open sitting');
    expect(transitionLabel('suspended', 'open')).toBe('Resume');
    expect(transitionLabel('closed', 'open')).toBe('Reopen');
    expect(transitionLabel('open', 'suspended')).toBe('Suspend');
  });

  it('writes planned durations', () => {
    expect(formatMinutes(40)).toBe('40 min');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(undefined)).toBe('');
  });

  it('[I3] writes dates, clocks and durations in Dari and Pashto', () => {
    expect(formatSittingDate('2017-06-06', 'fa-AF')).toBe('۶ جون ۲۰۱۷');
    expect(formatSittingDate('2017-06-06', 'ps')).toBe('۶ جون ۲۰۱۷');
    expect(formatClock(Date.UTC(2017, 5, 6, 9, 30), 'Asia/Kabul', 'fa-AF')).toBe('۱۴:۰۰');
    expect(formatMinutes(40, 'fa-AF')).toBe('۴۰ دقیقه');
    expect(formatMinutes(90, 'fa-AF')).toBe('۱ ساعت و ۳۰ دقیقه');
    expect(formatMinutes(120, 'ps')).toBe('۲ ساعته');
    expect(hoursMinutes(1, 5, 'en', true)).toBe('1 h 05 min');
    expect(hoursMinutes(1, 5, 'ps', true)).toBe('۱ ساعته او ۰۵ دقیقې');
  });
});
