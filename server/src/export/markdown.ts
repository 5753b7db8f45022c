import { holderNames, paragraphPieces, placeAndDate, statusNote, versionLine, type ExportInput } from './model';

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

/**
 * The communiqué as Markdown: a heading, where and when, which text, then PP/OP paragraphs. Each
 * bracket is followed by its holders, `[all States]^(China, Pakistan)`: readable as it is, and no
 * link nor footnote syntax that a renderer would turn into something else.
 */
export function renderMarkdown(input: ExportInput): string {
  const blocks: string[] = [`# ${inline(input.meta.title.trim() || 'Communiqué')}`];
  const place = placeAndDate(input.meta);
  if (place) blocks.push(block(place));
  blocks.push(`*${inline(versionLine(input))}*`);
  if (input.communique.title.trim()) blocks.push(`## ${inline(input.communique.title.trim())}`);
  for (const p of input.communique.paragraphs) {
    const { lead, pieces } = paragraphPieces(p);
    if (!p.label && !(lead + pieces.map((x) => x.text).join('')).trim()) continue;
    const note = statusNote(input, p);
    const rest = pieces.map((x, i) =>
      x.holders.length > 0 ? `[${inline(x.text)}]^(${inline(holderNames(input, x.holders))})` : i === 0 && !lead && !p.label ? block(x.text) : inline(x.text),
    );
    const text = (lead ? `*${inline(lead)}*` : '') + rest.join('');
    blocks.push([p.label ? `**${p.label}**` : '', text.trim(), note ? `*(${note})*` : ''].filter(Boolean).join(' '));
  }
  return blocks.join('\n\n') + '\n';
}
