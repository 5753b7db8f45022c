import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  decodeAwareness,
  decodeFrame,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type AwarenessEntry,
} from '../../server/src/yjs/frames';

/**
 * A y-websocket client made of frames, for tests that need to know when the server has handled
 * what they sent: `barrier()` sends sync step 1, which the server answers only once every earlier
 * frame of this connection has been applied and stored, or refused.
 */
export interface RawYjs {
  /** the doc as the server sent it; `edit` changes it and sends the update */
  doc: Y.Doc;
  edit(fn: (doc: Y.Doc) => void): void;
  sendAwareness(entries: AwarenessEntry[]): void;
  /** sends a frame as it is */
  send(frame: Uint8Array): void;
  /** the server's awareness states, asked for and answered at once (the answer names at least `ids`) */
  queryAwareness(ids: number[]): Promise<Map<number, AwarenessEntry['state']>>;
  barrier(): Promise<void>;
  /** reasons of the permission-denied messages received */
  denied: string[];
  /** every awareness entry received, in order (one the client could not read as `{ unreadable: true }`) */
  awareness: AwarenessEntry[];
  closed: { code: number; reason: string } | null;
  close(): void;
}

/** Opens a connection; rejects with the HTTP status when the upgrade is refused. */
export function rawYjs(t: { wsUrl: string }, doc: string, token: string): Promise<RawYjs> {
  const ws = new WebSocket(`${t.wsUrl}/yjs/${doc}?token=${encodeURIComponent(token)}`);
  ws.binaryType = 'nodebuffer';
  const ydoc = new Y.Doc();
  const waiting: (() => void)[] = [];
  let awarenessWaiter: ((entries: AwarenessEntry[]) => boolean) | null = null;
  const client: RawYjs = {
    doc: ydoc,
    denied: [],
    awareness: [],
    closed: null,
    edit(fn) {
      ydoc.transact(() => fn(ydoc), 'local');
    },
    sendAwareness(entries) {
      ws.send(encodeAwareness(encodeAwarenessEntries(entries)));
    },
    send(frame) {
      ws.send(frame);
    },
    queryAwareness(ids) {
      return new Promise((resolve, reject) => {
        awarenessWaiter = (entries) => {
          const states = new Map(entries.map((e) => [e.clientId, e.state]));
          if (!ids.every((id) => states.has(id))) return false;
          resolve(states);
          return true;
        };
        ws.once('close', () => reject(new Error(`closed ${client.closed?.code} ${client.closed?.reason}`)));
        ws.send(Uint8Array.of(3));
      });
    },
    barrier() {
      return new Promise((resolve, reject) => {
        if (client.closed) return reject(new Error(`closed ${client.closed.code} ${client.closed.reason}`));
        waiting.push(resolve);
        ws.once('close', () => reject(new Error(`closed ${client.closed?.code} ${client.closed?.reason}`)));
        ws.send(encodeSyncStep1(ydoc));
      });
    },
    close: () => ws.close(),
  };
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'local' && ws.readyState === WebSocket.OPEN) ws.send(encodeUpdate(update));
  });
  ws.on('message', (raw: Buffer) => {
    const data = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    if (data[0] === 2) {
      client.denied.push(Buffer.from(data.subarray(3)).toString());
      return;
    }
    const frame = decodeFrame(data);
    if (frame.kind === 'sync-step1') ws.send(encodeSyncStep2(Y.encodeStateAsUpdate(ydoc, frame.stateVector)));
    else if (frame.kind === 'sync-step2' || frame.kind === 'update') {
      Y.applyUpdate(ydoc, frame.update, 'server');
      if (frame.kind === 'sync-step2') waiting.shift()?.();
    } else if (frame.kind === 'awareness') {
      let entries: AwarenessEntry[];
      try {
        entries = decodeAwareness(frame.update);
      } catch {
        client.awareness.push({ clientId: -1, clock: 0, state: { unreadable: true } });
        return;
      }
      client.awareness.push(...entries);
      if (awarenessWaiter?.(entries)) awarenessWaiter = null;
    }
  });
  ws.on('close', (code, reason) => (client.closed = { code, reason: reason.toString() }));
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
    ws.once('open', () => void client.barrier().then(() => resolve(client), reject));
  });
}
