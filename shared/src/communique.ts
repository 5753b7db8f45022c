import * as Y from 'yjs';
import { newId } from './ids';
import type { ParagraphKind } from './schemas';

export type { ParagraphKind } from './schemas';

/** The communiqué lives in `XmlFragment 'body'` of `<sid>/communique`, as ProseMirror (TipTap) content. */
export const COMMUNIQUE_FRAGMENT = 'body';

/** ProseMirror node names as stored in the fragment (they must match the editor's schema). */
export const NODE = { heading: 'heading', paragraph: 'paragraph' } as const;

export interface CommuniqueSkeleton {
  title: string;
  preambular: string[];
  operative: string[];
}

function paragraph(kind: ParagraphKind, text: string): Y.XmlElement {
  const el = new Y.XmlElement(NODE.paragraph);
  el.setAttribute('id', newId('p-'));
  el.setAttribute('kind', kind);
  const t = new Y.XmlText();
  if (text) t.insert(0, text);
  el.insert(0, [t]);
  return el;
}

/** Writes the title and the numbered paragraphs into an empty communiqué fragment. */
export function writeCommuniqueSkeleton(doc: Y.Doc, s: CommuniqueSkeleton, origin: unknown): void {
  doc.transact(() => {
    const body = doc.getXmlFragment(COMMUNIQUE_FRAGMENT);
    const title = new Y.XmlElement(NODE.heading);
    title.setAttribute('level', 1 as unknown as string);
    const t = new Y.XmlText();
    t.insert(0, s.title);
    title.insert(0, [t]);
    body.insert(body.length, [
      title,
      ...s.preambular.map((p) => paragraph('pp', p)),
      ...s.operative.map((p) => paragraph('op', p)),
    ]);
  }, origin);
}

/** The top-level paragraphs' ids and kinds, in order: what numbering reads (E2). */
export function communiqueParagraphs(doc: Y.Doc): { id: string; kind: string | null }[] {
  return doc
    .getXmlFragment(COMMUNIQUE_FRAGMENT)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === NODE.paragraph)
    .map((n) => {
      const kind = n.getAttribute('kind');
      return { id: String(n.getAttribute('id') ?? ''), kind: typeof kind === 'string' ? kind : null };
    });
}

/** Plain text of the communiqué, one block per line; for tests, logs and exports. */
export function communiqueText(doc: Y.Doc): string {
  const body = doc.getXmlFragment(COMMUNIQUE_FRAGMENT);
  return body
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? xmlText(node) : node instanceof Y.XmlText ? node.toString() : ''))
    .join('\n');
}

function xmlText(el: Y.XmlElement): string {
  return el
    .toArray()
    .map((c) => (c instanceof Y.XmlText ? c.toDelta().map((d: { insert?: unknown }) => (typeof d.insert === 'string' ? d.insert : '')).join('') : c instanceof Y.XmlElement ? xmlText(c) : ''))
    .join('');
}
