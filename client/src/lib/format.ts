import type { AgendaItemState, Role, SessionState, Welcome } from '@plenary/shared';

/** `2017-06-06` → `6 June 2017`; anything unparsable is shown as given. */
export function formatSittingDate(iso: string | undefined, locale = 'en-GB'): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** `14:07`, 24-hour, in the viewer's time zone unless one is given. */
export function formatClock(ms: number, timeZone?: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(ms);
}

export const SESSION_STATE_LABEL: Record<SessionState, string> = {
  scheduled: 'scheduled',
  open: 'open',
  suspended: 'suspended',
  closed: 'closed',
};

export const AGENDA_STATE_LABEL: Record<AgendaItemState, string> = {
  pending: 'pending',
  open: 'open',
  closed: 'done',
  deferred: 'deferred',
};

export const ROLE_LABEL: Record<Role, string> = {
  chair: 'chair',
  delegate: 'delegate',
  observer: 'observer',
};

/** What the chair's button says for a move to `to` from `from`: "Resume" reads better than "Open". */
export function transitionLabel(from: SessionState, to: SessionState): string {
  switch (to) {
    case 'open':
      return from === 'scheduled' ? 'Open sitting' : from === 'suspended' ? 'Resume' : 'Reopen';
    case 'suspended':
      return 'Suspend';
    case 'closed':
      return 'Close sitting';
    case 'scheduled':
      return 'Reschedule';
  }
}

/** "Pakistan (delegate)", "Chair (chair)" reads oddly, so the chair and observers get plain words. */
export function describeYou(w: Pick<Welcome, 'role' | 'name'>): string {
  switch (w.role) {
    case 'delegate':
      return `${w.name} (delegate)`;
    case 'chair':
      return w.name && w.name.toLowerCase() !== 'chair' ? `${w.name} (chair)` : 'the Chair';
    case 'observer':
      return w.name && w.name.toLowerCase() !== 'observer' ? `${w.name} (observer)` : 'Observer (read-only)';
  }
}

/** `40 min`, `1 h 30 min`. */
export function formatMinutes(min: number | undefined): string {
  if (min === undefined || !Number.isFinite(min) || min <= 0) return '';
  const h = Math.floor(min / 60);
  const m = Math.round(min % 60);
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
