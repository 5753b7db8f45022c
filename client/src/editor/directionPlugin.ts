import type { Node as PMNode } from '@tiptap/pm/model';
import { PluginKey, type Plugin } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { docDecorationPlugin } from './decorationPlugin';

function directionDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { dir: 'auto' }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const directionKey = new PluginKey<DecorationSet>('plenaryDirection');

/**
 * Every paragraph and heading takes its direction from its own first strong letter (`dir="auto"`),
 * so a Dari or Pashto paragraph reads right to left inside an English text and the reverse.
 * A decoration, not a stored attribute: nothing is written into the shared document.
 */
export function directionPlugin(): Plugin<DecorationSet> {
  return docDecorationPlugin(directionKey, directionDecorations);
}
