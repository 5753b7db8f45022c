import { currentLanguage, isRtl, type Language } from './index';

export { isRtl as isRtlLanguage };

/** Dates, clock times and numbers in the interface's language; the calendar is the Gregorian one for all. */

const ARABIC_INDIC = '۰۱۲۳۴۵۶۷۸۹';

/** Pashto's names of the Gregorian months (as written in Afghanistan). */
const PS_MONTHS = ['جنوري', 'فبروري', 'مارچ', 'اپریل', 'مۍ', 'جون', 'جولای', 'اګست', 'سپتمبر', 'اکتوبر', 'نومبر', 'ډسمبر'];

/** `03:00` → `۰۳:۰۰` for Dari and Pashto (Extended Arabic-Indic digits); unchanged in English. */
export function localDigits(text: string, lang: Language = currentLanguage()): string {
  return isRtl(lang) ? text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!) : text;
}

/** Typed numbers in any script back to `0-9` (`۲:۳۰`, `٢:٣٠` → `2:30`). */
export function asciiDigits(text: string): string {
  return text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/**
 * The Intl locale for a language: `en-GB` for English (24-hour, day before month), `fa-AF` for
 * Dari and for Pashto's numbers too: Chromium's ICU has no Pashto (`ps` resolves to `en-US`, Latin
 * digits), and both write the same Extended Arabic-Indic digits and separators.
 */
export function intlLocale(lang: Language = currentLanguage()): string {
  return lang === 'en' ? 'en-GB' : 'fa-AF';
}

/** `1,234` / `۱٬۲۳۴`. */
export function formatNumber(n: number, lang: Language = currentLanguage()): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(n);
}

/** `6 June 2017` / `۶ جون ۲۰۱۷` for a UTC day. */
export function formatDay(utcMs: number, lang: Language = currentLanguage(), timeZone = 'UTC'): string {
  if (lang === 'ps') {
    // the same in every browser, with or without Pashto in its ICU data
    const parts = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone }).formatToParts(utcMs);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return localDigits(`${Number(part('day'))} ${PS_MONTHS[Number(part('month')) - 1]} ${part('year')}`, lang);
  }
  return new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone, calendar: 'gregory' }).format(utcMs);
}

/** `14:07`, 24-hour, in Latin or Arabic-Indic digits. */
export function formatTime(ms: number, timeZone: string | undefined, lang: Language = currentLanguage()): string {
  return localDigits(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(ms), lang);
}

/** Date and time for a tooltip. */
export function formatDateTime(ms: number, lang: Language = currentLanguage()): string {
  return `${formatDay(ms, lang, Intl.DateTimeFormat().resolvedOptions().timeZone)} ${formatTime(ms, undefined, lang)}`;
}

/** `45%` / `۴۵٪`, from a whole percentage. */
export function formatPercent(p: number, lang: Language = currentLanguage()): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(p / 100);
}

/** A whole number as written in the interface: `12` / `۱۲`. */
export function num(n: number, lang: Language = currentLanguage()): string {
  return localDigits(String(n), lang);
}

/**
 * A name or an id (often Latin) inside a sentence of the reader's language: isolated in a Dari or
 * Pashto sentence, so it keeps its own direction without reordering its neighbours.
 */
export function isolated(text: string, lang: Language = currentLanguage()): string {
  return isRtl(lang) ? `\u2068${text}\u2069` : text;
}
