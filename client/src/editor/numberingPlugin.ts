import type { Node as PMNode } from '@tiptap/pm/model';
import { PluginKey, type Plugin } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { NODE } from '@plenary/shared/plain';
import { paragraphLabels } from './numbering';
import { docDecorationPlugin } from './decorationPlugin';

function numberDecorations(doc: PMNode): DecorationSet {
  const paragraphs: { pos: number; size: number; kind: unknown }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== NODE.paragraph) return true;
    paragraphs.push({ pos, size: node.nodeSize, kind: node.attrs.kind });
    return false;
  });
  const labels = paragraphLabels(paragraphs.map((p) => (typeof p.kind === 'string' ? p.kind : null)));
  const decorations: Decoration[] = [];
  paragraphs.forEach((p, i) => {
    const label = labels[i];
    if (label) decorations.push(Decoration.node(p.pos, p.pos + p.size, { 'data-num': label }, { label }));
  });
  return DecorationSet.create(doc, decorations);
}

export const numberingKey = new PluginKey<DecorationSet>('plenaryNumbering');

/** Puts PP1…/OP1… on each numbered paragraph as `data-num`; CSS shows it in the margin. */
export function numberingPlugin(): Plugin<DecorationSet> {
  return docDecorationPlugin(numberingKey, numberDecorations);
}
