import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import compression from 'compression';
import { AdminInviteRef, CreateSessionBody, describeZodError, PlenaryError, type ErrorCode, type Role } from '@plenary/shared';
import { authenticate } from '../auth/authenticate';
import type { InviteTokens } from '../auth/InviteTokens';
import type { Metrics } from '../metrics';
import type { Sittings } from '../sittings/Sittings';
import type { DocStore } from '../store/DocStore';
import type { RoomRegistry } from '../yjs/RoomRegistry';
import type { ExportPool } from '../export/ExportPool';
import { auditRoutes } from './auditRoutes';
import { cbmExportRoutes } from './cbmExports';
import { exportRoutes } from './exports';
import { decodablePath, MALFORMED_PATH } from './paths';
import { firstPaintPage, invitedSitting } from './firstPaint';
import { securityHeaders } from './securityHeaders';

export interface AppDeps {
  store: DocStore;
  rooms: RoomRegistry;
  tokens: InviteTokens;
  sittings: Sittings;
  metrics: Metrics;
  adminKey: string;
  nodeId: string;
  clientDir: string;
  exports: ExportPool;
  maxExportChars: number;
  /** revokes an invite, closes its connections and mints its new link (R9) */
  revokeInvite: (sid: string, role: Role, delegation?: string) => Promise<{ invite: string; token: string; url: string }>;
}

const STATUS: Record<ErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  INVALID: 400,
  CONFLICT: 409,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
};

function bearer(req: Request): string | undefined {
  const h = req.get('authorization');
  return h?.startsWith('Bearer ') ? h.slice('Bearer '.length).trim() : undefined;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Express: the REST API, health and metrics, and the built client. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  // a path whose escapes cannot be decoded names nothing: 400, before any route tries (H5)
  app.use((req, _res, next) => {
    if (!decodablePath(req.path)) throw new PlenaryError('INVALID', MALFORMED_PATH);
    next();
  });
  // slow links (O3): every text response compressed, brotli where the browser takes it
  app.use(compression());
  app.use('/api', express.json({ limit: '1mb' }));

  app.post('/api/sessions', async (req, res) => {
    const key = bearer(req);
    if (!key || !sameSecret(key, deps.adminKey)) throw new PlenaryError('UNAUTHORIZED', 'Creating a sitting needs the admin key as a Bearer token');
    const body = CreateSessionBody.safeParse(req.body);
    if (!body.success) throw new PlenaryError('INVALID', describeZodError(body.error));
    res.status(201).json(await deps.sittings.create(body.data));
  });

  // the admin key revokes any invite of a sitting, the chair's too (the chair's command: the others only)
  app.post('/api/sessions/:sid/invites/revoke', async (req, res) => {
    const key = bearer(req);
    if (!key || !sameSecret(key, deps.adminKey)) throw new PlenaryError('UNAUTHORIZED', 'Revoking an invite needs the admin key as a Bearer token');
    const body = AdminInviteRef.safeParse(req.body);
    if (!body.success) throw new PlenaryError('INVALID', describeZodError(body.error));
    const { invite, token, url } = await deps.revokeInvite(String(req.params.sid), body.data.role, body.data.delegation);
    res.json({ invite, token, url });
  });

  app.get('/api/sessions/:sid', async (req, res) => {
    const sid = String(req.params.sid);
    await authenticate(deps.tokens, deps.store, bearer(req), sid);
    res.json(await deps.sittings.read(sid));
  });

  app.use(exportRoutes(deps));
  app.use(cbmExportRoutes(deps));
  app.use(auditRoutes(deps));

  app.use('/api', (req) => {
    throw new PlenaryError('NOT_FOUND', `No API route ${req.method} ${req.path}`);
  });

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, node: deps.nodeId, store: deps.store.kind, uptimeS: Math.round(process.uptime()) });
  });

  app.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4').send(deps.metrics.render());
  });

  const index = join(deps.clientDir, 'index.html');
  // the bundler names assets by their content: a name never changes meaning, so it is kept a year (O3)
  app.use('/assets', express.static(join(deps.clientDir, 'assets'), { index: false, immutable: true, maxAge: '1y' }));
  // the service worker: checked for a new build on every load (O5)
  app.get('/sw.js', (_req, res, next) => res.set('Cache-Control', 'no-cache').sendFile(join(deps.clientDir, 'sw.js'), (err) => err && !res.headersSent && next()));
  app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
  app.get(['/', '/s/*splat'], async (req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build` (npm start does it for you).\n');
      return;
    }
    const sid = invitedSitting(req);
    if (!sid) return void res.set('Cache-Control', 'no-cache').sendFile(index);
    res.set('Cache-Control', 'private, no-store').type('html').send(await firstPaintPage(deps, index, sid, String(req.query.token)));
  });

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof PlenaryError) {
      res.status(STATUS[err.code]).json({ error: err.toBody() });
      return;
    }
    const e = err as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'INVALID', message: 'The request body is not valid JSON' } });
      return;
    }
    if (e?.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'INVALID', message: 'The request body is too large' } });
      return;
    }
    console.error('request failed:', err);
    res.status(500).json({ error: { code: 'UNAVAILABLE', message: 'The server could not handle the request' } });
  });
  return app;
}
