/** How the speaking timer looks: what it says, and whether it is calm, amber or red. */
import { currentLanguage, i18n, type Language } from '../i18n';
import { localDigits } from '../i18n/locale';

/** The last stretch before the allotted time runs out, shown in amber. */
export const WARN_MS = 30_000;

export type TimerTone = 'normal' | 'warning' | 'overtime';

export interface TimerDisplay {
  /** `02:59` while time remains; `+0:12` in overtime */
  digits: string;
  /** the whole reading in words for the eye: `02:59`, `+0:12 over` */
  text: string;
  tone: TimerTone;
  /** share of the allotted time used, 0…1 (1 in overtime) */
  progress: number;
}

/** `m:ss`, or `mm:ss` with `pad`; whole seconds, minutes unbounded (`75:00`); Arabic-Indic digits in Dari and Pashto. */
export function formatMmSs(totalSeconds: number, pad = false, lang: Language = currentLanguage()): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const m = Math.floor(s / 60);
  const mm = pad ? String(m).padStart(2, '0') : String(m);
  return localDigits(`${mm}:${String(s % 60).padStart(2, '0')}`, lang);
}

/**
 * The countdown shows whole seconds rounded up, so it reads `03:00` when the speech starts and
 * `00:01` in its last second. From the moment the time runs out it counts the overtime up,
 * `+0:00 over`, `+0:01 over` …: overtime is shown, not hidden.
 */
export function timerDisplay(remainingMs: number, allottedMs: number, lang: Language = currentLanguage()): TimerDisplay {
  const progress = allottedMs > 0 ? Math.min(1, Math.max(0, (allottedMs - remainingMs) / allottedMs)) : 1;
  if (remainingMs <= 0) {
    const digits = `+${formatMmSs(Math.floor(-remainingMs / 1000), false, lang)}`;
    return { digits, text: i18n.getFixedT(lang)('timer.over', { digits }), tone: 'overtime', progress: 1 };
  }
  const digits = formatMmSs(Math.ceil(remainingMs / 1000), true, lang);
  return { digits, text: digits, tone: remainingMs <= WARN_MS ? 'warning' : 'normal', progress };
}

/** Spoken time as `m:ss` (under an hour) or `h:mm:ss`. */
export function formatSpoken(ms: number, lang: Language = currentLanguage()): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 3600) return formatMmSs(s, false, lang);
  const h = Math.floor(s / 3600);
  return `${localDigits(String(h), lang)}:${formatMmSs(s % 3600, true, lang)}`;
}

/** The server's time at which the allotted time runs out, while the timer runs; null when paused. */
export function floorEndsAt(floor: { allottedMs: number; elapsedMs: number; runningSince: number | null }): number | null {
  return floor.runningSince === null ? null : floor.runningSince + floor.allottedMs - floor.elapsedMs;
}
