import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeCommuniqueSkeleton } from '@plenary/shared/plain';
import { HeadlessBinding } from '../testing/headlessBinding';
import { removeUnreadable, unreadableBlocks } from './unreadable';

/** A communiqué as stored before L10 let the server refuse it: raw text and an unknown element among the paragraphs. */
function storedWithJunk(): Y.Doc {
  const doc = new Y.Doc();
  writeCommuniqueSkeleton(doc, { title: 'Communiqué', preambular: ['Recognizing that peace is needed,'], operative: ['Decides to meet again;'] }, null);
  const body = doc.getXmlFragment('body');
  const raw = new Y.XmlText();
  raw.insert(0, 'raw text outside any paragraph');
  body.insert(1, [raw]);
  return doc;
}

const texts = (b: HeadlessBinding) => {
  const out: string[] = [];
  b.state.doc.forEach((n) => void out.push(n.textContent));
  return out;
};

describe('[L10] the editor shows the text it can read when the stored doc holds content it cannot', () => {
  it('[L10] raw text at the top of the communiqué: the paragraphs render, the raw text is left out', () => {
    const b = new HeadlessBinding(storedWithJunk());
    expect(texts(b)).toEqual(['Communiqué', 'Recognizing that peace is needed,', 'Decides to meet again;']);
    b.destroy();
  });

  it('[L10] raw text arriving later (a sync of a stored doc) does not stop the editor following the text', () => {
    const doc = new Y.Doc();
    const b = new HeadlessBinding(doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(storedWithJunk()));
    expect(texts(b)).toEqual(['Communiqué', 'Recognizing that peace is needed,', 'Decides to meet again;']);
    b.destroy();
  });

  it('[L10] unreadableBlocks names what the schema does not allow at the top', () => {
    const doc = storedWithJunk();
    doc.getXmlFragment('body').insert(0, [new Y.XmlElement('script')]);
    expect(unreadableBlocks(doc.getXmlFragment('body')).map((n) => (n instanceof Y.XmlElement ? n.nodeName : 'text'))).toEqual(['script', 'text']);
  });

  it('[L10] a writer removes them, and only them', () => {
    const doc = storedWithJunk();
    const body = doc.getXmlFragment('body');
    body.insert(3, [new Y.XmlElement('script')]);
    removeUnreadable(doc, body);
    expect(unreadableBlocks(body)).toEqual([]);
    expect(body.toArray().map((n) => (n as Y.XmlElement).nodeName)).toEqual(['heading', 'paragraph', 'paragraph']);
  });
});
