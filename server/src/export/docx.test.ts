import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx';
import { readZipEntry, SAMPLE, wordParagraphs } from './testing';

const part = (docx: Buffer, name: string) => readZipEntry(docx, name)?.toString('utf8') ?? '';

describe('DOCX export', () => {
  it('[X2] word/document.xml holds the heading and the paragraphs in order, labelled, with brackets', async () => {
    const docx = await renderDocx(SAMPLE);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(wordParagraphs(part(docx, 'word/document.xml'))).toEqual([
      'First meeting of the Kabul Process',
      'Kabul, 6 June 2017',
      'Rev.2 — Second reading, 6 June 2017 14:30 UTC',
      'Communiqué',
      'PP1\tRecognizing that a stable Afghanistan is needed,^1',
      'PP2\tRecalling the [Istanbul Process]^2 and the “Heart of Asia”,^3',
      'The participants:^4',
      'OP1\tDecide to meet again in Kabul;^5',
      'OP2\tCall upon [all States]^6 to cooperate — in good faith — on 5 * 2 <items>;^7',
    ]);
    // the lead word of a preambular paragraph is italic
    expect(part(docx, 'word/document.xml')).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*<w:t[^>]*>Recognizing<\/w:t>/s);
  });

  it('[X2][L9] each bracket’s holders and each status are real footnotes; without status notes only the brackets’', async () => {
    const docx = await renderDocx(SAMPLE);
    expect(wordParagraphs(part(docx, 'word/footnotes.xml')).filter(Boolean)).toEqual([
      'Agreed.',
      'Bracketed by Pakistan.',
      'Bracketed.',
      'Open.',
      'Agreed ad ref.',
      'Bracketed by China, Pakistan.',
      'Open.',
    ]);
    expect(part(docx, 'word/_rels/document.xml.rels')).toContain('footnotes.xml');
    expect(part(docx, '[Content_Types].xml')).toContain('/word/footnotes.xml');
    const plain = await renderDocx({ ...SAMPLE, showStatus: false });
    const paragraphs = wordParagraphs(part(plain, 'word/document.xml'));
    expect(paragraphs[7]).toBe('OP1\tDecide to meet again in Kabul;');
    expect(paragraphs[8]).toBe('OP2\tCall upon [all States]^2 to cooperate — in good faith — on 5 * 2 <items>;');
    expect(wordParagraphs(part(plain, 'word/footnotes.xml')).filter(Boolean)).toEqual(['Bracketed by Pakistan.', 'Bracketed by China, Pakistan.']);
  });

  it('[X2] the document properties name the communiqué', async () => {
    const core = part(await renderDocx(SAMPLE), 'docProps/core.xml');
    expect(core).toContain('<dc:title>Communiqué</dc:title>');
    expect(core).toContain('<dc:creator>Plenary</dc:creator>');
  });
});
