import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { FIRST_TEXT, communique as doc, headlessEditor as editorWith } from '../testing/headlessEditor';
import { collectParagraphs, planParagraphIds, type ParagraphRef } from './paragraphIds';

const counter = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('[E1] planParagraphIds', () => {
  it('leaves unique ids alone', () => {
    const refs: ParagraphRef[] = [
      { pos: 0, id: 'a', empty: false },
      { pos: 5, id: 'b', empty: false },
    ];
    expect(planParagraphIds(refs, counter()).size).toBe(0);
  });

  it('gives a paragraph without an id a fresh one', () => {
    const plan = planParagraphIds([{ pos: 3, id: null, empty: true }], counter());
    expect([...plan]).toEqual([[3, 'new-1']]);
  });

  it('keeps a duplicated id on the first paragraph and renews the others', () => {
    const plan = planParagraphIds(
      [
        { pos: 0, id: 'a', empty: false },
        { pos: 9, id: 'a', empty: false },
        { pos: 20, id: 'a', empty: false },
      ],
      counter(),
    );
    expect([...plan]).toEqual([
      [9, 'new-1'],
      [20, 'new-2'],
    ]);
  });

  it('keeps the id with the text when Enter at the start left an empty paragraph first', () => {
    const plan = planParagraphIds(
      [
        { pos: 0, id: 'a', empty: true },
        { pos: 2, id: 'a', empty: false },
      ],
      counter(),
    );
    expect([...plan]).toEqual([[0, 'new-1']]);
  });

  it('[L11] leaves paragraphs the change did not reach alone, duplicates stored earlier included', () => {
    const plan = planParagraphIds(
      [
        { pos: 0, id: 'a', empty: false, touched: false },
        { pos: 9, id: 'a', empty: false, touched: false },
        { pos: 20, id: null, empty: false, touched: false },
      ],
      counter(),
    );
    expect(plan.size).toBe(0);
  });

  it('[L11] a pasted copy never takes the id of the paragraph it copies, wherever it lands', () => {
    const plan = planParagraphIds(
      [
        { pos: 0, id: 'a', empty: false, touched: true },
        { pos: 9, id: 'a', empty: false, touched: false },
      ],
      counter(),
    );
    expect([...plan]).toEqual([[0, 'new-1']]);
  });

  it('never hands out an id that is already in the document', () => {
    const ids = ['b', 'b', 'c'];
    const plan = planParagraphIds(
      [
        { pos: 0, id: 'b', empty: false },
        { pos: 4, id: null, empty: false },
      ],
      () => ids.shift() ?? 'z',
    );
    expect(plan.get(4)).toBe('c');
  });
});

function paragraphs(editor: Editor): { id: string | null; kind: string; text: string }[] {
  const out: { id: string | null; kind: string; text: string }[] = [];
  editor.state.doc.forEach((node) => {
    if (node.type.name === 'paragraph') out.push({ id: node.attrs.id as string | null, kind: node.attrs.kind as string, text: node.textContent });
  });
  return out;
}

describe('[E1] paragraph ids in the editor', () => {
  it('Enter at the end makes a paragraph of the same kind with a new id', () => {
    const editor = editorWith(doc(['p-a', 'op', 'Decides']));
    editor.commands.setTextSelection(FIRST_TEXT + 'Decides'.length);
    editor.commands.splitBlock();
    const ps = paragraphs(editor);
    expect(ps).toHaveLength(2);
    expect(ps[0]).toMatchObject({ id: 'p-a', kind: 'op', text: 'Decides' });
    expect(ps[1]).toMatchObject({ kind: 'op', text: '' });
    expect(ps[1]!.id).toMatch(/^p-\w+$/);
    expect(ps[1]!.id).not.toBe('p-a');
    editor.destroy();
  });

  it('Enter in the middle keeps the id on the first half', () => {
    const editor = editorWith(doc(['p-a', 'pp', 'Recalling further']));
    editor.commands.setTextSelection(FIRST_TEXT + 'Recalling'.length);
    editor.commands.splitBlock();
    const ps = paragraphs(editor);
    expect(ps.map((p) => p.id)[0]).toBe('p-a');
    expect(new Set(ps.map((p) => p.id)).size).toBe(2);
    expect(ps.map((p) => p.kind)).toEqual(['pp', 'pp']);
    editor.destroy();
  });

  it('Enter at the start leaves the id with the text', () => {
    const editor = editorWith(doc(['p-a', 'op', 'Urges']));
    editor.commands.setTextSelection(FIRST_TEXT);
    editor.commands.splitBlock();
    const ps = paragraphs(editor);
    expect(ps[0]!.text).toBe('');
    expect(ps[0]!.id).not.toBe('p-a');
    expect(ps[1]).toMatchObject({ id: 'p-a', text: 'Urges' });
    editor.destroy();
  });

  it('[L11] typing in one paragraph leaves two others that share an id (stored earlier) as they are', () => {
    const editor = editorWith(doc(['p-a', 'op', 'Urges'], ['p-b', 'op', 'Agreed text'], ['p-b', 'op', 'Copy']));
    editor.view.dispatch(editor.state.tr.insertText('x', FIRST_TEXT + 1));
    expect(paragraphs(editor).map((p) => p.id)).toEqual(['p-a', 'p-b', 'p-b']);
    editor.destroy();
  });

  it('[L11] a paragraph pasted above the one it copies gets a new id; the original keeps its own', () => {
    const editor = editorWith(doc(['p-a', 'op', 'Urges'], ['p-b', 'op', 'Decides']));
    const { state } = editor;
    const copy = state.doc.child(2);
    editor.view.dispatch(state.tr.insert(state.doc.child(0).nodeSize, copy));
    const ps = paragraphs(editor);
    expect(ps.map((p) => p.text)).toEqual(['Decides', 'Urges', 'Decides']);
    expect(ps[2]!.id).toBe('p-b');
    expect(ps[0]!.id).not.toBe('p-b');
    editor.destroy();
  });

  it('leaves changes that came from Yjs alone: their author assigns ids', () => {
    const editor = editorWith(doc(['p-a', 'op', 'Urges']));
    const { state } = editor;
    const tr = state.tr.insert(state.doc.content.size, state.schema.nodes.paragraph!.create({ id: null, kind: 'op' }));
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
    editor.view.dispatch(tr);
    expect(collectParagraphs(editor.state.doc).map((p) => p.id)).toEqual(['p-a', null]);
    editor.destroy();
  });
});
