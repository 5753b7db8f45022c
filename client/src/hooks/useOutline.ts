import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { COMMUNIQUE_FRAGMENT, NODE } from '@plenary/shared/plain';
import { paragraphLabels } from '../editor/numbering';

export interface OutlineEntry {
  id: string;
  kind: string;
  /** PP1, OP2…; null for unnumbered text */
  label: string | null;
}

export function readOutline(doc: Y.Doc): OutlineEntry[] {
  const paragraphs = doc
    .getXmlFragment(COMMUNIQUE_FRAGMENT)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === NODE.paragraph);
  const kinds = paragraphs.map((p) => String(p.getAttribute('kind') ?? 'text'));
  const labels = paragraphLabels(kinds);
  return paragraphs.map((p, i) => ({ id: String(p.getAttribute('id') ?? ''), kind: kinds[i]!, label: labels[i] ?? null }));
}

/** The communiqué's paragraphs with their numbers, for naming them outside the editor ("PP2"). */
export function useOutline(doc: Y.Doc | null): OutlineEntry[] {
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  useEffect(() => {
    if (!doc) {
      setOutline([]);
      return;
    }
    const update = () =>
      setOutline((prev) => {
        const next = readOutline(doc);
        return JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
      });
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc]);
  return outline;
}

export function labelOf(outline: readonly OutlineEntry[], paragraphId: string): string {
  return outline.find((p) => p.id === paragraphId)?.label ?? 'the paragraph';
}
