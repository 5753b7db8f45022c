import { describe, expect, it } from 'vitest';
import { asciiDigits, formatDateTime, formatDay, formatNumber, formatPercent, formatTime, intlLocale, localDigits, num } from './locale';

const JUNE_6 = Date.UTC(2017, 5, 6);

describe('[I3] dates, times and numbers in the interface’s language', () => {
  it('writes Extended Arabic-Indic digits for Dari and Pashto, Latin ones for English', () => {
    expect(localDigits('03:00', 'fa-AF')).toBe('۰۳:۰۰');
    expect(localDigits('+1:15', 'ps')).toBe('+۱:۱۵');
    expect(localDigits('03:00', 'en')).toBe('03:00');
    expect(num(2017, 'ps')).toBe('۲۰۱۷');
  });

  it('reads digits typed in any script', () => {
    expect(asciiDigits('۲:۳۰')).toBe('2:30');
    expect(asciiDigits('٢:٣٠')).toBe('2:30');
    expect(asciiDigits('1m30s')).toBe('1m30s');
  });

  it('writes the day with the Gregorian months, in the language’s words', () => {
    expect(formatDay(JUNE_6, 'en')).toBe('6 June 2017');
    expect(formatDay(JUNE_6, 'fa-AF')).toBe('۶ جون ۲۰۱۷');
    // Pashto is written from our own month names: Chromium's ICU has no Pashto
    expect(formatDay(JUNE_6, 'ps')).toBe('۶ جون ۲۰۱۷');
    expect(formatDay(Date.UTC(2017, 11, 31), 'ps')).toBe('۳۱ ډسمبر ۲۰۱۷');
    expect(formatDay(Date.UTC(2018, 0, 1), 'fa-AF')).toBe('۱ جنوری ۲۰۱۸');
  });

  it('keeps the 24-hour clock in every language', () => {
    const at = Date.UTC(2017, 5, 6, 14, 7);
    expect(formatTime(at, 'UTC', 'en')).toBe('14:07');
    expect(formatTime(at, 'Asia/Kabul', 'fa-AF')).toBe('۱۸:۳۷');
    expect(formatTime(at, 'UTC', 'ps')).toBe('۱۴:۰۷');
    expect(formatDateTime(at, 'fa-AF')).toMatch(/^[۰-۹]+ جون ۲۰۱۷ [۰-۹]{2}:[۰-۹]{2}$/);
  });

  it('formats numbers and percentages with the language’s digits and signs', () => {
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('ps')).toBe('fa-AF');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(1234, 'fa-AF')).toBe('۱٬۲۳۴');
    expect(formatNumber(1234, 'ps')).toBe('۱٬۲۳۴');
    expect(formatPercent(45, 'en')).toBe('45%');
    expect(formatPercent(45, 'fa-AF')).toMatch(/^[\u200e\u200f]?۴۵[\u200e\u200f]?٪$/);
  });
});
