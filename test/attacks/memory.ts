import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { COMMUNIQUE_FRAGMENT, NODE } from '@plenary/shared';

/**
 * Attacks on the server's memory: what it holds for a connection (a send buffer it does not read,
 * edits held before its sync reply) and for a doc (text kept from refused edits) (K10).
 */

/** An update adding a paragraph of `chars` characters at the end of the communiqué. */
export function paste(doc: Y.Doc, chars: number, seq: number): void {
  const p = new Y.XmlElement(NODE.paragraph);
  p.setAttribute('id', `p-paste-${seq}`);
  p.setAttribute('kind', 'op');
  const text = new Y.XmlText();
  text.insert(0, String.fromCharCode(97 + (seq % 26)).repeat(chars));
  p.insert(0, [text]);
  const body = doc.getXmlFragment(COMMUNIQUE_FRAGMENT);
  body.insert(body.length, [p]);
}

/**
 * A connection that joins a doc and then reads nothing: whatever the server sends it waits in the
 * server's send buffer once the kernel's buffers are full.
 */
export async function nonReader(wsUrl: string, doc: string, token: string): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(`${wsUrl}/yjs/${doc}?token=${encodeURIComponent(token)}`);
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  ws.pause();
  return { ws, closed };
}

/** The resident set of a process, in bytes (Linux). */
export function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for process ${pid}`);
  return Number(m[1]) * 1024;
}

/**
 * An edit of about `bytes` that builds on text the server does not have (a paragraph only the
 * sender's own doc holds): sent before the connection's sync reply, the server holds it until that
 * reply arrives, which this attack never sends.
 */
export function editOnUnknownText(bytes: number): Uint8Array {
  const hidden = new Y.Doc();
  const body = hidden.getXmlFragment(COMMUNIQUE_FRAGMENT);
  const p = new Y.XmlElement(NODE.paragraph);
  const text = new Y.XmlText();
  text.insert(0, 'unknown to the server');
  p.insert(0, [text]);
  body.insert(0, [p]);
  const before = Y.encodeStateVector(hidden);
  text.insert(text.length, 'x'.repeat(bytes));
  return Y.encodeStateAsUpdate(hidden, before);
}

/** A y-websocket connection that never answers the server's sync step 1, so it never counts as synced. */
export async function neverSyncs(wsUrl: string, doc: string, token: string): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(`${wsUrl}/yjs/${doc}?token=${encodeURIComponent(token)}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return { ws, closed };
}

/** A paste of about `chars` characters, different for each `seq` (a resent identical edit is kept once). */
export function bigPaste(chars: number, seq: number): string {
  return ` attempt ${seq} `.padEnd(chars, 'x');
}

/**
 * A Socket.IO connection (engine.io over a WebSocket) that authenticates, then reads nothing and
 * sends a pong every second without reading the pings, so the heartbeat does not drop it.
 */
export async function silentSocketIo(wsUrl: string, token: string): Promise<{ ws: WebSocket; closed: Promise<number>; stop: () => void }> {
  const ws = new WebSocket(`${wsUrl}/socket.io/?EIO=4&transport=websocket`);
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.startsWith('0')) ws.send(`40${JSON.stringify({ token })}`);
      else if (text.startsWith('40')) resolve();
      else if (text.startsWith('44')) reject(new Error(`refused: ${text}`));
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  ws.removeAllListeners('message');
  ws.pause();
  const pong = setInterval(() => ws.readyState === ws.OPEN && ws.send('3'), 1000);
  return { ws, closed, stop: () => clearInterval(pong) };
}

/** A Socket.IO `cmd` event (engine.io text frame) that the server answers with a refusal of about 150 bytes. */
export function commandAskingAnAnswer(ackId: number): string {
  return `42${ackId}${JSON.stringify(['cmd', { id: `flood-${ackId}`, type: 'no.such.command', payload: {} }])}`;
}
