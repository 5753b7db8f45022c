import { describe, expect, it } from 'vitest';
import { paragraphLabels } from './numbering';

describe('[E2] paragraphLabels', () => {
  it('numbers preambular and operative paragraphs in their own series', () => {
    expect(paragraphLabels(['pp', 'pp', 'op', 'op', 'op'])).toEqual(['PP1', 'PP2', 'OP1', 'OP2', 'OP3']);
  });

  it('skips text paragraphs and unknown kinds without breaking the count', () => {
    expect(paragraphLabels(['text', 'pp', null, 'pp', 'op', undefined, 'whatever', 'op'])).toEqual([
      null,
      'PP1',
      null,
      'PP2',
      'OP1',
      null,
      null,
      'OP2',
    ]);
  });

  it('keeps counting each series when they interleave', () => {
    expect(paragraphLabels(['pp', 'op', 'pp', 'op'])).toEqual(['PP1', 'OP1', 'PP2', 'OP2']);
  });

  it('has nothing to number in an empty communiqué', () => {
    expect(paragraphLabels([])).toEqual([]);
  });
});
