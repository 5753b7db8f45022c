import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { FIRST_TEXT, communique, headlessEditor } from '../testing/headlessEditor';
import { assignNumbers } from '@plenary/shared/plain';
import { numberingKey } from './numberingPlugin';
import { EMPTY_CONTEXT, withContext } from './draftingContext';

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

  it('without fixed numbers, counts on when a paragraph is added', () => {
    const editor = headlessEditor(communique(['p-1', 'pp', 'Recalling'], ['p-3', 'op', 'Decides']));
    editor.commands.setTextSelection(FIRST_TEXT + 'Recalling'.length);
    editor.commands.splitBlock();
    expect(labels(editor)).toEqual(['PP1', 'PP2', 'OP1']);
    editor.destroy();
  });
});

describe('[E4] numberingPlugin with the numbers the chair fixed', () => {
  const text = communique(['p-1', 'pp', 'Recalling'], ['p-3', 'op', 'Decides'], ['p-4', 'op', 'Urges']);
  const numbers = assignNumbers([{ id: 'p-1', kind: 'pp' }, { id: 'p-3', kind: 'op' }, { id: 'p-4', kind: 'op' }], 0, 1);

  it('a paragraph split off the end of OP1 is OP1 bis and OP2 stays OP2', () => {
    const editor = headlessEditor(text, { initialContext: { ...EMPTY_CONTEXT, numbers } });
    const endOfOp1 = editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize + editor.state.doc.child(2).nodeSize - 1;
    editor.commands.setTextSelection(endOfOp1);
    editor.commands.splitBlock();
    expect(labels(editor)).toEqual(['PP1', 'OP1', 'OP1 bis', 'OP2']);
    editor.destroy();
  });

  it('follows new numbers pushed in with the context', () => {
    const editor = headlessEditor(text, { initialContext: { ...EMPTY_CONTEXT, numbers } });
    const renumbered = assignNumbers([{ id: 'p-1', kind: 'pp' }, { id: 'p-4', kind: 'op' }, { id: 'p-3', kind: 'op' }], 1, 2);
    editor.view.dispatch(withContext(editor.state.tr, { numbers: renumbered }));
    expect(labels(editor)).toEqual(['PP1', 'OP2', 'OP1']);
    editor.destroy();
  });
});
