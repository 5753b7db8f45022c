import { useEffect, useState } from 'react';

/** The server's time, ticking every `everyMs`. */
export function useNow(clockOffset: number, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now() + clockOffset);
  useEffect(() => {
    setNow(Date.now() + clockOffset);
    const t = window.setInterval(() => setNow(Date.now() + clockOffset), everyMs);
    return () => window.clearInterval(t);
  }, [clockOffset, everyMs]);
  return now;
}
