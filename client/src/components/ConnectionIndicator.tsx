import type { ChannelStatus, Connection } from '../lib/connection';
import './ConnectionIndicator.css';

const LABEL: Record<Connection, string> = { online: 'online', reconnecting: 'reconnecting…', offline: 'offline' };

/** Always visible: whether what you type and ask reaches the room. */
export function ConnectionIndicator({ connection, channels }: { connection: Connection; channels: { label: string; status: ChannelStatus }[] }) {
  const detail = channels.map((c) => `${c.label}: ${c.status}`).join(' · ');
  return (
    <span className={`connection connection--${connection}`} data-testid="connection-status" data-state={connection} title={detail} role="status">
      <span className="connection__dot" aria-hidden="true" />
      {LABEL[connection]}
    </span>
  );
}
