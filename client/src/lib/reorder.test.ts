import { describe, expect, it } from 'vitest';
import { dropSide, moveTarget } from './reorder';

/** What the server does with `agenda.move`: remove, then insert at toIndex. */
function apply<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x!);
  return next;
}

describe('agenda drag and drop', () => {
  it('picks the side by the half of the target under the pointer', () => {
    expect(dropSide(109, 100, 20)).toBe('before');
    expect(dropSide(110, 100, 20)).toBe('after');
  });

  it('turns a drop into the index after the move', () => {
    const list = ['a', 'b', 'c', 'd', 'e'];
    expect(apply(list, 1, moveTarget(1, 3, 'after')!)).toEqual(['a', 'c', 'd', 'b', 'e']);
    expect(apply(list, 1, moveTarget(1, 3, 'before')!)).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(apply(list, 3, moveTarget(3, 0, 'before')!)).toEqual(['d', 'a', 'b', 'c', 'e']);
    expect(apply(list, 3, moveTarget(3, 0, 'after')!)).toEqual(['a', 'd', 'b', 'c', 'e']);
    expect(apply(list, 0, moveTarget(0, 4, 'after')!)).toEqual(['b', 'c', 'd', 'e', 'a']);
  });

  it('does not move onto itself or next to where it already is', () => {
    expect(moveTarget(2, 2, 'before')).toBeNull();
    expect(moveTarget(2, 2, 'after')).toBeNull();
    expect(moveTarget(2, 1, 'after')).toBeNull();
    expect(moveTarget(2, 3, 'before')).toBeNull();
    expect(moveTarget(-1, 3, 'before')).toBeNull();
  });
});
