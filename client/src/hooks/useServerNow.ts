import { useEffect, useState } from 'react';

/**
 * The server's time (`Date.now() + offset`), re-rendering every `intervalMs` while `active`.
 * One timer per caller; the speaking timer asks for 200 ms (5×/s), the agenda for 1 s.
 */
export function useServerNow(offset: number, intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    setNow(Date.now() + offset);
    if (!active) return;
    const t = window.setInterval(() => setNow(Date.now() + offset), intervalMs);
    return () => window.clearInterval(t);
  }, [offset, intervalMs, active]);
  return now;
}
