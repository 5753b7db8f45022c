import type { DocKind } from './schemas';

export type { DelegationId, DocKind, SessionId } from './schemas';


export function docName(sid: string, kind: DocKind): string {
  return `${sid}/${kind}`;
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
