import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { communiqueParagraphs, paragraphLabels, type AssignedNumbers } from '@plenary/shared/plain';

export interface OutlineEntry {
  id: string;
  kind: string;
  /** PP1, OP2 bis…; null for unnumbered text */
  label: string | null;
}

/** The paragraphs with their labels under the numbers in force (E4). */
export function readOutline(doc: Y.Doc, numbers: AssignedNumbers | null = null): OutlineEntry[] {
  const paragraphs = communiqueParagraphs(doc);
  const labels = paragraphLabels(paragraphs, numbers);
  return paragraphs.map((p, i) => ({ id: p.id, kind: p.kind ?? 'text', label: labels[i] ?? null }));
}

/** Which assignment of numbers this is: each is made once, by one revision (or the sitting's creation) at one time. */
export function numbersKey(numbers: AssignedNumbers | null): string {
  return numbers ? `${numbers.rev}@${numbers.at}` : '';
}

/** The communiqué's paragraphs with their numbers, for naming them outside the editor ("PP2", "OP2 bis"). */
export function useOutline(doc: Y.Doc | null, numbers: AssignedNumbers | null): OutlineEntry[] {
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const current = useRef(numbers);
  current.current = numbers;
  const key = numbersKey(numbers);
  useEffect(() => {
    if (!doc) {
      setOutline([]);
      return;
    }
    const update = () =>
      setOutline((prev) => {
        const next = readOutline(doc, current.current);
        return JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
      });
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc, key]);
  return outline;
}

export function labelOf(outline: readonly OutlineEntry[], paragraphId: string): string {
  return outline.find((p) => p.id === paragraphId)?.label ?? 'the paragraph';
}
