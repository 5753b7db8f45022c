import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { FIRST_TEXT, communique, headlessEditor } from '../testing/headlessEditor';
import { numberingKey } from './numberingPlugin';

function labels(editor: Editor): string[] {
  return numberingKey
    .getState(editor.state)!
    .find()
    .sort((a, b) => a.from - b.from)
    .map((d) => (d.spec as { label: string }).label);
}

describe('[E2] numberingPlugin', () => {
  it('labels preambular and operative paragraphs, not text ones', () => {
    const editor = headlessEditor(communique(['p-1', 'pp', 'Recalling'], ['p-2', 'text', 'Note'], ['p-3', 'op', 'Decides'], ['p-4', 'op', 'Urges']));
    expect(labels(editor)).toEqual(['PP1', 'OP1', 'OP2']);
    editor.destroy();
  });

  it('renumbers when a paragraph is added', () => {
    const editor = headlessEditor(communique(['p-1', 'pp', 'Recalling'], ['p-3', 'op', 'Decides']));
    editor.commands.setTextSelection(FIRST_TEXT + 'Recalling'.length);
    editor.commands.splitBlock();
    expect(labels(editor)).toEqual(['PP1', 'PP2', 'OP1']);
    editor.destroy();
  });
});
