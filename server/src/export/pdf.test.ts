import { describe, expect, it } from 'vitest';
import { renderPdf, toWinAnsi } from './pdf';
import { pdfInfo, pdfPlainText, pdfText, SAMPLE } from './testing';

describe('PDF export', () => {
  it('[X3][L9] is a PDF whose text holds the heading and the labelled paragraphs in order, brackets kept, each with a footnote naming its holders', async () => {
    const pdf = await renderPdf(SAMPLE, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfInfo(pdf, 'Title')).toBe('Communiqué');
    expect(pdfInfo(pdf, 'Subject')).toBe('First meeting of the Kabul Process. Rev.2 — Second reading, 6 June 2017 14:30 UTC');
    const text = pdfPlainText(pdf);
    const order = [
      'First meeting of the Kabul Process',
      'Kabul, 6 June 2017',
      'Rev.2 — Second reading, 6 June 2017 14:30 UTC',
      'Communiqué',
      'PP1',
      'Recognizing that a stable Afghanistan is needed,',
      'PP2',
      'Recalling the [Istanbul Process] 1 and the “Heart of Asia”,',
      'The participants:',
      'OP1',
      'Decide to meet again in Kabul;',
      'OP2',
      'Call upon [all States] 2 to cooperate — in good faith — on 5 * 2 <items>;',
      // the footnotes, at the foot of the page
      '1 Bracketed by Pakistan.',
      '2 Bracketed by China, Pakistan.',
      'page 1 of 1',
    ];
    let at = 0;
    for (const words of order) {
      const found = text.indexOf(words, at);
      expect(found, `"${words}" after position ${at} in: ${text}`).toBeGreaterThanOrEqual(at);
      at = found + words.length;
    }
  });

  it('[X3] the italic first word of a preambular paragraph keeps its space before the rest', async () => {
    const lines = pdfText(await renderPdf(SAMPLE, { compress: false }));
    // a run that starts with a space is drawn without the gap, so the space ends the italic run
    expect(lines.slice(lines.indexOf('PP1') + 2, lines.indexOf('PP1') + 4)).toEqual(['Recognizing ', 'that a stable Afghanistan is needed,']);
  });

  it('[X3] status notes stand in the margin beside their paragraph, and not at all when off', async () => {
    const lines = pdfText(await renderPdf(SAMPLE, { compress: false }));
    // label, then its note, then the text: the note is drawn on the paragraph's first line
    expect(lines.slice(lines.indexOf('OP1'), lines.indexOf('OP1') + 3)).toEqual(['OP1', 'agreed ad ref', 'Decide to meet again in Kabul;']);
    expect(lines).toContain('bracketed');
    const plain = pdfText(await renderPdf({ ...SAMPLE, showStatus: false }, { compress: false }));
    expect(plain.filter((l) => ['open', 'agreed', 'bracketed', 'agreed ad ref'].includes(l))).toEqual([]);
    expect(plain).toContain('Decide to meet again in Kabul;');
  });

  it('[X3] a long text runs onto further pages, each with a footer; compressed by default', async () => {
    const long = Array.from({ length: 40 }, (_, i) => ({
      id: `o${i}`,
      kind: 'op' as const,
      label: `OP${i + 1}`,
      runs: [{ text: `Operative paragraph number ${i + 1} ${'calls upon all parties to cooperate in good faith '.repeat(4)}`, brackets: [] }],
    }));
    const input = { ...SAMPLE, communique: { title: 'Long', paragraphs: long } };
    const pdf = await renderPdf(input, { compress: false });
    const text = pdfPlainText(pdf);
    expect(text).toContain('Operative paragraph number 40 calls upon');
    const pages = Number(/page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`page ${pages} of ${pages}`);
    const compressed = await renderPdf(input);
    expect(compressed.length).toBeLessThan(pdf.length / 2);
    expect(pdfPlainText(compressed)).toBe(text);
  });

  it('[X3] characters the standard fonts cannot draw become close ASCII, without failing', async () => {
    expect(toWinAnsi('Kābul ≤ Łódź – “ok” 🕊 数')).toBe('Kabul <= Lódz – “ok” ? ?');
    const pdf = await renderPdf(
      { ...SAMPLE, meta: { title: 'Kābul ≠ 🕊' }, communique: { title: 'Ωmega', paragraphs: [{ id: 'x', kind: 'op', label: 'OP1', runs: [{ text: 'Ağreed — naïve ‐ fine', brackets: [] }] }] } },
      { compress: false },
    );
    const text = pdfPlainText(pdf);
    expect(text.startsWith('Kabul /= ? Rev.2')).toBe(true);
    expect(text).toContain('?mega OP1 Agreed — naïve - fine');
  });
});
