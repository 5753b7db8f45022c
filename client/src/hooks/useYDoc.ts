import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { docName, type DocKind } from '@plenary/shared/plain';
import type { ChannelStatus } from '../lib/connection';
import { shouldResync, type Resync } from '../lib/resync';
import { captureText, retypeUnsent, type CapturedText } from '../lib/rebase';
import { browserStore, localKey, readJson, tokenActor, writeJson } from '../lib/localCopy';
import { PendingEdits } from '../lib/pendingEdits';
import { followBrowserNetwork } from '../lib/reconnect';
import { browserLink, isSlowLink, SLOW_AWARENESS_MS, throttleAwareness } from '../lib/slowLink';

export interface YDocState {
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  status: ChannelStatus;
  /** true once there is text to show: the first sync with the server finished, or the local copy had some */
  synced: boolean;
  /** edits made in this browser that the server has not stored yet (kept in the local copy meanwhile) */
  pendingEdits: number;
  /** the server closed the connection for good (4400–4499): its reason */
  closedReason: string | null;
  /** bumped each time the doc was dropped and fetched again from the server */
  generation: number;
  /** why the doc was last fetched again, if it was */
  resync: Resync | null;
}

const INITIAL: Omit<YDocState, 'generation' | 'resync'> = { doc: null, provider: null, status: 'connecting', synced: false, pendingEdits: 0, closedReason: null };

export interface YDocOptions {
  /**
   * The communiqué: which paragraphs are locked now (agreed, under a silence). After the server
   * refused an edit because it touched one (4409), the words it carried for the others are typed
   * again into the fresh copy.
   */
  locked?: (paragraphId: string, kind: unknown) => boolean;
}

/** the origin of words typed again after a refusal */
const RETYPED = 'plenary:retyped';

/** a server that keeps refusing the fresh copy too is not asked again and again */
const MAX_RESYNCS = 4;
const RESYNC_WINDOW_MS = 30_000;

export function wsOrigin(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}`;
}

/**
 * One of the sitting's two Yjs docs, kept in sync over stock y-websocket at `/yjs/<sid>/<kind>`,
 * with a copy in IndexedDB (per sitting, doc and actor) so reading and drafting go on offline and
 * survive a reload; the edits merge when the connection is back.
 * When the server refuses our edits and closes with 4409/4403/4400, our copy has diverged from
 * the server's: it is thrown away, the local copy too, and a fresh doc syncs the server's text
 * (`generation` + 1).
 */
export function useYDoc(sid: string, kind: DocKind, token: string, enabled = true, opts: YDocOptions = {}): YDocState {
  const [state, setState] = useState(INITIAL);
  const [generation, setGeneration] = useState(0);
  const [resync, setResync] = useState<Resync | null>(null);
  const recent = useRef<number[]>([]);
  const locked = useRef(opts.locked);
  locked.current = opts.locked;
  /** the words of a copy dropped after a refusal (4409), to be typed again into the fresh one */
  const retype = useRef<CapturedText | null>(null);

  useEffect(() => {
    if (!enabled) {
      setState({ ...INITIAL, status: 'disconnected' });
      return;
    }
    const doc = new Y.Doc();
    const name = localKey(sid, kind, tokenActor(token));
    const local = new IndexeddbPersistence(name, doc);
    // BroadcastChannel off: tabs must each sync through the server, which checks their rights
    const provider = new WebsocketProvider(`${wsOrigin()}/yjs`, docName(sid, kind), doc, {
      params: { token },
      disableBc: true,
    });
    const patch = (p: Partial<YDocState>) => setState((s) => (s.doc === doc ? { ...s, ...p } : s));
    setState({ ...INITIAL, doc, provider });
    const storage = browserStore();
    const countKey = `${name}:pending`;
    const pending = new PendingEdits(
      doc,
      provider,
      [local],
      { read: () => Number(readJson(storage, countKey, 0)) || 0, write: (n) => writeJson(storage, countKey, n > 0 ? n : null) },
      (pendingEdits) => patch({ pendingEdits }),
    );
    patch({ pendingEdits: pending.pending });
    const unthrottle = isSlowLink(browserLink()) ? throttleAwareness(provider, SLOW_AWARENESS_MS) : () => {};
    void local.whenSynced.then(() => {
      if (doc.store.clients.size > 0) patch({ synced: true });
    });

    const onStatus = ({ status }: { status: ChannelStatus }) => patch({ status });
    const onSync = (synced: boolean) => {
      if (!synced) return;
      patch({ synced });
      // words typed with a refused edit in paragraphs still open are typed again (O1)
      const captured = retype.current;
      retype.current = null;
      if (captured && locked.current) retypeUnsent(doc, captured, locked.current, RETYPED);
    };
    const onClosed = (e: { code: number; reason: string }) =>
      patch({ status: 'disconnected', closedReason: e.reason || `closed (${e.code})` });
    const onConnectionClose = (e: CloseEvent | null) => {
      if (!e || !shouldResync(e.code)) return;
      // refused because it also touched a paragraph agreed or silenced meanwhile: the rest is honest work
      retype.current = e.code === 4409 && locked.current ? captureText(doc) : null;
      // the refused edit is in the local copy too: gone with it, or it would come back on every load
      pending.clear();
      const cleared = local.clearData().catch(() => {});
      const now = Date.now();
      recent.current = [...recent.current.filter((t) => now - t < RESYNC_WINDOW_MS), now];
      if (recent.current.length > MAX_RESYNCS) return; // `closed` follows and shows the reason
      setResync({ code: e.code, reason: e.reason, at: now });
      void cleared.then(() => setGeneration((g) => g + 1));
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    provider.on('connection-close', onConnectionClose);
    // no tries while the browser has no network; a fresh one at once when it is back (one closed
    // by the server for good, `closed`, is not tried again)
    let paused = false;
    const stopFollowing = followBrowserNetwork(window, () => navigator.onLine, {
      pause: () => {
        if (!provider.shouldConnect) return;
        paused = true;
        provider.disconnect();
      },
      resume: () => {
        if (!paused && !provider.shouldConnect) return;
        paused = false;
        if (provider.wsconnected) return;
        if (provider.ws) provider.disconnect(); // a try still hanging: start afresh
        provider.connect();
      },
    });

    return () => {
      stopFollowing();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.off('connection-close', onConnectionClose);
      pending.stop();
      unthrottle();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [sid, kind, token, enabled, generation]);

  return { ...state, generation, resync };
}
