import { isPresent, presentMs, type AgendaItemView, type AttendanceRecord, type Delegation } from '@plenary/shared/plain';
import { i18n, labelMap } from '../i18n';

/** Attendance as the panel shows it: who is here now and how, time present, who attended which item. */

export type AttendanceHow = 'connected' | 'in-room' | 'both' | 'absent';

export interface AttendanceRow {
  delegation: string;
  name: string;
  short: string;
  color: string;
  present: boolean;
  connected: boolean;
  inRoom: boolean;
  how: AttendanceHow;
  /** time present over the sitting so far */
  presentMs: number;
  /** has been present at some time */
  seen: boolean;
}

export const HOW_LABEL: Record<AttendanceHow, string> = labelMap({
  connected: 'attendanceHow.connected',
  'in-room': 'attendanceHow.inRoom',
  both: 'attendanceHow.both',
  absent: 'attendanceHow.absent',
});

export const HOW_TITLE: Record<AttendanceHow, string> = labelMap({
  connected: 'attendanceHowTitle.connected',
  'in-room': 'attendanceHowTitle.inRoom',
  both: 'attendanceHowTitle.both',
  absent: 'attendanceHowTitle.absent',
});

export function attendanceHow(r: AttendanceRecord | undefined): AttendanceHow {
  if (!r) return 'absent';
  if (r.connected && r.inRoom) return 'both';
  if (r.connected) return 'connected';
  if (r.inRoom) return 'in-room';
  return 'absent';
}

/** One row per invited delegation: those present first, each group in the sitting's own order. */
export function attendanceRows(delegations: readonly Delegation[], attendance: Readonly<Record<string, AttendanceRecord>>, now: number): AttendanceRow[] {
  const rows = delegations.map((d): AttendanceRow => {
    const r = attendance[d.id];
    return {
      delegation: d.id,
      name: d.name,
      short: d.short,
      color: d.color,
      present: isPresent(r),
      connected: Boolean(r?.connected),
      inRoom: Boolean(r?.inRoom),
      how: attendanceHow(r),
      presentMs: r ? presentMs(r, 0, now) : 0,
      seen: Boolean(r && r.intervals.length > 0),
    };
  });
  return [...rows.filter((r) => r.present), ...rows.filter((r) => !r.present)];
}

export interface AttendanceSummary {
  present: number;
  invited: number;
  connected: number;
  /** present only through the chair's mark */
  markedOnly: number;
}

export function attendanceSummary(rows: readonly AttendanceRow[]): AttendanceSummary {
  return {
    present: rows.filter((r) => r.present).length,
    invited: rows.length,
    connected: rows.filter((r) => r.connected).length,
    markedOnly: rows.filter((r) => r.inRoom && !r.connected).length,
  };
}

export interface ItemAttendance {
  itemId: string;
  number: number;
  title: string;
  state: AgendaItemView['state'];
  /** delegations present at some time while the item was open, in the sitting's order */
  attendees: { delegation: string; name: string; short: string; color: string }[];
}

/** Per agenda item taken up so far (open, closed or deferred, or with attendees), who was present. */
export function itemAttendance(agenda: readonly AgendaItemView[], delegations: readonly Delegation[]): ItemAttendance[] {
  const order = new Map(delegations.map((d, i) => [d.id, i]));
  return agenda
    .filter((i) => i.state !== 'pending' || (i.attendees?.length ?? 0) > 0)
    .map((i) => ({
      itemId: i.id,
      number: i.number,
      title: i.title,
      state: i.state,
      attendees: [...new Set(i.attendees ?? [])]
        .sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
        .map((id) => {
          const d = delegations.find((x) => x.id === id);
          return { delegation: id, name: d?.name ?? id, short: d?.short ?? id.toUpperCase(), color: d?.color ?? '#6c757d' };
        }),
    }));
}

/** What the chair's button does for a row: mark in the room, or take the mark off. */
export function markAction(row: Pick<AttendanceRow, 'inRoom' | 'connected' | 'name'>): { present: boolean; label: string; title: string } {
  const name = row.name;
  if (!row.inRoom) return { present: true, label: i18n.t('attendanceMark.present'), title: i18n.t('attendanceMark.presentTitle', { name }) };
  return row.connected
    ? { present: false, label: i18n.t('attendanceMark.remove'), title: i18n.t('attendanceMark.removeTitle', { name }) }
    : { present: false, label: i18n.t('attendanceMark.absent'), title: i18n.t('attendanceMark.absentTitle', { name }) };
}
