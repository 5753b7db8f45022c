/** A connection that can stop trying while the browser has no network, and try at once when it is back. */
export interface Reconnecting {
  pause(): void;
  resume(): void;
}

/**
 * Follows the browser's own view of the network (O1). While it says there is none
 * (`navigator.onLine` false), a connection stops trying: every failed try makes Chromium wait longer
 * before the next WebSocket to the same server (after ten minutes of tries, seconds per socket, one
 * socket after another). When it says the network is back, each connection tries at once rather
 * than after its backoff (up to 7.5 s for Socket.IO, 2.5 s for y-websocket).
 */
export function followBrowserNetwork(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  online: () => boolean,
  connection: Reconnecting,
): () => void {
  const onOffline = () => connection.pause();
  const onOnline = () => connection.resume();
  target.addEventListener('offline', onOffline);
  target.addEventListener('online', onOnline);
  if (!online()) connection.pause();
  return () => {
    target.removeEventListener('offline', onOffline);
    target.removeEventListener('online', onOnline);
  };
}
