import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import { holderNames, paragraphPieces, placeAndDate, statusNote, versionLine, type ExportInput } from './model';

const FONT = 'Times New Roman';
/** twips: the label hangs in the first half inch, the text is indented past it */
const HANG = 720;

const centered = (text: string, run: { bold?: boolean; italics?: boolean; size?: number } = {}, after = 120) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [new TextRun({ text, ...run })] });

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The communiqué as a Word document; each bracket's holders, and each paragraph's status when notes are on, are real footnotes. */
export async function renderDocx(input: ExportInput): Promise<Buffer> {
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const body: Paragraph[] = [centered(input.meta.title.trim() || 'Communiqué', { bold: true, size: 28 })];
  const place = placeAndDate(input.meta);
  if (place) body.push(centered(place));
  body.push(centered(versionLine(input), { italics: true, size: 20 }, 360));
  if (input.communique.title.trim()) body.push(centered(input.communique.title.trim(), { bold: true, size: 26 }, 240));

  const footnote = (text: string) => {
    const id = Object.keys(footnotes).length + 1;
    footnotes[id] = { children: [new Paragraph({ children: [new TextRun({ text })] })] };
    return new FootnoteReferenceRun(id);
  };
  for (const p of input.communique.paragraphs) {
    const { lead, pieces } = paragraphPieces(p);
    if (!p.label && !(lead + pieces.map((x) => x.text).join('')).trim()) continue;
    const runs = [
      ...(p.label ? [new TextRun({ text: p.label, bold: true }), new TextRun({ children: [new Tab()] })] : []),
      ...(lead ? [new TextRun({ text: lead, italics: true })] : []),
      ...pieces.flatMap((x) =>
        x.holders.length > 0 ? [new TextRun({ text: `[${x.text}]` }), footnote(`Bracketed by ${holderNames(input, x.holders)}.`)] : [new TextRun({ text: x.text })],
      ),
    ];
    const note = statusNote(input, p);
    if (note) runs.push(footnote(`${capitalized(note)}.`));
    body.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { after: 200 },
        ...(p.label ? { indent: { left: HANG, hanging: HANG }, tabStops: [{ type: TabStopType.LEFT, position: HANG }] } : {}),
        children: runs,
      }),
    );
  }

  const doc = new Document({
    creator: 'Plenary',
    title: input.communique.title.trim() || input.meta.title,
    description: `${input.meta.title}. ${versionLine(input)}`,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    footnotes,
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ size: 18, children: [versionLine(input), ' — page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
