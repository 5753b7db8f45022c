import { Router } from 'express';
import {
  assignedNumbers,
  communiqueSnapshot,
  docName,
  PlenaryError,
  readSession,
  sessionRevisions,
  statusesAtRevision,
  statusesOf,
} from '@plenary/shared';
import { authenticate } from '../auth/authenticate';
import type { InviteTokens } from '../auth/InviteTokens';
import { ExportRefused, type ExportPool } from '../export/ExportPool';
import { exportChars, exportFileName, type ExportInput } from '../export/model';
import { EXPORT_FORMATS, isExportFormat } from '../export/render';
import type { DocStore } from '../store/DocStore';
import type { RoomRegistry } from '../yjs/RoomRegistry';
import { bearerOrQueryToken } from './tokens';

/** `?rev=N` (a stored revision) and `?status=0|1`, or INVALID naming the parameter. */
function parseQuery(query: Record<string, unknown>): { rev?: number; showStatus: boolean } {
  const { rev, status } = query;
  if (rev !== undefined && (typeof rev !== 'string' || !/^[1-9]\d{0,5}$/.test(rev))) throw new PlenaryError('INVALID', 'rev must be a revision number: 1, 2 …');
  if (status !== undefined && status !== '0' && status !== '1') throw new PlenaryError('INVALID', 'status must be 0 (no status notes) or 1');
  return { ...(rev !== undefined ? { rev: Number(rev) } : {}), showStatus: status !== '0' };
}

/**
 * `GET /api/sessions/:sid/communique.md|.docx|.pdf` with any valid token of the sitting (header or
 * `?token=`): the live draft, or Rev.N with `?rev=N`; status notes unless `?status=0`.
 */
export function exportRoutes(deps: { tokens: InviteTokens; store: DocStore; rooms: RoomRegistry; exports: ExportPool; maxExportChars: number }): Router {
  const router = Router();
  router.get('/api/sessions/:sid/communique.:format', async (req, res, next) => {
    const format = String(req.params.format);
    if (!isExportFormat(format)) return next();
    const sid = String(req.params.sid);
    await authenticate(deps.tokens, deps.store, bearerOrQueryToken(req), sid);
    const { rev, showStatus } = parseQuery(req.query);
    const generatedAt = Date.now();

    const input = await deps.rooms.with(docName(sid, 'session'), async (session): Promise<ExportInput> => {
      const { meta, delegations } = readSession(session.doc);
      const names = Object.fromEntries(delegations.map((d) => [d.id, d.name]));
      const base = { meta: { title: meta.title, ...(meta.venue ? { venue: meta.venue } : {}), ...(meta.date ? { date: meta.date } : {}) }, generatedAt, showStatus, delegations: names };
      if (rev === undefined) {
        const communique = await deps.rooms.with(docName(sid, 'communique'), (room) => communiqueSnapshot(room.doc, assignedNumbers(session.doc)));
        const statuses = statusesOf(session.doc, communique.paragraphs);
        return { ...base, communique, statuses };
      }
      const revision = sessionRevisions(session.doc).toArray().find((r) => r.n === rev);
      if (!revision) throw new PlenaryError('NOT_FOUND', `There is no Rev.${rev} of this communiqué`);
      const statuses = statusesAtRevision(session.doc, revision);
      return { ...base, communique: revision.snapshot, statuses, revision: { n: revision.n, ...(revision.label ? { label: revision.label } : {}), at: revision.at } };
    });

    const chars = exportChars(input);
    if (deps.maxExportChars > 0 && chars > deps.maxExportChars) {
      const message = `The text is too large to export: ${chars.toLocaleString('en')} characters, at most ${deps.maxExportChars.toLocaleString('en')}`;
      return void res.status(413).json({ error: { code: 'INVALID', message } });
    }
    let body: string | Buffer;
    // a request closed while its export waits leaves the queue
    const closed = new AbortController();
    res.on('close', () => closed.abort());
    try {
      // rendered off the event loop, one export of a sitting at a time (X5)
      body = await deps.exports.render(sid, { format, input }, closed.signal);
    } catch (err) {
      if (!(err instanceof ExportRefused)) throw err;
      const code = err.status === 429 ? 'RATE_LIMITED' : 'UNAVAILABLE';
      return void res.status(err.status).set('Retry-After', String(err.retryAfterS)).json({ error: { code, message: err.message } });
    }
    res
      .type(EXPORT_FORMATS[format].type)
      .set('Content-Disposition', `attachment; filename="${exportFileName(sid, format, rev)}"`)
      .send(body);
  });
  return router;
}
