import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { COMMUNIQUE_FRAGMENT, communiqueAuthors } from '@plenary/shared';
import { authorsByShare, authorshipRuns, documentAuthorship } from './authorship';
import { authorshipKey, authorshipPlugin } from './authorshipPlugin';
import { schemaExtensions } from './extensions';
import { withContext } from './draftingContext';
import { headlessEditor } from '../testing/headlessEditor';

function docWithClient(client: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = client;
  return doc;
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** The server (client 1) writes "Recalling the meeting"; Pakistan (client 2) and the chair (client 3) edit it. */
function draft() {
  const server = docWithClient(1);
  const body = server.getXmlFragment(COMMUNIQUE_FRAGMENT);
  const p = new Y.XmlElement('paragraph');
  p.setAttribute('id', 'p-1');
  p.setAttribute('kind', 'pp');
  const text = new Y.XmlText();
  text.insert(0, 'Recalling the meeting');
  p.insert(0, [text]);
  body.insert(0, [p]);
  communiqueAuthors(server).set('1', 'server');
  communiqueAuthors(server).set('2', 'delegate:pk');
  communiqueAuthors(server).set('3', 'chair');

  const pk = docWithClient(2);
  sync(server, pk);
  const pkText = (pk.getXmlFragment(COMMUNIQUE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  pkText.insert('Recalling'.length, ' further', { bold: {} }); // "Recalling further the meeting"
  sync(pk, server);

  const chair = docWithClient(3);
  sync(server, chair);
  const chairText = (chair.getXmlFragment(COMMUNIQUE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  chairText.delete('Recalling further '.length, 'the '.length); // "Recalling further meeting"
  chairText.insert(chairText.length, ' of 2017');
  sync(chair, server);
  return { server, text };
}

describe('[B3] authorshipRuns', () => {
  it('walks the Yjs items: who wrote each character, skipping deleted text and formatting items', () => {
    const { server, text } = draft();
    expect(text.toString().replace(/<[^>]+>/g, '')).toBe('Recalling further meeting of 2017');
    const runs = authorshipRuns(text, communiqueAuthors(server));
    expect(runs.map((r) => [r.from, r.to, r.client, r.actor])).toEqual([
      [0, 9, 1, 'server'],
      [9, 17, 2, 'delegate:pk'],
      [17, 25, 1, 'server'],
      [25, 33, 3, 'chair'],
    ]);
  });

  it('a client id the server never bound has no actor', () => {
    const { text } = draft();
    const runs = authorshipRuns(text, new Map([['2', 'delegate:pk']]));
    expect(runs.map((r) => r.actor)).toEqual([null, 'delegate:pk', null, null]);
  });

  it('an empty text has no runs', () => {
    const doc = new Y.Doc();
    expect(authorshipRuns(doc.getText('t'), new Map())).toEqual([]);
  });
});

describe('[B3] authorship in the editor', () => {
  const schema = getSchema(schemaExtensions());

  it('maps text offsets to ProseMirror positions (paragraph start + 1 + offset)', () => {
    const { server } = draft();
    const fragment = server.getXmlFragment(COMMUNIQUE_FRAGMENT);
    const pm = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const ranges = documentAuthorship(pm, fragment, communiqueAuthors(server));
    expect(ranges.map((r) => [pm.textBetween(r.from, r.to), r.actor])).toEqual([
      ['Recalling', 'server'],
      [' further', 'delegate:pk'],
      [' meeting', 'server'],
      [' of 2017', 'chair'],
    ]);
    expect(authorsByShare(ranges)[0]).toEqual({ actor: 'server', chars: 17 });
  });

  it('skips a paragraph whose ProseMirror text is ahead of Yjs (local typing not yet written)', () => {
    const { server } = draft();
    const fragment = server.getXmlFragment(COMMUNIQUE_FRAGMENT);
    const pm = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const typed = pm.replace(2, 2, pm.slice(2, 4));
    expect(documentAuthorship(typed, fragment, communiqueAuthors(server))).toEqual([]);
  });

  it('the plugin tints verified text in its actor colour when authorship is on, and nothing when off', () => {
    const { server } = draft();
    const fragment = server.getXmlFragment(COMMUNIQUE_FRAGMENT);
    const editor = headlessEditor(yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON(), {}, [authorshipPlugin(server)]);
    const decorations = () =>
      authorshipKey
        .getState(editor.state)!
        .decorations.find()
        .map((d) => [editor.state.doc.textBetween(d.from, d.to), (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-author']]);
    expect(decorations()).toEqual([]);
    editor.view.dispatch(withContext(editor.state.tr, { authorship: true, actorColors: { 'delegate:pk': '#d62728', chair: '#1d3557' } }));
    // the server's own text is not tinted: only delegations and the chair have colours
    expect(decorations()).toEqual([
      [' further', 'delegate:pk'],
      [' of 2017', 'chair'],
    ]);
    editor.view.dispatch(withContext(editor.state.tr, { authorship: false }));
    expect(decorations()).toEqual([]);
    editor.destroy();
  });
});
