import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { FIRST_TEXT, communique, headlessEditor } from '../testing/headlessEditor';
import { directionKey } from './directionPlugin';

function directions(editor: Editor): { from: number; dir: string }[] {
  return directionKey
    .getState(editor.state)!
    .find()
    .sort((a, b) => a.from - b.from)
    .map((d) => ({ from: d.from, dir: (d as unknown as { type: { attrs: { dir: string } } }).type.attrs.dir }));
}

describe('[I4] direction of communiqué paragraphs', () => {
  it('gives the title and every paragraph dir="auto", mixed Dari and English alike', () => {
    const editor = headlessEditor(communique(['p-1', 'pp', 'Recalling'], ['p-2', 'op', 'تصمیم می‌گیرد که'], ['p-3', 'op', 'Urges']));
    const d = directions(editor);
    expect(d).toHaveLength(4);
    expect(d.every((x) => x.dir === 'auto')).toBe(true);
    editor.destroy();
  });

  it('follows new paragraphs and leaves the stored document untouched', () => {
    const editor = headlessEditor(communique(['p-1', 'pp', 'Recalling'], ['p-3', 'op', 'Decides']));
    editor.commands.setTextSelection(FIRST_TEXT + 'Recalling'.length);
    editor.commands.splitBlock();
    expect(directions(editor)).toHaveLength(4);
    expect(JSON.stringify(editor.getJSON())).not.toContain('"dir"');
    editor.destroy();
  });
});
