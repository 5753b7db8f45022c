import { z } from 'zod';

/** Sitting ids appear in URLs and doc names: short, lowercase, no slashes. */
export const SessionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a sitting id is 2–63 characters of a–z, 0–9 and -');
export type SessionId = z.infer<typeof SessionId>;

export const DelegationId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a delegation id is 1–32 characters of a–z, 0–9 and -');
export type DelegationId = z.infer<typeof DelegationId>;

/** The two Yjs docs of a sitting. */
export const DocKind = z.enum(['communique', 'session']);
export type DocKind = z.infer<typeof DocKind>;

export function docName(sid: string, kind: DocKind): string {
  return `${sid}/${kind}`;
}

/** Parses `<sid>/<kind>`; null when the name is not a doc of a sitting. */
export function parseDocName(name: string): { sid: string; kind: DocKind } | null {
  const slash = name.indexOf('/');
  if (slash < 0) return null;
  const sid = SessionId.safeParse(name.slice(0, slash));
  const kind = DocKind.safeParse(name.slice(slash + 1));
  return sid.success && kind.success ? { sid: sid.data, kind: kind.data } : null;
}

// Web Crypto is global in browsers and in Node ≥ 19; shared is typed without DOM or Node.
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

/** A random id for things the server creates (items, measures, …). */
export function newId(prefix = ''): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += (b % 36).toString(36);
  return prefix + s;
}
