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
