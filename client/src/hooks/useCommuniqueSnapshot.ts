import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { COMMUNIQUE_FRAGMENT, communiqueSnapshot, type AssignedNumbers, type CommuniqueSnapshot } from '@plenary/shared/plain';
import { numbersKey } from './useOutline';

/** a burst of keystrokes from the room is read once per frame-ish, not once per update */
const READ_EVERY_MS = 120;

/**
 * The communiqué as plain data (labels, runs with their brackets), re-read as the text changes;
 * labelled under the numbers in force (E4); null until the doc has content. For read-only views:
 * no editor needed.
 */
export function useCommuniqueSnapshot(doc: Y.Doc | null, numbers: AssignedNumbers | null): CommuniqueSnapshot | null {
  const [snapshot, setSnapshot] = useState<CommuniqueSnapshot | null>(null);
  const current = useRef(numbers);
  current.current = numbers;
  const key = numbersKey(numbers);

  useEffect(() => {
    if (!doc) {
      setSnapshot(null);
      return;
    }
    const read = () => setSnapshot(doc.getXmlFragment(COMMUNIQUE_FRAGMENT).length > 0 ? communiqueSnapshot(doc, current.current) : null);
    let timer: number | null = null;
    const onUpdate = () => {
      if (timer !== null) return;
      timer = window.setTimeout(() => {
        timer = null;
        read();
      }, READ_EVERY_MS);
    };
    read();
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [doc, key]);

  return snapshot;
}
