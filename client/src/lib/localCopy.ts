/**
 * Names of what this browser keeps for a sitting while the network comes and goes: the copy of
 * each Yjs doc (IndexedDB), the count of edits not yet stored by the server, the queued commands.
 * Everything is keyed by sitting and actor, so two sittings, or a chair and a delegation sharing a
 * computer, never read each other's copies.
 */

/** The slice of `localStorage` used here; a Map-backed fake in tests. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function base64UrlDecode(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** A short, stable name for a string that is not a readable invite (no secret is stored as such). */
export function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `t${(h >>> 0).toString(36)}`;
}

/**
 * Who an invite is for, read from the token's claims without checking them (the server does):
 * `chair`, `observer`, `delegate:<code>`; a token that cannot be read gets its fingerprint.
 */
export function tokenActor(token: string): string {
  try {
    const claims = JSON.parse(base64UrlDecode(token.split('.')[1] ?? '')) as { role?: unknown; del?: unknown };
    if (claims.role === 'delegate' && typeof claims.del === 'string') return `delegate:${claims.del}`;
    if (typeof claims.role === 'string' && claims.role !== 'delegate') return claims.role;
  } catch {
    // not a JWT: fall through
  }
  return fingerprint(token);
}

/** `plenary:<sid>:<part>:<actor>`: the IndexedDB name of a doc's copy, or a storage key. */
export function localKey(sid: string, part: string, actor: string): string {
  return `plenary:${sid}:${part}:${actor}`;
}

/** `localStorage`, or null where the browser refuses it (some private modes). */
export function browserStore(): KeyValueStore | null {
  try {
    const s = window.localStorage;
    s.getItem('plenary:probe');
    return s;
  } catch {
    return null;
  }
}

export function readJson<T>(store: KeyValueStore | null, key: string, fallback: T): T {
  try {
    const raw = store?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function writeJson(store: KeyValueStore | null, key: string, value: unknown): void {
  try {
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or refused: the value lasts for this page only
  }
}
