import type { Request } from 'express';

/** The invite token of a request: `Authorization: Bearer …`, or `?token=` for download links. */
export function bearerOrQueryToken(req: Request): string | undefined {
  const h = req.get('authorization');
  if (h?.startsWith('Bearer ')) return h.slice('Bearer '.length).trim();
  return typeof req.query.token === 'string' ? req.query.token : undefined;
}
