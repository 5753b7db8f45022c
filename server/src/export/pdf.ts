import PDFDocument from 'pdfkit';
import { holderNames, paragraphPieces, placeAndDate, statusNote, versionLine, type ExportInput } from './model';

// Characters beyond Latin-1 that the standard fonts' WinAnsi encoding also draws.
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
  0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

// Close equivalents for common characters WinAnsi lacks and Unicode does not decompose.
const CLOSE: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2015': '\u2014', '\u2212': '-', '\u2043': '-',
  '\u201b': '\u2019', '\u201f': '\u201d', '\u2032': "'", '\u2033': '"', '\u2044': '/', '\u2027': '\u00b7',
  '\u2190': '<-', '\u2192': '->', '\u2194': '<->', '\u2264': '<=', '\u2265': '>=', '\u2260': '/=',
  '\u0141': 'L', '\u0142': 'l', '\u0110': 'D', '\u0111': 'd', '\u0131': 'i', '\u0127': 'h', '\u0126': 'H',
  '\u200b': '', '\u200c': '', '\u200d': '', '\u200e': '', '\u200f': '', '\u2060': '', '\ufeff': '',
};

const drawable = (cp: number) => (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);

/**
 * Text the built-in (WinAnsi) fonts can draw: pdfkit would write a broken glyph code for anything
 * else, so such characters become a close ASCII equivalent (`ā` → `a`, `≤` → `<=`), or `?`.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (drawable(cp)) out += ch;
    else if (ch in CLOSE) out += CLOSE[ch];
    else if (/\s/.test(ch)) out += ' ';
    else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && [...base].every((c) => drawable(c.codePointAt(0)!)) ? base : '?';
    }
  }
  return out;
}

export interface PdfOptions {
  /** deflate the content streams (default); tests turn it off to read the text back */
  compress?: boolean;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 72, bottom: 72, left: 64, right: 56 };
/** the PP/OP label hangs left of the text */
const LABEL_WIDTH = 40;
/** status notes stand in a column in the right margin */
const NOTE_WIDTH = 76;
const NOTE_GAP = 14;
const BODY = { font: 'Times-Roman', size: 11.5, lineGap: 2 };
/** footnotes naming who holds each bracket, at the foot of the page where its paragraph starts */
const FOOTNOTE = { font: 'Times-Roman', size: 8.5, line: 11, rule: 10 };

interface Segment {
  text: string;
  font: string;
  size: number;
}

/** pdfkit draws no gap for a space that starts a continued run: each run's leading spaces end the run before. */
function joinable(segments: Segment[]): Segment[] {
  const out = segments.map((s) => ({ ...s }));
  for (let i = 1; i < out.length; i++) {
    const gap = /^\s*/.exec(out[i]!.text)![0];
    if (!gap) continue;
    out[i - 1]!.text += gap;
    out[i]!.text = out[i]!.text.slice(gap.length);
  }
  return out.filter((s, i) => s.text.length > 0 || i === 0);
}

/**
 * The communiqué as a PDF (A4, Times), status notes in the right margin when they are on, and a
 * numbered footnote after each bracket naming the delegations holding it.
 */
export function renderPdf(input: ExportInput, options: PdfOptions = {}): Promise<Buffer> {
  const title = input.meta.title.trim() || 'Communiqué';
  const version = versionLine(input);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    info: {
      // document properties are Unicode strings: no need to map them
      Title: input.communique.title.trim() || title,
      Subject: `${title}. ${version}`,
      Creator: 'Plenary',
      Producer: 'Plenary',
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const contentWidth = A4.width - MARGIN.left - MARGIN.right;
  const textX = MARGIN.left + LABEL_WIDTH;
  const textWidth = contentWidth - LABEL_WIDTH - (input.showStatus ? NOTE_WIDTH + NOTE_GAP : 0);
  const noteX = A4.width - MARGIN.right - NOTE_WIDTH;

  const centered = (text: string, font: string, size: number, gap: number) => {
    doc.font(font).fontSize(size).fillColor('black').text(toWinAnsi(text), MARGIN.left, doc.y, { width: contentWidth, align: 'center' });
    doc.y += gap;
  };
  centered(title, 'Times-Bold', 15, 4);
  const place = placeAndDate(input.meta);
  if (place) centered(place, 'Times-Roman', 11, 2);
  centered(version, 'Times-Italic', 10, 22);
  if (input.communique.title.trim()) centered(input.communique.title.trim(), 'Times-Bold', 13, 14);

  const footnotes = new Map<number, string[]>();
  for (const p of input.communique.paragraphs) {
    const parts = paragraphPieces(p);
    const lead = toWinAnsi(parts.lead);
    const rest = toWinAnsi(parts.pieces.map((x) => (x.holders.length > 0 ? `[${x.text}]` : x.text)).join(''));
    if (!p.label && !(lead + rest).trim()) continue;
    const page = doc.bufferedPageRange().count - 1;
    const notes = footnotes.get(page) ?? [];
    const segments: Segment[] = lead ? [{ text: lead, font: 'Times-Italic', size: BODY.size }] : [];
    for (const x of parts.pieces) {
      if (x.holders.length === 0) {
        segments.push({ text: toWinAnsi(x.text), font: BODY.font, size: BODY.size });
        continue;
      }
      const n = [...footnotes.values()].reduce((sum, list) => sum + list.length, 0) + 1;
      notes.push(`${n}  Bracketed by ${holderNames(input, x.holders)}.`);
      footnotes.set(page, notes);
      segments.push({ text: toWinAnsi(`[${x.text}]`), font: BODY.font, size: BODY.size }, { text: String(n), font: BODY.font, size: FOOTNOTE.size });
    }
    // the page keeps room at its foot for its footnotes
    if (notes.length > 0) doc.page.margins.bottom = MARGIN.bottom + FOOTNOTE.rule + notes.length * FOOTNOTE.line;
    const x = p.label ? textX : MARGIN.left;
    const width = p.label ? textWidth : textWidth + LABEL_WIDTH;
    doc.font(BODY.font).fontSize(BODY.size);
    // a paragraph starts on a new page unless two of its lines fit, so label and note stay beside it
    const firstLines = Math.min(doc.heightOfString(lead + rest || ' ', { width, lineGap: BODY.lineGap }), 2 * doc.currentLineHeight(true));
    if (doc.y + firstLines > A4.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    if (p.label) doc.font('Times-Bold').fontSize(BODY.size).text(p.label, MARGIN.left, y, { width: LABEL_WIDTH, lineBreak: false });
    const note = statusNote(input, p);
    if (note) doc.font('Helvetica-Oblique').fontSize(8).fillColor('#555555').text(note, noteX, y + 2, { width: NOTE_WIDTH, lineBreak: false });
    doc.fillColor('black').fontSize(BODY.size);
    const opts = { width, align: 'justify' as const, lineGap: BODY.lineGap };
    const runs = joinable(segments.length > 0 ? segments : [{ text: ' ', font: BODY.font, size: BODY.size }]);
    runs.forEach((r, i) => {
      doc.font(r.font).fontSize(r.size);
      const more = { ...opts, continued: i < runs.length - 1 };
      if (i === 0) doc.text(r.text || ' ', x, y, more);
      else doc.text(r.text, more);
    });
    doc.fontSize(BODY.size);
    doc.y += 8;
  }

  for (const [page, notes] of footnotes) {
    doc.switchToPage(doc.bufferedPageRange().start + page);
    doc.page.margins.bottom = 0;
    const top = A4.height - MARGIN.bottom - notes.length * FOOTNOTE.line;
    doc.moveTo(MARGIN.left, top - FOOTNOTE.rule / 2).lineTo(MARGIN.left + 120, top - FOOTNOTE.rule / 2).lineWidth(0.5).strokeColor('#888888').stroke();
    doc.font(FOOTNOTE.font).fontSize(FOOTNOTE.size).fillColor('black');
    notes.forEach((note, i) => doc.text(toWinAnsi(note), MARGIN.left, top + i * FOOTNOTE.line, { width: contentWidth, lineBreak: false }));
    doc.page.margins.bottom = MARGIN.bottom;
  }

  // page footers: the bottom margin is lifted meanwhile, or pdfkit would start a new page for them
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555555')
      .text(toWinAnsi(`${version} — page ${i + 1} of ${range.count}`), MARGIN.left, A4.height - MARGIN.bottom / 2, { width: contentWidth, align: 'center', lineBreak: false });
    doc.page.margins.bottom = MARGIN.bottom;
  }
  doc.end();
  return done;
}
