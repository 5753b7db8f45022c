import { useState } from 'react';
import { resolveInvite, type Invite, type TokenStore } from '../lib/invite';

/** sessionStorage, or memory when the browser refuses it (some private modes do). */
function tokenStore(): TokenStore {
  try {
    const s = window.sessionStorage;
    s.getItem('plenary:probe');
    return s;
  } catch {
    const m = new Map<string, string>();
    return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
  }
}

/** The invite of this tab, read once; the token leaves the address bar right away. */
export function useInvite(): Invite {
  const [invite] = useState<Invite>(() => {
    const inv = resolveInvite(window.location.href, tokenStore());
    if (inv.kind === 'ok' && inv.cleanUrl !== null) window.history.replaceState(window.history.state, '', inv.cleanUrl);
    return inv;
  });
  return invite;
}
