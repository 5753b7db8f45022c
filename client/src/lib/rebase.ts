import * as Y from 'yjs';
import { COMMUNIQUE_FRAGMENT, NODE } from '@plenary/shared/plain';

/** One run of characters of a paragraph, as a Yjs item holds it. */
interface Run {
  client: number;
  clock: number;
  text: string;
}

/** The words of each paragraph of a copy of the communiqué, by item, captured before the copy is dropped. */
export interface CapturedText {
  paragraphs: { id: string; kind: unknown; runs: Run[] }[];
}

/** The text of a paragraph: its first Yjs text (a paragraph holds one, L10). */
function textOf(p: Y.XmlElement): Y.XmlText | null {
  for (const c of p.toArray()) if (c instanceof Y.XmlText) return c;
  return null;
}

function paragraphsOf(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(COMMUNIQUE_FRAGMENT)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === NODE.paragraph && typeof n.getAttribute('id') === 'string');
}

/** The live characters of every paragraph of `doc`, item by item. */
export function captureText(doc: Y.Doc): CapturedText {
  return {
    paragraphs: paragraphsOf(doc).map((p) => {
      const runs: Run[] = [];
      for (let item = textOf(p)?._start ?? null; item !== null; item = item.right) {
        if (!item.deleted && item.content instanceof Y.ContentString) runs.push({ client: item.id.client, clock: item.id.clock, text: item.content.str });
      }
      return { id: String(p.getAttribute('id')), kind: p.getAttribute('kind'), runs };
    }),
  };
}

type CharId = { client: number; clock: number };

/** The index in `text` just after the character `id`, or where it stood if it was deleted since; null if unknown. */
function indexAfter(text: Y.XmlText, id: CharId | null): number | null {
  if (id === null) return 0;
  let index = 0;
  for (let item = text._start; item !== null; item = item.right) {
    const counts = !item.deleted && item.countable;
    if (item.id.client === id.client && item.id.clock <= id.clock && id.clock < item.id.clock + item.length) {
      return counts ? index + (id.clock - item.id.clock) + 1 : index;
    }
    if (counts) index += item.length;
  }
  return null;
}

/**
 * Types again, into a fresh copy of the communiqué, the words of `captured` that the server does not
 * have — those of an edit it refused as a whole (L2: it also touched a paragraph agreed meanwhile).
 * Each run goes after the character it followed, in paragraphs still open (`locked` says which are
 * not); the words of locked paragraphs are not (the server kept them as a comment). Returns the
 * number of characters typed again.
 */
export function retypeUnsent(fresh: Y.Doc, captured: CapturedText, locked: (paragraphId: string, kind: unknown) => boolean, origin: unknown): number {
  const has = (client: number, clock: number) => clock < Y.getState(fresh.store, client);
  const paragraphs = new Map(paragraphsOf(fresh).map((p) => [String(p.getAttribute('id')), p]));
  let typed = 0;
  fresh.transact(() => {
    for (const { id, kind, runs } of captured.paragraphs) {
      const p = paragraphs.get(id);
      const text = p ? textOf(p) : null;
      if (!text || locked(id, kind)) continue;
      // runs of characters the server lacks, each after the last character it has
      let anchor: CharId | null = null;
      const pending: { after: CharId | null; text: string }[] = [];
      for (const run of runs) {
        for (let i = 0; i < run.text.length; i++) {
          const clock = run.clock + i;
          if (has(run.client, clock)) {
            anchor = { client: run.client, clock };
            continue;
          }
          const last = pending[pending.length - 1];
          if (last && last.after === anchor) last.text += run.text[i];
          else pending.push({ after: anchor, text: run.text[i]! });
        }
      }
      for (const { after, text: words } of pending) {
        const index = indexAfter(text, after) ?? text.length;
        text.insert(index, words);
        typed += words.length;
      }
    }
  }, origin);
  return typed;
}
