import { describe, expect, it, vi } from 'vitest';
import type { Editor } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { FIRST_TEXT, communique, headlessEditor } from '../testing/headlessEditor';
import { withContext } from './draftingContext';
import { lockKey } from './lockPlugin';
import { bracketSelection } from './brackets';

// p-1 "Recalling" (agreed) · p-2 "Decides" (open); p-2's text starts after p-1's node
const P1 = 'Recalling';
const P2_TEXT = FIRST_TEXT + P1.length + 2;

function editorWith(onBlocked?: (id: string) => void): Editor {
  return headlessEditor(communique(['p-1', 'pp', P1], ['p-2', 'op', 'Decides']), {
    onBlocked,
    initialContext: { delegations: {}, statuses: { 'p-1': 'agreed' }, numbers: null, authorship: false, actorColors: {} },
  });
}

const texts = (e: Editor) => [e.state.doc.child(1).textContent, e.state.doc.child(2).textContent];

describe('[B2] lock filter', () => {
  it('refuses a local insertion into an agreed paragraph and tells who asked', async () => {
    const blocked = vi.fn();
    const editor = editorWith(blocked);
    editor.view.dispatch(editor.state.tr.insertText('X', FIRST_TEXT + 3));
    expect(texts(editor)).toEqual(['Recalling', 'Decides']);
    await Promise.resolve();
    expect(blocked).toHaveBeenCalledWith('p-1');
    editor.destroy();
  });

  it('accepts local edits elsewhere', () => {
    const editor = editorWith();
    editor.view.dispatch(editor.state.tr.insertText('X', P2_TEXT));
    expect(texts(editor)).toEqual(['Recalling', 'XDecides']);
    editor.destroy();
  });

  it('refuses deleting across its edge, joining it with the next paragraph, or deleting it whole', () => {
    const editor = editorWith();
    const p1 = editor.state.doc.child(1);
    const p1Pos = FIRST_TEXT - 1;
    editor.view.dispatch(editor.state.tr.delete(FIRST_TEXT + 5, P2_TEXT + 2));
    editor.view.dispatch(editor.state.tr.delete(p1Pos + p1.nodeSize - 1, p1Pos + p1.nodeSize + 1));
    editor.view.dispatch(editor.state.tr.delete(p1Pos, p1Pos + p1.nodeSize));
    expect(texts(editor)).toEqual(['Recalling', 'Decides']);
    editor.destroy();
  });

  it('refuses formatting or bracketing in an agreed paragraph', () => {
    const editor = editorWith();
    editor.commands.setTextSelection({ from: FIRST_TEXT, to: FIRST_TEXT + 4 });
    editor.commands.setBold();
    editor.view.dispatch(bracketSelection(editor.state, 'pk', 1)!);
    expect(editor.state.doc.child(1).child(0).marks).toEqual([]);
    editor.destroy();
  });

  it('accepts a new paragraph inserted right before or after it', () => {
    const editor = editorWith();
    const p1Pos = FIRST_TEXT - 1;
    const after = p1Pos + editor.state.doc.child(1).nodeSize;
    const para = () => editor.state.schema.nodes.paragraph!.create({ kind: 'pp' }, editor.state.schema.text('New'));
    editor.view.dispatch(editor.state.tr.insert(after, para()));
    editor.view.dispatch(editor.state.tr.insert(p1Pos, para()));
    expect(editor.state.doc.childCount).toBe(5);
    editor.destroy();
  });

  it('leaves changes that came from Yjs untouched: the server accepted them', () => {
    const editor = editorWith();
    const tr = editor.state.tr.insertText('Y', FIRST_TEXT + 1);
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
    editor.view.dispatch(tr);
    expect(texts(editor)[0]).toBe('RYecalling');
    editor.destroy();
  });

  it('follows status changes: an agreed paragraph reopened for edits accepts them again', () => {
    const editor = editorWith();
    editor.view.dispatch(withContext(editor.state.tr, { statuses: { 'p-2': 'agreed' } }));
    editor.view.dispatch(editor.state.tr.insertText('A', FIRST_TEXT));
    editor.view.dispatch(editor.state.tr.insertText('B', P2_TEXT + 1));
    expect(texts(editor)).toEqual(['ARecalling', 'Decides']);
    editor.destroy();
  });

  it('marks paragraphs with their status and agreed ones as locked', () => {
    const editor = editorWith();
    const attrs = lockKey
      .getState(editor.state)!
      .find()
      .map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs);
    expect(attrs).toEqual([
      { 'data-status': 'agreed', 'data-locked': 'true', 'aria-readonly': 'true' },
      { 'data-status': 'open' },
    ]);
    editor.destroy();
  });
});
