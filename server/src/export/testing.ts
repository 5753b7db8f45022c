import { inflateRawSync, inflateSync } from 'node:zlib';
import type { ExportInput } from './model';

// What the export tests share: a sample communiqué, and readers that take the files apart again.

export const SAMPLE: ExportInput = {
  meta: { title: 'First meeting of the Kabul Process', venue: 'Kabul', date: '2017-06-06' },
  communique: {
    title: 'Communiqué',
    paragraphs: [
      { id: 'p1', kind: 'pp', label: 'PP1', runs: [{ text: 'Recognizing that a stable Afghanistan is needed,', brackets: [] }] },
      {
        id: 'p2',
        kind: 'pp',
        label: 'PP2',
        runs: [
          { text: 'Recalling the ', brackets: [] },
          { text: 'Istanbul Process', brackets: ['pk'] },
          { text: ' and the “Heart of Asia”,', brackets: [] },
        ],
      },
      { id: 't1', kind: 'text', runs: [{ text: 'The participants:', brackets: [] }] },
      { id: 'o1', kind: 'op', label: 'OP1', runs: [{ text: 'Decide to meet again in Kabul;', brackets: [] }] },
      {
        id: 'o2',
        kind: 'op',
        label: 'OP2',
        runs: [
          { text: 'Call upon ', brackets: [] },
          { text: 'all States', brackets: ['cn', 'pk'] },
          { text: ' to cooperate — in good faith — on 5 * 2 <items>;', brackets: [] },
        ],
      },
    ],
  },
  statuses: { p1: 'agreed', p2: 'bracketed', t1: 'open', o1: 'agreed-ad-ref', o2: 'open' },
  revision: { n: 2, label: 'Second reading', at: Date.UTC(2017, 5, 6, 14, 30) },
  generatedAt: Date.UTC(2017, 5, 6, 16, 5),
  showStatus: true,
  delegations: { pk: 'Pakistan', cn: 'China' },
};

/** One file of a zip archive (a DOCX is one), read through the central directory. */
export function readZipEntry(zip: Buffer, name: string): Buffer | undefined {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('broken zip central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip method ${method} not supported`);
    }
    at += 46 + skip;
  }
  return undefined;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of each `<w:p>` of a WordprocessingML part, tabs as `\t`, footnote references as `^n`. */
export function wordParagraphs(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:footnoteReference w:id="(\d+)"\/>/g)]
      .map((m) => (m[0] === '<w:tab/>' ? '\t' : m[2] ? `^${m[2]}` : (m[1] ?? '').replace(/&(\w+);/g, (e, n: string) => XML_ENTITIES[n] ?? e)))
      .join(''),
  );
}

// WinAnsi codes 0x80–0x9f that are not Latin-1
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹',
  0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™',
  0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/**
 * The text pdfkit drew with the standard fonts: one line per text object (`BT … ET`), from the
 * hex glyph strings of its `TJ` operators; a large negative adjustment is a justified word gap.
 * Content streams are inflated when compressed.
 */
export function pdfText(pdf: Buffer): string[] {
  const lines: string[] = [];
  let from = 0;
  for (;;) {
    const s = pdf.indexOf('stream', from);
    if (s < 0) break;
    const dictStart = pdf.lastIndexOf('<<', s);
    const dict = pdf.toString('latin1', dictStart, s);
    const start = s + 'stream'.length + (pdf[s + 6] === 0x0d ? 2 : 1);
    const e = pdf.indexOf('endstream', start);
    from = e + 'endstream'.length;
    let data = pdf.subarray(start, e);
    if (/\/FlateDecode/.test(dict)) {
      try {
        data = inflateSync(data);
      } catch {
        continue; // not a content stream pdfkit wrote (an embedded font, say)
      }
    }
    for (const block of data.toString('latin1').match(/BT[\s\S]*?ET/g) ?? []) {
      let line = '';
      for (const tj of block.match(/\[([^\]]*)\]\s*TJ/g) ?? []) {
        for (const m of tj.matchAll(/<([0-9a-fA-F]*)>|(-?\d+(?:\.\d+)?)/g)) {
          if (m[2] !== undefined) {
            if (Number(m[2]) < -200) line += ' ';
            continue;
          }
          const hex = m[1] ?? '';
          for (let i = 0; i < hex.length; i += 2) {
            const code = parseInt(hex.slice(i, i + 2), 16);
            line += WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
          }
        }
      }
      if (line) lines.push(line);
    }
  }
  return lines;
}

/** The text of a PDF as one string, lines joined and spaces collapsed: what a reader sees, unwrapped. */
export function pdfPlainText(pdf: Buffer): string {
  return pdfText(pdf).join(' ').replace(/\s+/g, ' ');
}

const PDF_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** A document property (`Title`, `Subject` …) as pdfkit writes it: a literal string, UTF-16 when not ASCII. */
export function pdfInfo(pdf: Buffer, key: string): string | undefined {
  const text = pdf.toString('latin1');
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(text);
  const literal = ref ? new RegExp(`(?:^|\\n)${ref[1]} 0 obj\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(text)?.[1] : undefined;
  if (literal === undefined) return undefined;
  const raw = Buffer.from(literal.replace(/\\([0-7]{1,3}|.)/gs, (_, c: string) => (/^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (PDF_ESCAPES[c] ?? c))), 'latin1');
  if (raw[0] !== 0xfe || raw[1] !== 0xff) return raw.toString('latin1');
  return raw.subarray(2).swap16().toString('utf16le');
}
