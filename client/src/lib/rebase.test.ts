import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeCommuniqueSkeleton, communiqueText } from '@plenary/shared/plain';
import { captureText, retypeUnsent } from './rebase';

const para = (doc: Y.Doc, i: number) => doc.getXmlFragment('body').get(i) as Y.XmlElement;
const text = (doc: Y.Doc, i: number) => para(doc, i).get(0) as Y.XmlText;

describe('words typed again after a refused edit', () => {
  it('[O1][L2] the words the server lacks are typed again after the character they followed, in open paragraphs only; others\' edits stay', () => {
    const server = new Y.Doc();
    writeCommuniqueSkeleton(server, { title: 'T', preambular: ['Recognizing that', 'Noting'], operative: ['Decides to meet'] }, null);
    // a delegate's copy, offline: words in two paragraphs (one agreed meanwhile), in the middle and at the end
    const mine = new Y.Doc();
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(server));
    text(mine, 1).insert('Recognizing'.length, ' fully');
    text(mine, 1).insert(text(mine, 1).length, ' kept');
    text(mine, 3).insert(text(mine, 3).length, ' refused');
    // meanwhile another delegate typed in the first paragraph, and the chair agreed the third
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    text(other, 1).insert(0, 'Firmly ');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other, Y.encodeStateVector(server)));
    const agreed = String(para(server, 3).getAttribute('id'));

    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    const typed = retypeUnsent(fresh, captureText(mine), (id) => id === agreed, 'retyped');
    expect(typed).toBe(' fully'.length + ' kept'.length);
    expect(communiqueText(fresh).split('\n')).toEqual(['T', 'Firmly Recognizing fully that kept', 'Noting', 'Decides to meet']);
    // typed again once only: a second pass finds nothing the copy lacks
    expect(retypeUnsent(fresh, captureText(fresh), () => false, 'retyped')).toBe(0);
  });
});
