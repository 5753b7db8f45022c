import { Router } from 'express';
import {
  docName,
  isOverdue,
  measureProgress,
  readSession,
  type Commitment,
  type Measure,
  type SessionView,
} from '@plenary/shared';
import { authenticate } from '../auth/authenticate';
import type { InviteTokens } from '../auth/InviteTokens';
import { neutralizeAll } from '../export/neutralize';
import type { DocStore } from '../store/DocStore';
import type { RoomRegistry } from '../yjs/RoomRegistry';
import { bearerOrQueryToken } from './tokens';

export interface CbmExport {
  sessionId: string;
  title: string;
  generatedAt: string;
  measures: (Measure & { progress: number | null; commitments: (Commitment & { overdue: boolean })[] })[];
}

/** Measures with their commitments, progress rolled up and overdue flags, as the board shows them. */
export function cbmExport(sid: string, view: SessionView, now: number): CbmExport {
  return {
    sessionId: sid,
    title: view.meta.title,
    generatedAt: new Date(now).toISOString(),
    measures: view.cbms.map((m) => {
      const commitments = view.commitments.filter((c) => c.cbmId === m.id);
      return { ...m, progress: measureProgress(commitments), commitments: commitments.map((c) => ({ ...c, overdue: isOverdue(c, now) })) };
    }),
  };
}

const COLUMNS = [
  'measure_id', 'title', 'theme', 'state', 'proposer', 'cosponsors', 'agenda_item', 'measure_progress',
  'commitment_id', 'delegation', 'action', 'deadline', 'status', 'progress', 'overdue', 'note',
] as const;

/** One CSV cell: quoted when needed; a leading = + - @ is defused so spreadsheets do not run it. */
export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per commitment, measures without commitments on a row of their own. */
export function cbmCsv(data: CbmExport): string {
  const rows: unknown[][] = [];
  for (const m of data.measures) {
    const measureCols = [m.id, m.title, m.theme, m.state, m.proposer, m.cosponsors.join(';'), m.itemId ?? '', m.progress ?? ''];
    if (m.commitments.length === 0) rows.push([...measureCols, '', '', '', '', '', '', '', '']);
    for (const c of m.commitments) rows.push([...measureCols, c.id, c.delegation, c.action, c.deadline ?? '', c.status, c.progress, c.overdue, c.note ?? '']);
  }
  return [COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** `GET /api/sessions/:sid/cbms.json|.csv` with any valid token of the sitting (header or `?token=`). */
export function cbmExportRoutes(deps: { tokens: InviteTokens; store: DocStore; rooms: RoomRegistry }): Router {
  const router = Router();
  router.get('/api/sessions/:sid/cbms.:format', async (req, res, next) => {
    const format = req.params.format;
    if (format !== 'json' && format !== 'csv') return next();
    const sid = String(req.params.sid);
    await authenticate(deps.tokens, deps.store, bearerOrQueryToken(req), sid);
    const view = await deps.rooms.with(docName(sid, 'session'), (room) => readSession(room.doc));
    const data = neutralizeAll(cbmExport(sid, view, Date.now()));
    res.set('Content-Disposition', `attachment; filename="${sid}-cbms.${format}"`);
    if (format === 'json') res.json(data);
    else res.type('text/csv; charset=utf-8').send(cbmCsv(data));
  });
  return router;
}
