/** The state of one channel to the server: Socket.IO or one y-websocket provider. */
export type ChannelStatus = 'connected' | 'connecting' | 'disconnected';

/** What the person sees: always one of three words. */
export type Connection = 'online' | 'reconnecting' | 'offline';

export interface Channels {
  socket: ChannelStatus;
  communique: ChannelStatus;
  session: ChannelStatus;
  /** `navigator.onLine`: false means no network at all */
  browserOnline: boolean;
}

/**
 * Online only when every channel is up: a live editor with a dead command channel (or the
 * reverse) is not "online" for a delegate. Offline when nothing is trying any more (or there is
 * no network); anything in between is reconnecting.
 */
export function combineConnection(c: Channels): Connection {
  const all = [c.socket, c.communique, c.session];
  if (!c.browserOnline) return 'offline';
  if (all.every((s) => s === 'connected')) return 'online';
  if (all.every((s) => s === 'disconnected')) return 'offline';
  return 'reconnecting';
}
