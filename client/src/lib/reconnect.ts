/** A connection that retries by itself after a growing wait, and can be told to try now. */
export interface Retrying {
  /** connected, or told not to connect (refused, closed on purpose): nothing to do */
  idle(): boolean;
  tryNow(): void;
}

/**
 * When the browser says the network is back, each connection that is waiting to retry tries at
 * once (O1): after ten minutes offline Socket.IO's wait between tries is up to 7.5 s, y-websocket's
 * 2.5 s, and a delegate back on the network should not look at "reconnecting" meanwhile.
 */
export function retryWhenOnline(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>, connection: Retrying): () => void {
  const onOnline = () => {
    if (!connection.idle()) connection.tryNow();
  };
  target.addEventListener('online', onOnline);
  return () => target.removeEventListener('online', onOnline);
}
