import { Extension } from '@tiptap/core';
import type { Plugin } from '@tiptap/pm/state';
import { exactWritesPlugin } from './exactWrites';
import { remoteSelectionPlugin } from './remoteSelection';
import { renderReadableOnly } from './unreadable';
import { keepParagraphIds } from './keepIds';

// content stored before the server held the schema (L10) must not blank the page
renderReadableOnly();
// a join or a deleted selection must not move one paragraph's id onto another (L11)
keepParagraphIds();

/**
 * What the communiqué adds to the Yjs binding so that the text says exactly what was typed:
 * local typing is written to Yjs at the offset where it was typed (exactWrites), and the caret
 * stays where Yjs puts it after someone else's change (remoteSelection).
 */
export function bindingPlugins(): Plugin[] {
  return [exactWritesPlugin(), remoteSelectionPlugin()];
}

/** Comes before Collaboration (priority 1000), so its plugins see a change before the binding does. */
export const BindingFixes = Extension.create({
  name: 'plenaryBindingFixes',
  priority: 1001,
  addProseMirrorPlugins() {
    return bindingPlugins();
  },
});
