import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, type PluginKey } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { contextChanged, draftingContext, type DraftingContext } from './draftingContext';

/** A plugin whose decorations are computed from the document alone, again whenever it changes. */
export function docDecorationPlugin(key: PluginKey<DecorationSet>, build: (doc: PMNode) => DecorationSet): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => build(state.doc),
      apply: (tr, old) => (tr.docChanged ? build(tr.doc) : old),
    },
    props: {
      decorations(state) {
        return key.getState(state);
      },
    },
  });
}

/** A plugin whose decorations are computed from the document and the drafting context, again whenever either changes. */
export function contextDecorationPlugin(
  key: PluginKey<DecorationSet>,
  build: (doc: PMNode, context: DraftingContext) => DecorationSet,
): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => build(state.doc, draftingContext(state)),
      apply: (tr, old, _oldState, state) => (tr.docChanged || contextChanged(tr) ? build(state.doc, draftingContext(state)) : old),
    },
    props: {
      decorations(state) {
        return key.getState(state);
      },
    },
  });
}
