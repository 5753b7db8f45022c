import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection, type Plugin, type PluginView, type Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ySyncPlugin } from '@tiptap/y-tiptap';
import { COMMUNIQUE_FRAGMENT } from '@plenary/shared/plain';
import { communiquePlugins, schemaExtensions } from '../editor/extensions';
import { bindingPlugins } from '../editor/binding';

// the authorship plugin refreshes once a frame, as in the page
globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 16) as unknown as number;
globalThis.cancelAnimationFrame ??= (id: number) => clearTimeout(id);

/**
 * The browser editor's ProseMirror state bound to a Yjs doc exactly as in the page — the binding,
 * the communiqué's plugins and the caret fix — but without a DOM: a minimal view that applies
 * transactions and runs the plugins' view hooks the way ProseMirror's view does.
 */
export class HeadlessBinding {
  state: EditorState;
  private readonly views: PluginView[] = [];

  constructor(readonly ydoc: Y.Doc) {
    const schema = getSchema(schemaExtensions());
    const plugins: Plugin[] = [...bindingPlugins(), ySyncPlugin(ydoc.getXmlFragment(COMMUNIQUE_FRAGMENT)), ...communiquePlugins({ ydoc })];
    this.state = EditorState.create({ schema, plugins });
    // the binding renders the doc as its view is made, so each view hook is kept as soon as it exists
    for (const p of plugins) if (p.spec.view) this.views.push(p.spec.view(this as never));
  }

  /** ProseMirror's view hooks: the binding writes local changes to Yjs here, in plugin order. */
  dispatch(tr: Transaction): void {
    const prev = this.state;
    this.state = this.state.apply(tr);
    for (const v of this.views) v.update?.(this as never, prev);
  }

  hasFocus(): boolean {
    return true;
  }

  get isDestroyed(): boolean {
    return false;
  }

  destroy(): void {
    for (const v of this.views) v.destroy?.();
  }

  /** Position and node of the paragraph with this id. */
  paragraph(id: string): { pos: number; node: PMNode } {
    let found: { pos: number; node: PMNode } | null = null;
    this.state.doc.forEach((node, pos) => {
      if (node.attrs.id === id) found = { pos, node };
    });
    if (!found) throw new Error(`no paragraph ${id}`);
    return found;
  }

  /** Puts the caret at a character offset of a paragraph, as a click would. */
  caret(id: string, offset: number): void {
    const { pos } = this.paragraph(id);
    this.dispatch(this.state.tr.setSelection(TextSelection.create(this.state.doc, pos + 1 + offset)));
  }

  /** Types one character at the caret, as a key press does. */
  type(ch: string): void {
    this.dispatch(this.state.tr.insertText(ch));
  }

  text(id: string): string {
    return this.paragraph(id).node.textContent;
  }
}
