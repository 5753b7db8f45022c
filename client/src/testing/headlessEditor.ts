import { Editor, type JSONContent } from '@tiptap/core';
import type { Plugin } from '@tiptap/pm/state';
import { communiquePlugins, schemaExtensions, type CommuniquePluginOptions } from '../editor/extensions';

/** A communiqué: the title, then `[id, kind, text]` paragraphs. The title heading spans 0..12. */
export function communique(...paragraphs: [string, string, string][]): JSONContent {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Communiqué' }] },
      ...paragraphs.map(([id, kind, text]) => ({ type: 'paragraph', attrs: { id, kind }, content: [{ type: 'text', text }] })),
    ],
  };
}

/** Where the text of the first paragraph of `communique()` starts. */
export const FIRST_TEXT = 13;

/**
 * A headless editor (no DOM) runs TipTap's own commands (splitBlock honours keepOnSplit), but
 * gets its extensions' plugins only when mounted, so ours are installed here.
 */
export function headlessEditor(content: JSONContent, options: CommuniquePluginOptions = {}, extra: Plugin[] = []): Editor {
  const editor = new Editor({ extensions: schemaExtensions(), content });
  editor.view.updateState(editor.state.reconfigure({ plugins: [...communiquePlugins(options), ...extra] }));
  return editor;
}
