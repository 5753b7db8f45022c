import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { docName, type DocKind } from '@plenary/shared';
import type { ChannelStatus } from '../lib/connection';

export interface YDocState {
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  status: ChannelStatus;
  /** true once the first sync with the server finished */
  synced: boolean;
  /** the server closed the connection for good (4400–4499): its reason */
  closedReason: string | null;
}

const INITIAL: YDocState = { doc: null, provider: null, status: 'connecting', synced: false, closedReason: null };

export function wsOrigin(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}`;
}

/** One of the sitting's two Yjs docs, kept in sync over stock y-websocket at `/yjs/<sid>/<kind>`. */
export function useYDoc(sid: string, kind: DocKind, token: string, enabled = true): YDocState {
  const [state, setState] = useState<YDocState>(INITIAL);

  useEffect(() => {
    if (!enabled) {
      setState({ ...INITIAL, status: 'disconnected' });
      return;
    }
    const doc = new Y.Doc();
    // BroadcastChannel off: tabs must each sync through the server, which checks their rights
    const provider = new WebsocketProvider(`${wsOrigin()}/yjs`, docName(sid, kind), doc, {
      params: { token },
      disableBc: true,
    });
    const patch = (p: Partial<YDocState>) => setState((s) => (s.doc === doc ? { ...s, ...p } : s));
    setState({ ...INITIAL, doc, provider });

    const onStatus = ({ status }: { status: ChannelStatus }) => patch({ status });
    const onSync = (synced: boolean) => patch({ synced });
    const onClosed = (e: { code: number; reason: string }) =>
      patch({ status: 'disconnected', closedReason: e.reason || `closed (${e.code})` });
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);

    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.destroy();
      doc.destroy();
    };
  }, [sid, kind, token, enabled]);

  return state;
}
