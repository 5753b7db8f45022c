import { useNow } from '../hooks/useNow';
import { formatClock } from '../lib/format';
import { useTranslation } from 'react-i18next';

/** The time in the room, from the server's clock (laptop clocks drift; the timer must not). */
export function LiveClock({ clockOffset }: { clockOffset: number }) {
  useTranslation();
  const now = useNow(clockOffset);
  const iso = new Date(now).toISOString();
  return (
    <time className="live-clock" dateTime={iso} data-testid="clock" style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
      {formatClock(now)}
    </time>
  );
}
