/** Where a dragged agenda item lands, as the `toIndex` of `agenda.move` (its index after the move). */
export type DropSide = 'before' | 'after';

/** Before or after the target, by which half of it the pointer is over. */
export function dropSide(pointerY: number, targetTop: number, targetHeight: number): DropSide {
  return pointerY < targetTop + targetHeight / 2 ? 'before' : 'after';
}

/**
 * The item at `from` is dropped before or after the item at `over` (indices in the list as it is
 * now). The server removes the item and inserts it at `toIndex`, so dropping below itself counts
 * one less. Null when it would not move.
 */
export function moveTarget(from: number, over: number, side: DropSide): number | null {
  if (from < 0 || over < 0) return null;
  let to = side === 'before' ? over : over + 1;
  if (to > from) to -= 1;
  return to === from ? null : to;
}
