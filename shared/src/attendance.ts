import * as Y from 'yjs';

/** A stretch of time a delegation was present: connected, or marked in the room by the chair. */
export interface PresenceInterval {
  from: number;
  /** absent while still present */
  to?: number;
}

export interface AttendanceRecord {
  /** has at least one open connection */
  connected: boolean;
  /** marked present in the room by the chair (e.g. without a connection) */
  inRoom: boolean;
  intervals: PresenceInterval[];
}

export const ATTENDANCE_DOC = 'attendance';

export function sessionAttendance(doc: Y.Doc): Y.Map<AttendanceRecord> {
  return doc.getMap<AttendanceRecord>(ATTENDANCE_DOC);
}

export function isPresent(r: AttendanceRecord | undefined): boolean {
  return Boolean(r && (r.connected || r.inRoom));
}

/**
 * The record after a change of connection or of the chair's mark: an interval opens when the
 * delegation becomes present and closes when it is neither connected nor marked.
 */
export function nextAttendance(
  r: AttendanceRecord | undefined,
  change: { connected?: boolean; inRoom?: boolean },
  now: number,
): AttendanceRecord {
  const before: AttendanceRecord = r ?? { connected: false, inRoom: false, intervals: [] };
  const after: AttendanceRecord = { ...before, ...change, intervals: [...before.intervals] };
  const was = isPresent(before);
  const is = isPresent(after);
  if (!was && is) after.intervals.push({ from: now });
  if (was && !is) {
    const last = after.intervals.at(-1);
    if (last && last.to === undefined) after.intervals[after.intervals.length - 1] = { ...last, to: now };
  }
  return after;
}

/** Time present between `from` and `to`, in ms. */
export function presentMs(r: AttendanceRecord, from: number, to: number): number {
  return r.intervals.reduce((sum, i) => sum + Math.max(0, Math.min(i.to ?? to, to) - Math.max(i.from, from)), 0);
}
