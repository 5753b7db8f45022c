import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';

/** On a slow link, carets and selections go out at most this often. */
export const SLOW_AWARENESS_MS = 1500;

const MESSAGE_AWARENESS = 1;

/** The parts of `navigator.connection` (Network Information API) read here. */
export interface LinkInfo {
  effectiveType?: string;
  /** ms */
  rtt?: number;
  /** Mbit/s */
  downlink?: number;
}

/** A link where every byte counts: 2G/3G as the browser rates it, a round trip of 300 ms or more, or under 1 Mbit/s. */
export function isSlowLink(info: LinkInfo | undefined): boolean {
  if (!info) return false;
  if (info.effectiveType && ['slow-2g', '2g', '3g'].includes(info.effectiveType)) return true;
  if (typeof info.rtt === 'number' && info.rtt >= 300) return true;
  return typeof info.downlink === 'number' && info.downlink > 0 && info.downlink < 1;
}

export function browserLink(): LinkInfo | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { connection?: LinkInfo }).connection;
}

/**
 * Sends this provider's awareness changes (carets, selections) at most every `ms`: the changes
 * of a burst of typing go out as one message. Leaving (a removed state) still goes out at once.
 * Returns the undo.
 */
export function throttleAwareness(provider: WebsocketProvider, ms: number): () => void {
  const awareness = provider.awareness;
  const changed = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const ws = provider.ws;
    if (changed.size === 0 || !provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return changed.clear();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...changed]));
    changed.clear();
    ws.send(encoding.toUint8Array(encoder));
  };
  const onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    for (const id of [...added, ...updated, ...removed]) changed.add(id);
    if (removed.length > 0) {
      if (timer) clearTimeout(timer);
      return flush();
    }
    timer ??= setTimeout(flush, ms);
  };
  awareness.off('update', provider._awarenessUpdateHandler);
  awareness.on('update', onUpdate);
  return () => {
    if (timer) clearTimeout(timer);
    awareness.off('update', onUpdate);
    awareness.on('update', provider._awarenessUpdateHandler);
  };
}
