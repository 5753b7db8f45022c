import { Router } from 'express';
import { PlenaryError } from '@plenary/shared';
import { authenticate } from '../auth/authenticate';
import type { InviteTokens } from '../auth/InviteTokens';
import type { DocStore } from '../store/DocStore';
import { bearerOrQueryToken } from './tokens';

/** `GET /api/sessions/:sid/audit`: the chair's record of every command and stored update, as JSON Lines. */
export function auditRoutes(deps: { tokens: InviteTokens; store: DocStore }): Router {
  const router = Router();
  router.get('/api/sessions/:sid/audit', async (req, res) => {
    const sid = String(req.params.sid);
    const actor = await authenticate(deps.tokens, deps.store, bearerOrQueryToken(req), sid);
    if (actor.role !== 'chair') throw new PlenaryError('FORBIDDEN', 'Only the chair can read the audit log');
    const entries = await deps.store.readAudit(sid);
    res
      .type('application/x-ndjson; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${sid}-audit.jsonl"`)
      .send(entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : ''));
  });
  return router;
}
