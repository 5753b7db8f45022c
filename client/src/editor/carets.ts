import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Plugin, type EditorState, type StateField } from '@tiptap/pm/state';
import { DecorationSet } from '@tiptap/pm/view';
import { defaultSelectionBuilder, yCursorPlugin, yCursorPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { parseCaretState, type CaretPosition } from '@plenary/shared/plain';

/** Whether a caret's position names something Yjs can place in `doc` (null: not there yet) without throwing. */
function placeable(doc: Y.Doc, position: CaretPosition): boolean {
  try {
    Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(position), doc);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which remote carets are drawn: those that read as carets (K9) and that Yjs can place. The server
 * relays no other, but one that slipped through must cost its own caret, never the page.
 */
export function drawableCaret(doc: Y.Doc) {
  return (localId: number, clientId: number, state: unknown): boolean => {
    if (localId === clientId) return false;
    const parsed = parseCaretState(state);
    if (!parsed.ok) return false;
    const cursor = parsed.state.cursor;
    return !cursor || (placeable(doc, cursor.anchor) && placeable(doc, cursor.head));
  };
}

/** The caret plugin's decorations, built without letting a failure out: no carets then, the page stays. */
function guarded(plugin: Plugin): Plugin {
  const field = plugin.spec.state as StateField<DecorationSet>;
  const safely = (build: () => DecorationSet): DecorationSet => {
    try {
      return build();
    } catch (err) {
      console.warn('carets not drawn:', err);
      return DecorationSet.empty;
    }
  };
  return new Plugin({
    ...plugin.spec,
    state: {
      init: (config, state: EditorState) => safely(() => field.init(config, state)),
      apply: (tr, value, oldState, newState) => safely(() => field.apply(tr, value, oldState, newState)),
    },
  });
}

/**
 * TipTap's CollaborationCaret with the remote carets read before they are drawn (K9): its own
 * plugin that publishes the local user stays; the drawing plugin is replaced by one that skips a
 * caret it cannot read.
 */
export const Carets = CollaborationCaret.extend({
  addProseMirrorPlugins() {
    const { provider, render } = this.options as { provider: { awareness: import('y-protocols/awareness').Awareness; doc: Y.Doc }; render: (user: Record<string, string>) => HTMLElement };
    const drawing = guarded(
      yCursorPlugin(provider.awareness, {
        awarenessStateFilter: drawableCaret(provider.doc),
        cursorBuilder: (user: Record<string, string>) => render(user),
        selectionBuilder: (user: Record<string, string>) => (/^#[0-9a-fA-F]{6}$/.test(user.color ?? '') ? defaultSelectionBuilder(user) : {}),
      }),
    );
    return (this.parent?.() ?? []).map((p) => (p.spec.key === yCursorPluginKey ? drawing : p));
  },
});
