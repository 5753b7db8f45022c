/** Where an invite lives: `/s/<sid>?token=<jwt>`, later also `/s/<sid>/projector?token=…`. */
export type View = 'workspace' | 'projector';

export interface Route {
  sid: string;
  view: View;
}

/** The storage slice we need; `sessionStorage` in the browser, a Map-backed fake in tests. */
export interface TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type Invite =
  | { kind: 'ok'; sid: string; view: View; token: string; cleanUrl: string | null }
  | { kind: 'no-token'; sid: string; view: View }
  | { kind: 'no-sitting' };

export function tokenKey(sid: string): string {
  return `plenary:token:${sid}`;
}

/** `/s/abc`, `/s/abc/`, `/s/abc/projector` → the sitting and the view; anything else → null. */
export function parseRoute(pathname: string): Route | null {
  const m = /^\/s\/([^/]+)(?:\/(projector)?)?\/?$/.exec(pathname);
  if (!m?.[1]) return null;
  let sid: string;
  try {
    sid = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  return { sid, view: m[2] === 'projector' ? 'projector' : 'workspace' };
}

/**
 * Reads the invite out of the address: a token in the query string is stored under
 * `plenary:token:<sid>` and `cleanUrl` is the address without it (for `history.replaceState`),
 * so the token does not linger in the address bar, history or screenshots.
 * Without a token in the URL the stored one is used (a reload after the first visit).
 */
export function resolveInvite(href: string, store: TokenStore): Invite {
  const url = new URL(href);
  const route = parseRoute(url.pathname);
  if (!route) return { kind: 'no-sitting' };
  const fromUrl = url.searchParams.get('token')?.trim();
  let cleanUrl: string | null = null;
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    cleanUrl = url.pathname + url.search + url.hash;
  }
  if (fromUrl) store.setItem(tokenKey(route.sid), fromUrl);
  const token = fromUrl || store.getItem(tokenKey(route.sid));
  if (!token) return { kind: 'no-token', ...route };
  return { kind: 'ok', ...route, token, cleanUrl };
}
