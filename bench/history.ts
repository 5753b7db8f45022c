/**
 * A communiqué's edit history for the cold-load scenario: `n` Yjs updates as people type them —
 * runs of single-character inserts, backspaces, new paragraphs — from a dozen client ids,
 * deterministic for a seed. The history is self-contained (it never hangs on content it did not
 * create), so it applies on top of any doc: Plenary's freshly created communiqué or the stock
 * server's empty one.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { prng } from './stats';

export interface History {
  updates: Uint8Array[];
  /** paragraphs the history creates (id attribute `h-<n>`) */
  paragraphs: number;
  /** sha256 over the history paragraphs' ids and texts, in order */
  digest: string;
  bytes: number;
  generateMs: number;
}

const WORDS =
  'the participating states reaffirm their commitment to a stable secure and prosperous afghanistan recognizing that terrorism and violent extremism pose a threat to regional and international peace calls upon all parties to cooperate in good faith on border management counter narcotics refugees and connectivity'.split(
    ' ',
  );

export function generateHistory(n: number, seed = 2017): History {
  const t0 = performance.now();
  const rand = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const doc = new Y.Doc({ gc: true });
  const clients = Array.from({ length: 12 }, (_, i) => 1_000_000 + i * 7919);
  doc.clientID = clients[0]!;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const body = doc.getXmlFragment('body');
  const texts: Y.XmlText[] = [];
  let paragraphs = 0;

  const newParagraph = () => {
    const p = new Y.XmlElement('paragraph');
    p.setAttribute('id', `h-${paragraphs++}`);
    p.setAttribute('kind', rand() < 0.4 ? 'pp' : 'op');
    const t = new Y.XmlText();
    p.insert(0, [t]);
    // new paragraphs go after one the history made (or first), never next to foreign content
    const at = texts.length === 0 ? 0 : Math.floor(rand() * (texts.length + 1));
    body.insert(at, [p]);
    texts.splice(at, 0, t);
  };

  while (updates.length < n) {
    // a typing session: one participant, one paragraph, a cursor
    doc.clientID = pick(clients);
    if (texts.length < 8 || (texts.length < 80 && rand() < 0.04)) {
      newParagraph();
      continue;
    }
    const t = pick(texts);
    let cursor = rand() < 0.7 ? t.length : Math.floor(rand() * (t.length + 1));
    const run = 5 + Math.floor(rand() * 60);
    for (let i = 0; i < run && updates.length < n; i++) {
      if (rand() < 0.08 && cursor > 0) {
        t.delete(cursor - 1, 1); // backspace
        cursor--;
        continue;
      }
      const word = pick(WORDS);
      const ch = i % 8 === 7 ? ' ' : word[i % word.length]!;
      t.insert(cursor, ch);
      cursor++;
    }
  }
  updates.length = n;
  const bytes = updates.reduce((s, u) => s + u.byteLength, 0);
  return { updates, paragraphs, digest: historyDigest(doc), bytes, generateMs: performance.now() - t0 };
}

/** Digest of the history's paragraphs in a doc (ignores everything else the doc holds). */
export function historyDigest(doc: Y.Doc): string {
  const h = createHash('sha256');
  for (const node of doc.getXmlFragment('body').toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const id = String(node.getAttribute('id') ?? '');
    if (!id.startsWith('h-')) continue;
    const t = node.get(0) as unknown;
    h.update(`${id}\n${t instanceof Y.XmlText ? t.toString() : ''}\n`);
  }
  return h.digest('hex');
}

export function encodeHistory(updates: Uint8Array[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, updates.length);
  for (const u of updates) encoding.writeVarUint8Array(e, u);
  return encoding.toUint8Array(e);
}

export function decodeHistory(data: Uint8Array): Uint8Array[] {
  const d = decoding.createDecoder(data);
  const n = decoding.readVarUint(d);
  const updates: Uint8Array[] = [];
  for (let i = 0; i < n; i++) updates.push(decoding.readVarUint8Array(d));
  return updates;
}
