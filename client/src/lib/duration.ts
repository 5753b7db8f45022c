import { i18n } from '../i18n';
import { asciiDigits } from '../i18n/locale';

/**
 * Durations typed by the chair (in Latin or Arabic-Indic digits). Speaking time: `3` (minutes), `2:30`, `90s`, `2m`, `1m30s`.
 * Returns seconds, null for an empty field, NaN for something unreadable.
 */
export function parseSpeakingTime(text: string): number | null {
  const t = asciiDigits(text).trim().toLowerCase().replace(/\s+/g, '');
  if (t === '') return null;
  let m = /^(\d+):([0-5]?\d)$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d+(?:\.\d+)?)(?:m|min)?$/.exec(t);
  if (m) return Math.round(Number(m[1]) * 60);
  m = /^(?:(\d+)(?:m|min))?(?:(\d+)(?:s|sec))?$/.exec(t);
  if (m && (m[1] !== undefined || m[2] !== undefined)) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return Number.NaN;
}

/** Seconds as the chair would type them back: `3:00`, `1:30`. */
export function speakingTimeText(sec: number | undefined): string {
  if (sec === undefined) return '';
  return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
}

/** Whole minutes: `40`, `1.5` → 2 (rounded); null for empty, NaN for unreadable. */
export function parseMinutes(text: string): number | null {
  const t = asciiDigits(text).trim();
  if (t === '') return null;
  if (!/^\d+(?:\.\d+)?$/.test(t)) return Number.NaN;
  return Math.round(Number(t));
}

export interface ItemFieldsForm {
  title: string;
  description: string;
  durationMin: string;
  speakingTime: string;
  budgetMin: string;
}

export interface ItemValues {
  title: string;
  description?: string;
  durationMin?: number;
  speakingTimeSec?: number;
  budgetSec?: number;
}

export type ItemUpdate = {
  title?: string;
  description?: string | null;
  durationMin?: number | null;
  speakingTimeSec?: number | null;
  budgetSec?: number | null;
};

export function formFromItem(item: ItemValues): ItemFieldsForm {
  return {
    title: item.title,
    description: item.description ?? '',
    durationMin: item.durationMin === undefined ? '' : String(item.durationMin),
    speakingTime: speakingTimeText(item.speakingTimeSec),
    budgetMin: item.budgetSec === undefined ? '' : String(Math.round((item.budgetSec / 60) * 100) / 100),
  };
}

/**
 * The `agenda.update` fields that differ from the item: an emptied field becomes null (removed).
 * A readable problem instead when a field cannot be understood; the server checks the ranges.
 */
export function updateFromForm(item: ItemValues, form: ItemFieldsForm): { update: ItemUpdate } | { problem: string } {
  const update: ItemUpdate = {};
  const title = form.title.trim();
  if (title === '') return { problem: i18n.t('itemForm.needsTitle') };
  if (title !== item.title) update.title = title;
  const description = form.description.trim();
  if (description !== (item.description ?? '')) update.description = description === '' ? null : description;

  const duration = parseMinutes(form.durationMin);
  if (Number.isNaN(duration)) return { problem: i18n.t('itemForm.badPlanned') };
  if ((duration ?? undefined) !== item.durationMin) update.durationMin = duration;

  const speaking = parseSpeakingTime(form.speakingTime);
  if (Number.isNaN(speaking)) return { problem: i18n.t('itemForm.badSpeaking') };
  if ((speaking ?? undefined) !== item.speakingTimeSec) update.speakingTimeSec = speaking;

  const budgetText = asciiDigits(form.budgetMin).trim();
  const budgetMin = budgetText === '' ? null : Number(budgetText);
  if (budgetMin !== null && (!Number.isFinite(budgetMin) || budgetMin <= 0)) return { problem: i18n.t('itemForm.badBudget') };
  const budgetSec = budgetMin === null ? null : Math.round(budgetMin * 60);
  if ((budgetSec ?? undefined) !== item.budgetSec) update.budgetSec = budgetSec;
  return { update };
}
