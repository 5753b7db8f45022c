import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment, updateYFragment } from '@tiptap/y-tiptap';
import { headlessEditor } from '../testing/headlessEditor';
import { dropParagraphsGoneFromEditor } from './keepIds';

const pmDoc = (paragraphs: { id: string; content: object[] }[]) =>
  headlessEditor({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Communiqué' }] },
      ...paragraphs.map((p) => ({ type: 'paragraph', attrs: { id: p.id, kind: 'op' }, content: p.content })),
    ],
  }).state.doc;
const text = (t: string) => ({ type: 'text', text: t });
const ids = (body: Y.XmlFragment) => body.toArray().map((n) => (n instanceof Y.XmlElement ? (n.getAttribute('id') ?? null) : null));

describe('[L11] dropParagraphsGoneFromEditor', () => {
  it('a join of a paragraph holding a line break: the stored paragraph the editor no longer has is deleted, the first keeps its element and id', () => {
    const before = pmDoc([
      { id: 'a', content: [text('Decides;')] },
      { id: 'b', content: [text('Calls upon;'), { type: 'hardBreak' }, text('in all forms')] },
    ]);
    const after = pmDoc([{ id: 'a', content: [text('Decides;Calls upon;'), { type: 'hardBreak' }, text('in all forms')] }]);
    const ydoc = new Y.Doc();
    const body = ydoc.getXmlFragment('body');
    prosemirrorToYXmlFragment(before, body);
    const [, a] = body.toArray();
    const idsSet: string[] = [];
    body.observeDeep((events) => {
      for (const e of events) if (e.target !== body && (e as Y.YXmlEvent).attributesChanged?.has('id')) idsSet.push(String((e.target as Y.XmlElement).getAttribute('id')));
    });
    ydoc.transact(() => {
      dropParagraphsGoneFromEditor(body, after);
      updateYFragment(ydoc, body, after, { mapping: new Map(), isOMark: new Map() } as never);
    });
    expect(ids(body)).toEqual([null, 'a']);
    expect(body.get(1)).toBe(a);
    expect(idsSet).toEqual([]);
    expect(body.toString()).toContain('<paragraph id="a" kind="op">Decides;Calls upon;<hardbreak></hardbreak>in all forms</paragraph>');
  });

  it('leaves paragraphs the editor has, and stored nodes without an id, alone', () => {
    const ydoc = new Y.Doc();
    const body = ydoc.getXmlFragment('body');
    prosemirrorToYXmlFragment(pmDoc([{ id: 'a', content: [text('A')] }, { id: 'b', content: [text('B')] }]), body);
    body.insert(3, [new Y.XmlText('raw')]);
    dropParagraphsGoneFromEditor(body, pmDoc([{ id: 'b', content: [text('B')] }]));
    expect(ids(body)).toEqual([null, 'b', null]);
  });
});
