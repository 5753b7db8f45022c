import type { AgendaItemState, Role, SessionState, Welcome } from '@plenary/shared';
import { currentLanguage, i18n, labelMap, type Language } from '../i18n';
import { formatDay, formatTime, localDigits } from '../i18n/locale';

/** `2017-06-06` → `6 June 2017` (`۶ جون ۲۰۱۷` in Dari); anything unparsable is shown as given. */
export function formatSittingDate(iso: string | undefined, lang: Language = currentLanguage()): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return iso;
  return formatDay(d.getTime(), lang);
}

/** `14:07`, 24-hour, in the viewer's time zone unless one is given. */
export function formatClock(ms: number, timeZone?: string, lang: Language = currentLanguage()): string {
  return formatTime(ms, timeZone, lang);
}

export const SESSION_STATE_LABEL: Record<SessionState, string> = labelMap({
  scheduled: 'sessionState.scheduled',
  open: 'sessionState.open',
  suspended: 'sessionState.suspended',
  closed: 'sessionState.closed',
});

export const AGENDA_STATE_LABEL: Record<AgendaItemState, string> = labelMap({
  pending: 'agendaState.pending',
  open: 'agendaState.open',
  closed: 'agendaState.closed',
  deferred: 'agendaState.deferred',
});

export const ROLE_LABEL: Record<Role, string> = labelMap({
  chair: 'role.chair',
  delegate: 'role.delegate',
  observer: 'role.observer',
});

/** The chair or an observer named by their role, as a name is written ("Chair"), in the reader's words. */
export function roleAsName(role: Exclude<Role, 'delegate'>): string {
  return i18n.t(`actor.${role}`);
}

/** What the chair's button says for a move to `to` from `from`: "Resume" reads better than "Open". */
export function transitionLabel(from: SessionState, to: SessionState): string {
  switch (to) {
    case 'open':
      return from === 'scheduled' ? i18n.t('transition.open') : from === 'suspended' ? i18n.t('transition.resume') : i18n.t('transition.reopen');
    case 'suspended':
      return i18n.t('transition.suspend');
    case 'closed':
      return i18n.t('transition.close');
    case 'scheduled':
      return i18n.t('transition.reschedule');
  }
}

/** "Pakistan (delegate)", "Chair (chair)" reads oddly, so the chair and observers get plain words. */
export function describeYou(w: Pick<Welcome, 'role' | 'name'>): string {
  switch (w.role) {
    case 'delegate':
      return i18n.t('you.delegate', { name: w.name });
    case 'chair':
      return w.name && w.name.toLowerCase() !== 'chair' ? i18n.t('you.chairNamed', { name: w.name }) : i18n.t('you.chair');
    case 'observer':
      return w.name && w.name.toLowerCase() !== 'observer' ? i18n.t('you.observerNamed', { name: w.name }) : i18n.t('you.observer');
  }
}

/** `40 min`, `1 h 30 min` (`۱ ساعت و ۳۰ دقیقه`). */
export function formatMinutes(min: number | undefined, lang: Language = currentLanguage()): string {
  if (min === undefined || !Number.isFinite(min) || min <= 0) return '';
  return hoursMinutes(Math.floor(min / 60), Math.round(min % 60), lang);
}

/** `25 min`, `1 h`, `1 h 5 min` in the language's words and digits; `pad` writes `1 h 05 min`. */
export function hoursMinutes(h: number, m: number, lang: Language = currentLanguage(), pad = false): string {
  const t = i18n.getFixedT(lang);
  const mm = localDigits(pad && h ? String(m).padStart(2, '0') : String(m), lang);
  if (!h) return t('time.min', { m: mm });
  const hh = localDigits(String(h), lang);
  return m ? t('time.hMin', { h: hh, m: mm }) : t('time.h', { h: hh });
}
