import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { compareSnapshots, type CommuniqueSnapshot } from '@plenary/shared';
import { CompareList, compareSummary } from './CompareList';

const para = (id: string, label: string, text: string, brackets: string[] = []) => ({
  id,
  kind: label.startsWith('PP') ? ('pp' as const) : ('op' as const),
  label,
  runs: [{ text, brackets }],
});

const rev1: CommuniqueSnapshot = {
  title: 'Communiqué',
  paragraphs: [para('a', 'PP1', 'Recalling the meeting'), para('b', 'OP1', 'Calls upon all states'), para('c', 'OP2', 'Decides to meet'), para('d', 'OP3', 'Thanks the host')],
};
const rev2: CommuniqueSnapshot = {
  title: 'Communiqué',
  paragraphs: [
    para('a', 'PP1', 'Recalling the meeting'),
    para('c', 'OP1', 'Decides to meet'),
    para('b', 'OP2', 'Urges all states'),
    para('e', 'OP3', 'Welcomes the offer', ['pk']),
  ],
};

describe('[B4] compare rendering', () => {
  const html = renderToStaticMarkup(<CompareList changes={compareSnapshots(rev1, rev2)} />);

  it('underlines insertions and strikes deletions inside a changed paragraph', () => {
    expect(html).toMatch(/data-paragraph-id="b"[^>]*>.*<del class="compare-del">Calls upon<\/del><ins class="compare-ins">Urges<\/ins><span> all states<\/span>/);
    expect(html).toContain('compare-tag--changed');
  });

  it('labels added, removed and moved paragraphs', () => {
    expect(html).toMatch(/data-change="added"[^>]*data-paragraph-id="e".*?added<\/span>.*?<ins class="compare-ins">\[Welcomes the offer\]<\/ins>/);
    expect(html).toMatch(/data-change="removed"[^>]*data-paragraph-id="d".*?removed<\/span>.*?<del class="compare-del">Thanks the host<\/del>/);
    expect(html).toMatch(/data-moved="true"[^>]*>.*?moved<\/span>/);
  });

  it('shows unchanged paragraphs plainly, with their label', () => {
    expect(html).toMatch(/data-change="same" data-moved="false" data-paragraph-id="a"><div class="compare-para__margin"><span class="compare-para__label">PP1<\/span><\/div><p class="compare-para__text" dir="auto"><span>Recalling the meeting<\/span>/);
  });

  it('sums up the differences in words', () => {
    expect(compareSummary(compareSnapshots(rev1, rev2))).toBe('1 changed · 1 added · 1 removed · 1 moved');
    expect(compareSummary(compareSnapshots(rev1, rev1))).toBe('No differences');
  });
});
