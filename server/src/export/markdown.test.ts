import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';
import { formatDate, versionLine } from './model';
import { SAMPLE } from './testing';

describe('Markdown export', () => {
  it('[X1] prints the sitting, the revision, the title and the numbered paragraphs with brackets, their holders and status notes', () => {
    expect(renderMarkdown(SAMPLE)).toBe(
      [
        '# First meeting of the Kabul Process',
        '',
        'Kabul, 6 June 2017',
        '',
        '*Rev.2 — Second reading, 6 June 2017 14:30 UTC*',
        '',
        '## Communiqué',
        '',
        '**PP1** *Recognizing* that a stable Afghanistan is needed, *(agreed)*',
        '',
        '**PP2** *Recalling* the [Istanbul Process]^(Pakistan) and the “Heart of Asia”, *(bracketed)*',
        '',
        'The participants: *(open)*',
        '',
        '**OP1** Decide to meet again in Kabul; *(agreed ad ref)*',
        '',
        '**OP2** Call upon [all States]^(China, Pakistan) to cooperate — in good faith — on 5 \\* 2 \\<items\\>; *(open)*',
        '',
      ].join('\n'),
    );
  });

  it('[X1] without status notes, as the live draft, and with no note where the status is not known', () => {
    const { revision: _, ...live } = SAMPLE;
    const md = renderMarkdown({ ...live, showStatus: false });
    expect(md).toContain('\n*Live draft, 6 June 2017 16:05 UTC*\n');
    expect(md).not.toMatch(/\*\((open|agreed|bracketed|agreed ad ref)\)\*/);
    expect(md).toContain('\n**OP1** Decide to meet again in Kabul;\n');
    const partly = renderMarkdown({ ...SAMPLE, statuses: { p1: 'agreed' } });
    expect(partly).toContain('**PP1** *Recognizing* that a stable Afghanistan is needed, *(agreed)*\n');
    expect(partly).toContain('**OP1** Decide to meet again in Kabul;\n');
  });

  it('[X1] text that would read as Markdown stays text; a bracket before a parenthesis is no link', () => {
    const md = renderMarkdown({
      ...SAMPLE,
      communique: {
        title: 'C',
        paragraphs: [
          { id: 'a', kind: 'text', runs: [{ text: '# 1. not a heading', brackets: [] }] },
          { id: 'b', kind: 'op', label: 'OP1', runs: [{ text: 'the UN', brackets: ['pk'] }, { text: '(_as_ agreed)', brackets: [] }] },
          { id: 'c', kind: 'text', runs: [{ text: '   ', brackets: [] }] },
        ],
      },
      showStatus: false,
    });
    expect(md.split('\n\n').slice(4)).toEqual(['\\# 1. not a heading', '**OP1** [the UN]^(Pakistan)(\\_as\\_ agreed)\n']);
  });

  it('[X1][L9] a bracket names its holders after it, an unknown delegation by its id, and its words stay text', () => {
    const md = renderMarkdown({
      ...SAMPLE,
      communique: { title: 'C', paragraphs: [{ id: 'b', kind: 'op', label: 'OP1', runs: [{ text: 'Urges *', brackets: ['in', 'pk'] }, { text: ' all', brackets: [] }] }] },
      showStatus: false,
    });
    expect(md.split('\n\n').slice(4)).toEqual(['**OP1** [Urges \\*]^(in, Pakistan) all\n']);
  });

  it('[X1] dates are written as a day, a month name and a year; a label that repeats Rev.N is not printed twice', () => {
    expect(formatDate('2017-06-06')).toBe('6 June 2017');
    expect(formatDate('2017-12-31')).toBe('31 December 2017');
    expect(formatDate('next Tuesday')).toBe('next Tuesday');
    expect(versionLine({ revision: { n: 1, label: 'Rev.1', at: Date.UTC(2017, 5, 6, 9, 5) }, generatedAt: 0 })).toBe('Rev.1, 6 June 2017 09:05 UTC');
    expect(versionLine({ revision: { n: 3, at: Date.UTC(2017, 5, 7) }, generatedAt: 0 })).toBe('Rev.3, 7 June 2017 00:00 UTC');
  });
});
