import type { ChannelStatus, Connection } from '../lib/connection';
import { useTranslation } from 'react-i18next';
import { labelMap } from '../i18n';
import './ConnectionIndicator.css';

const LABEL: Record<Connection, string> = labelMap({ online: 'connection.online', reconnecting: 'connection.reconnecting', offline: 'connection.offline' });
const CHANNEL_LABEL: Record<ChannelStatus, string> = labelMap({
  connected: 'channel.connected',
  connecting: 'channel.connecting',
  disconnected: 'channel.disconnected',
});

/** Always visible: whether what you type and ask reaches the room. */
export function ConnectionIndicator({ connection, channels }: { connection: Connection; channels: { label: string; status: ChannelStatus }[] }) {
  useTranslation();
  const detail = channels.map((c) => `${c.label}: ${CHANNEL_LABEL[c.status]}`).join(' · ');
  return (
    <span className={`connection connection--${connection}`} data-testid="connection-status" data-state={connection} title={detail} role="status">
      <span className="connection__dot" aria-hidden="true" />
      {LABEL[connection]}
    </span>
  );
}
