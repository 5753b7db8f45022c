import { describe, expect, it } from 'vitest';
import { formFromItem, parseMinutes, parseSpeakingTime, speakingTimeText, updateFromForm } from './duration';

describe('durations typed by the chair', () => {
  it('reads speaking times in minutes, m:ss or with units', () => {
    expect(parseSpeakingTime('3')).toBe(180);
    expect(parseSpeakingTime('2:30')).toBe(150);
    expect(parseSpeakingTime(' 0:45 ')).toBe(45);
    expect(parseSpeakingTime('90s')).toBe(90);
    expect(parseSpeakingTime('2m')).toBe(120);
    expect(parseSpeakingTime('1m 30s')).toBe(90);
    expect(parseSpeakingTime('1.5')).toBe(90);
    expect(parseSpeakingTime('')).toBeNull();
    expect(parseSpeakingTime('soon')).toBeNaN();
    expect(parseSpeakingTime('1:75')).toBeNaN();
    expect(speakingTimeText(150)).toBe('2:30');
    expect(speakingTimeText(undefined)).toBe('');
  });

  it('reads minutes', () => {
    expect(parseMinutes('40')).toBe(40);
    expect(parseMinutes('')).toBeNull();
    expect(parseMinutes('forty')).toBeNaN();
  });

  it('sends only what changed, and null for what was cleared', () => {
    const item = { title: 'Security', description: 'Regional', durationMin: 40, speakingTimeSec: 180 };
    const form = formFromItem(item);
    expect(form).toEqual({ title: 'Security', description: 'Regional', durationMin: '40', speakingTime: '3:00', budgetMin: '' });
    expect(updateFromForm(item, form)).toEqual({ update: {} });
    expect(updateFromForm(item, { ...form, title: ' Security cooperation ', durationMin: '', speakingTime: '2', budgetMin: '10' })).toEqual({
      update: { title: 'Security cooperation', durationMin: null, speakingTimeSec: 120, budgetSec: 600 },
    });
    expect(updateFromForm({ ...item, budgetSec: 600 }, { ...form, description: '', budgetMin: '' })).toEqual({
      update: { description: null, budgetSec: null },
    });
  });

  it('explains what it cannot read', () => {
    const item = { title: 'Security' };
    expect(updateFromForm(item, { ...formFromItem(item), title: '  ' })).toEqual({ problem: 'The item needs a title' });
    expect('problem' in updateFromForm(item, { ...formFromItem(item), speakingTime: 'long' })).toBe(true);
    expect('problem' in updateFromForm(item, { ...formFromItem(item), budgetMin: '-3' })).toBe(true);
  });

  it('[I3] reads durations typed in Persian or Arabic digits', () => {
    expect(parseSpeakingTime('۲:۳۰')).toBe(150);
    expect(parseSpeakingTime('٣')).toBe(180);
    expect(parseMinutes('۴۰')).toBe(40);
    const item = { title: 'Security', durationMin: 30 };
    expect(updateFromForm(item, { ...formFromItem(item), durationMin: '۴۵', budgetMin: '۱۰' })).toEqual({ update: { durationMin: 45, budgetSec: 600 } });
  });
});
