import { describe, expect, it } from 'vitest';
import { neutralizeAll, neutralizeText } from './neutralize';

describe('export text neutralised', () => {
  it('[K12] removes bidi embeddings, overrides and isolates; keeps the marks Dari and Pashto need', () => {
    expect(neutralizeText('agree\u202E wardhtiw\u202C \u2066x\u2069 \u202A\u202B\u202D\u2067\u2068')).toBe('agree wardhtiw x ');
    expect(neutralizeText('\u200E\u200F\u061Cکابل')).toBe('\u200E\u200F\u061Cکابل');
  });

  it('[K12] replaces what XML forbids by U+FFFD and keeps tab, line breaks and paired surrogates', () => {
    expect(neutralizeText('a\uFFFEb\uFFFFc\u0000d\u0008e\u000Bf\u001Fg')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg');
    expect(neutralizeText('\uD800x\uDC00')).toBe('\uFFFDx\uFFFD');
    expect(neutralizeText('a\tb\nc\rd 😀 \u007F')).toBe('a\tb\nc\rd 😀 \u007F');
  });

  it('[K12] reaches every string of an export\'s data, keys included, and nothing else', () => {
    const data = { title: 'x\u202E', n: 3, ok: true, none: null, list: [{ text: '\uFFFE' }], names: { 'k\u2066': 'v\u2069' } };
    expect(neutralizeAll(data)).toEqual({ title: 'x', n: 3, ok: true, none: null, list: [{ text: '\uFFFD' }], names: { k: 'v' } });
  });
});
