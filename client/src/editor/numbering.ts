/**
 * Automatic numbering of the communiqué: preambular paragraphs PP1, PP2…, operative paragraphs
 * OP1, OP2…, each series counted on its own; `text` paragraphs (and anything unknown) are not
 * numbered. Numbers are never stored: they follow from the order, so they cannot drift.
 */
export function paragraphLabels(kinds: readonly (string | null | undefined)[]): (string | null)[] {
  let pp = 0;
  let op = 0;
  return kinds.map((k) => {
    if (k === 'pp') return `PP${++pp}`;
    if (k === 'op') return `OP${++op}`;
    return null;
  });
}
