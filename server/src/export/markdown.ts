import { paragraphText, placeAndDate, statusNote, versionLine, type ExportInput } from './model';

/**
 * Escapes what Markdown would read as markup; brackets stay, they are the negotiators' `[ … ]`, but
 * can neither open a link (`](`) nor define one (`]:`). A line break would start a new block: it
 * becomes a space, as Markdown shows it anyway.
 */
function inline(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_<>~&]/g, '\\$&')
    .replace(/\](\(|:)/g, ']\\$1');
}

/** Also escapes what would start a heading, list or rule at the start of a block. */
function block(text: string): string {
  return inline(text)
    .replace(/^(\s*)([#+\-=|])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** The communiqué as Markdown: a heading, where and when, which text, then PP/OP paragraphs. */
export function renderMarkdown(input: ExportInput): string {
  const blocks: string[] = [`# ${inline(input.meta.title.trim() || 'Communiqué')}`];
  const place = placeAndDate(input.meta);
  if (place) blocks.push(block(place));
  blocks.push(`*${inline(versionLine(input))}*`);
  if (input.communique.title.trim()) blocks.push(`## ${inline(input.communique.title.trim())}`);
  for (const p of input.communique.paragraphs) {
    const { lead, rest } = paragraphText(p);
    if (!p.label && !(lead + rest).trim()) continue;
    const note = statusNote(input, p);
    const text = (lead ? `*${inline(lead)}*` : '') + (p.label ? inline(rest) : block(rest));
    blocks.push([p.label ? `**${p.label}**` : '', text.trim(), note ? `*(${note})*` : ''].filter(Boolean).join(' '));
  }
  return blocks.join('\n\n') + '\n';
}
