import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMMUNIQUE_FRAGMENT, NODE } from '@plenary/shared/plain';
import { HeadlessBinding } from '../testing/headlessBinding';
import { authorshipRuns } from './authorship';

/** A Yjs doc holding one paragraph `p-1`, written by client 1 (the "old" author). */
function sharedDoc(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  const p = new Y.XmlElement(NODE.paragraph);
  p.setAttribute('id', 'p-1');
  p.setAttribute('kind', 'op');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(COMMUNIQUE_FRAGMENT).insert(0, [p]);
  return doc;
}

/** Who wrote each character of `p-1`, as one letter a character: `o` the old author, `n` the new one. */
function authorsOf(doc: Y.Doc): string {
  const text = (doc.getXmlFragment(COMMUNIQUE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  return authorshipRuns(text, { get: (c) => (c === '1' ? 'o' : 'n') })
    .map((r) => r.actor!.repeat(r.to - r.from))
    .join('');
}

/** A second person's editor on a copy of the doc, as in the browser. */
function typistOn(doc: Y.Doc): { editor: HeadlessBinding; ydoc: Y.Doc } {
  const ydoc = new Y.Doc();
  ydoc.clientID = 2;
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(doc));
  return { editor: new HeadlessBinding(ydoc), ydoc };
}

describe('[E7] local typing is written where it was typed', () => {
  it('a word typed in front of the same letter ("Warmly " before "Welcomes") is its author’s from first to last letter', () => {
    const { editor, ydoc } = typistOn(sharedDoc('Welcomes'));
    editor.caret('p-1', 0);
    for (const ch of 'Warmly ') editor.type(ch);
    expect(editor.text('p-1')).toBe('Warmly Welcomes');
    expect(authorsOf(ydoc)).toBe('nnnnnnnoooooooo');
    editor.destroy();
  });

  it('a word ending in the letter that follows it ("the " before "the") keeps its last letter', () => {
    const { editor, ydoc } = typistOn(sharedDoc('Calls upon the states'));
    editor.caret('p-1', 11);
    for (const ch of 'all of t') editor.type(ch);
    expect(editor.text('p-1')).toBe('Calls upon all of tthe states');
    expect(authorsOf(ydoc)).toBe('ooooooooooonnnnnnnnoooooooooo');
    editor.destroy();
  });

  it('a deletion removes exactly the characters selected, even among repeated letters', () => {
    const { editor, ydoc } = typistOn(sharedDoc('aaaa bbbb'));
    const { pos } = editor.paragraph('p-1');
    editor.caret('p-1', 2);
    editor.type('X');
    editor.dispatch(editor.state.tr.delete(pos + 1 + 4, pos + 1 + 5)); // the old third "a"
    expect(editor.text('p-1')).toBe('aaXa bbbb');
    const text = (ydoc.getXmlFragment(COMMUNIQUE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    // the old doc sees its own third "a" (offset 2) deleted, not another one
    const old = sharedDoc('aaaa bbbb');
    Y.applyUpdate(old, Y.encodeStateAsUpdate(ydoc));
    expect(text.toString()).toBe('aaXa bbbb');
    expect(authorsOf(old)).toBe('oonoooooo');
    editor.destroy();
  });

  it('with someone deleting the old word at the same time, the typed word survives whole', () => {
    const base = sharedDoc('Welcomes the meeting');
    const { editor, ydoc } = typistOn(base);
    editor.caret('p-1', 0);
    for (const ch of 'Warmly ') editor.type(ch);
    // meanwhile the old author deletes "Welcomes " on their own copy
    const other = new Y.Doc();
    other.clientID = 3;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(base));
    ((other.getXmlFragment(COMMUNIQUE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 9);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other));
    expect(editor.text('p-1')).toBe('Warmly the meeting');
    editor.destroy();
  });
});
