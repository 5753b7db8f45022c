import type { Node as PMNode } from '@tiptap/pm/model';
import { PluginKey, type Plugin } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { NODE, paragraphLabels, type AssignedNumbers } from '@plenary/shared/plain';
import { contextDecorationPlugin } from './decorationPlugin';

function numberDecorations(doc: PMNode, numbers: AssignedNumbers | null): DecorationSet {
  const paragraphs: { pos: number; size: number; id: string; kind: string | null }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== NODE.paragraph) return true;
    const { id, kind } = node.attrs as { id?: unknown; kind?: unknown };
    paragraphs.push({ pos, size: node.nodeSize, id: typeof id === 'string' ? id : '', kind: typeof kind === 'string' ? kind : null });
    return false;
  });
  const labels = paragraphLabels(paragraphs, numbers);
  const decorations: Decoration[] = [];
  paragraphs.forEach((p, i) => {
    const label = labels[i];
    if (label) decorations.push(Decoration.node(p.pos, p.pos + p.size, { 'data-num': label }, { label }));
  });
  return DecorationSet.create(doc, decorations);
}

export const numberingKey = new PluginKey<DecorationSet>('plenaryNumbering');

/**
 * Puts PP1…, OP2 bis … on each numbered paragraph as `data-num` (E4), from the numbers the chair
 * fixed (drafting context) and the current order; CSS shows it in the margin.
 */
export function numberingPlugin(): Plugin<DecorationSet> {
  return contextDecorationPlugin(numberingKey, (doc, context) => numberDecorations(doc, context.numbers));
}
