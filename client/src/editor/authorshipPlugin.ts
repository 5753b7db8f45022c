import type * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { COMMUNIQUE_FRAGMENT, communiqueAuthors } from '@plenary/shared/plain';
import { documentAuthorship, type AuthoredRange } from './authorship';
import { contextChanged, draftingContext } from './draftingContext';
import { isFromYjs } from './lockPlugin';

export interface AuthorshipState {
  ranges: AuthoredRange[];
  decorations: DecorationSet;
}

const OFF: AuthorshipState = { ranges: [], decorations: DecorationSet.empty };

export const authorshipKey = new PluginKey<AuthorshipState>('plenaryAuthorship');

function compute(doc: PMNode, ydoc: Y.Doc, colors: Readonly<Record<string, string>>): AuthorshipState {
  const ranges = documentAuthorship(doc, ydoc.getXmlFragment(COMMUNIQUE_FRAGMENT), communiqueAuthors(ydoc));
  const decorations = ranges.flatMap((r) => {
    const color = r.actor ? colors[r.actor] : undefined;
    if (!color || r.from >= r.to) return [];
    return [Decoration.inline(r.from, r.to, { class: 'authored', 'data-author': r.actor!, style: `--author-color: ${color}` })];
  });
  return { ranges, decorations: DecorationSet.create(doc, decorations) };
}

/**
 * With authorship on, tints the text by the verified actor who wrote it. Read from Yjs after each
 * Yjs update (a local edit reaches Yjs only after ProseMirror has drawn it, hence the refresh).
 */
export function authorshipPlugin(ydoc: Y.Doc): Plugin<AuthorshipState> {
  return new Plugin<AuthorshipState>({
    key: authorshipKey,
    state: {
      init: (_c, state) => {
        const ctx = draftingContext(state);
        return ctx.authorship ? compute(state.doc, ydoc, ctx.actorColors) : OFF;
      },
      apply: (tr, old, _oldState, state) => {
        const ctx = draftingContext(state);
        if (!ctx.authorship) return OFF;
        if (contextChanged(tr) || tr.getMeta(authorshipKey) || (tr.docChanged && isFromYjs(tr))) return compute(state.doc, ydoc, ctx.actorColors);
        if (tr.docChanged) return { ranges: old.ranges, decorations: old.decorations.map(tr.mapping, tr.doc) };
        return old;
      },
    },
    view(view) {
      let frame = 0;
      const refresh = () => {
        frame = 0;
        if (draftingContext(view.state).authorship && !view.isDestroyed) view.dispatch(view.state.tr.setMeta(authorshipKey, true).setMeta('addToHistory', false));
      };
      const onUpdate = () => {
        if (!frame) frame = requestAnimationFrame(refresh);
      };
      ydoc.on('update', onUpdate);
      return {
        destroy() {
          ydoc.off('update', onUpdate);
          if (frame) cancelAnimationFrame(frame);
        },
      };
    },
    props: {
      decorations: (state) => authorshipKey.getState(state)?.decorations,
    },
  });
}
