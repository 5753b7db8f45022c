import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema, type Editor } from '@tiptap/core';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { CreateSessionResponse, FeedEntry } from '@plenary/shared';
import { createSitting, delegateToken, SMALL_SITTING, yClient, type TestServer, type YClient } from './helpers/plenary';
import { rawYjs, type RawYjs } from './helpers/rawYjs';
import { waitFor } from './helpers/wait';
import { useTestServer } from './helpers/testServer';
import { expectUnchanged, refusedEdit } from './helpers/refusals';
import { headlessEditor } from '../client/src/testing/headlessEditor';
import { schemaExtensions } from '../client/src/editor/extensions';
import { bracketSelection, bracketSpans, liftBracket } from '../client/src/editor/brackets';

let t: TestServer;
let n = 0;

const SENTENCE = 'Calls upon all states to cooperate;';
/** "Calls upon" (0..10) of OP1, Pakistan's bracket in the attacks (the editor reads a key's last 8 characters as its hash) */
const PK = { key: 'bracket--pkpkpkpk', attrs: { by: 'pk', at: 1 } };

const { clients, raws } = useTestServer((server) => (t = server));

async function sitting(): Promise<CreateSessionResponse> {
  return createSitting(t, {
    ...SMALL_SITTING,
    delegations: [...SMALL_SITTING.delegations, { id: 'in', name: 'India' }],
    sessionId: `brackets-${++n}`,
    communique: { title: 'Communiqué', preambular: ['Recognizing that peace is needed,'], operative: [SENTENCE, 'Decides to meet again;'] },
  });
}
const open = async (s: CreateSessionResponse, token: string) => {
  const c = await yClient(t, `${s.sessionId}/communique`, token);
  clients.push(c);
  return c;
};
const openRaw = async (s: CreateSessionResponse, token: string) => {
  const r = await rawYjs(t, `${s.sessionId}/communique`, token);
  raws.push(r);
  return r;
};
/** OP1 is the third block: title, PP1, OP1, OP2 */
const op1 = (doc: Y.Doc) => (doc.getXmlFragment('body').get(2) as Y.XmlElement).get(0) as Y.XmlText;
const deltaOf = (doc: Y.Doc) => JSON.stringify(op1(doc).toDelta());
const plain = (doc: Y.Doc) => (op1(doc).toDelta() as { insert: string }[]).map((d) => d.insert).join('');
const paragraphId = (doc: Y.Doc) => String((doc.getXmlFragment('body').get(2) as Y.XmlElement).getAttribute('id'));

/** Pakistan brackets "Calls upon"; everyone (and the attacker) has it. */
async function bracketed(s: CreateSessionResponse) {
  const pk = await open(s, delegateToken(s, 'pk'));
  const obs = await open(s, s.links.observer.token);
  op1(pk.doc).format(0, 10, { [PK.key]: PK.attrs });
  await waitFor(() => deltaOf(obs.doc).includes(PK.key));
  return { pk, obs, before: deltaOf(obs.doc) };
}

const refused = refusedEdit;
/** Nothing of a refused edit reached anyone: the bracketed paragraph reads as before for all, also for a newcomer. */
const unchanged = (s: CreateSessionResponse, pk: YClient, obs: YClient, before: string) =>
  expectUnchanged({ writer: pk, reader: obs, newcomer: () => open(s, s.links.observer.token), view: deltaOf, before });

describe('[L9] a bracket belongs to its holders: raw Yjs edits of another delegation’s bracket are refused', () => {
  const attacks: [string, (doc: Y.Doc) => void][] = [
    ['(a) removing it', (d) => op1(d).format(0, 10, { [PK.key]: null })],
    ['(b) shrinking it', (d) => op1(d).format(6, 4, { [PK.key]: null })],
    ['(c) stretching it over more words', (d) => op1(d).format(0, 18, { [PK.key]: PK.attrs })],
    ['(d) re-keying it as one’s own', (d) => op1(d).format(0, 10, { [PK.key]: null, 'bracket--cncncncn': { by: 'cn', at: 1 } })],
    ['(d) re-attributing it (changing `by`)', (d) => op1(d).format(0, 10, { [PK.key]: { by: 'cn', at: 1 } })],
    ['(e) deleting the words inside it', (d) => op1(d).delete(0, 6)],
    ['(e) deleting the whole paragraph', (d) => d.getXmlFragment('body').delete(2, 1)],
    ['(f) reusing its key in a third delegation’s name', (d) => op1(d).format(11, 3, { [PK.key]: { by: 'in', at: 5 } })],
    ['splitting it with words that are not inside it', (d) => op1(d).insert(5, ' not', { [PK.key]: null })],
  ];
  for (const [name, attack] of attacks) {
    it(`[L9] ${name}: refused with 4423, the server's text unchanged, honest writers unaffected`, async () => {
      const s = await sitting();
      const { pk, obs, before } = await bracketed(s);
      const cn = await openRaw(s, delegateToken(s, 'cn'));
      expect(await refused(cn, attack)).toBe(4423);
      expect(cn.denied.join()).toMatch(/bracket/);
      await unchanged(s, pk, obs, before);
    });
  }

  it('[L9] the chair does not re-attribute a bracket either', async () => {
    const s = await sitting();
    const { pk, obs, before } = await bracketed(s);
    const chair = await openRaw(s, s.links.chair.token);
    expect(await refused(chair, (d) => op1(d).format(0, 10, { [PK.key]: { by: 'in', at: 1 } }))).toBe(4423);
    await unchanged(s, pk, obs, before);
  });
});

/** A client writing what the editor would: the text as ProseMirror, changed by the editor's own commands, written back by y-tiptap. */
function editAsTheEditor(doc: Y.Doc, change: (editor: Editor) => void): void {
  const schema = getSchema(schemaExtensions());
  const fragment = doc.getXmlFragment('body');
  const editor = headlessEditor(yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON());
  change(editor);
  doc.transact(() => updateYFragment(doc, fragment, editor.state.doc, { mapping: new Map(), isOMark: new Map() }));
  editor.destroy();
}
/** Where OP1's text starts in the editor: after the title and PP1 */
const opStart = (editor: Editor) => editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize + 1;
const feed = async (s: CreateSessionResponse) => {
  const session = await yClient(t, `${s.sessionId}/session`, s.links.observer.token);
  clients.push(session);
  return () => session.doc.getArray<FeedEntry>('feed').toArray();
};

describe('[L8][L9] what stays allowed, from the editor itself', () => {
  it('[L9] others type just before, just after and inside another delegation’s bracket; words typed inside join it', async () => {
    const s = await sitting();
    const pk = await open(s, delegateToken(s, 'pk'));
    const cn = await open(s, delegateToken(s, 'cn'));
    editAsTheEditor(pk.doc, (e) => {
      const from = opStart(e);
      e.commands.setTextSelection({ from, to: from + 10 });
      e.view.dispatch(bracketSelection(e.state, 'pk', 1000)!);
    });
    await waitFor(() => deltaOf(cn.doc).includes('bracket'));
    // as typing does, one change at a time: the text takes the marks the caret has (the bracket is not inclusive at its edges)
    for (const [at, text] of [[10, ' now'], [5, ' also'], [0, 'He ']] as const) {
      editAsTheEditor(cn.doc, (e) => e.view.dispatch(e.state.tr.insertText(text, opStart(e) + at)));
    }
    await waitFor(() => plain(pk.doc) === 'He Calls also upon now all states to cooperate;');
    const spans = bracketSpans(yXmlFragmentToProseMirrorRootNode(pk.doc.getXmlFragment('body'), getSchema(schemaExtensions())));
    expect(spans.map((x) => [x.text, x.holders.map((h) => h.by)])).toEqual([['Calls also upon', ['pk']]]);
  });

  it('[L9][F1] a second delegation joins the bracket; the feed says so, naming the paragraph by id', async () => {
    const s = await sitting();
    const lines = await feed(s);
    const { obs } = await bracketed(s);
    const cn = await open(s, delegateToken(s, 'cn'));
    op1(cn.doc).format(0, 10, { 'bracket--cncncncn': { by: 'cn', at: 2 } });
    await waitFor(() => deltaOf(obs.doc).includes('bracket--cncncncn'));
    await waitFor(() => lines().some((l) => l.key === 'bracket.join'));
    expect(lines().find((l) => l.key === 'bracket.join')).toMatchObject({
      actor: 'delegate:cn',
      delegation: 'cn',
      kind: 'paragraph',
      text: 'China joined the bracket of Pakistan in OP1',
      params: { who: 'China', delegation: 'Pakistan', paragraph: 'OP1', paragraphId: paragraphId(obs.doc) },
    });
  });

  it('[L9] a delegation removes its own bracket, the other holder’s stays', async () => {
    const s = await sitting();
    const { pk, obs } = await bracketed(s);
    const cn = await open(s, delegateToken(s, 'cn'));
    op1(cn.doc).format(0, 10, { 'bracket--cncncncn': { by: 'cn', at: 2 } });
    await waitFor(() => deltaOf(pk.doc).includes('bracket--cncncncn'));
    op1(pk.doc).format(0, 10, { [PK.key]: null });
    await waitFor(() => !deltaOf(obs.doc).includes(PK.key));
    expect(op1(obs.doc).toDelta()).toEqual([{ insert: 'Calls upon', attributes: { 'bracket--cncncncn': { by: 'cn', at: 2 } } }, { insert: SENTENCE.slice(10) }]);
  });

  it('[L9][F1] the chair lifts a bracket from the editor, keeping one alternative; the feed says so', async () => {
    const s = await sitting();
    const lines = await feed(s);
    const pk = await open(s, delegateToken(s, 'pk'));
    const chair = await open(s, s.links.chair.token);
    op1(pk.doc).insert(0, 'Urges | ');
    op1(pk.doc).format(0, 18, { [PK.key]: PK.attrs });
    await waitFor(() => deltaOf(chair.doc).includes(PK.key));
    editAsTheEditor(chair.doc, (e) => {
      const span = bracketSpans(e.state.doc)[0]!;
      e.view.dispatch(liftBracket(e.state, span, 'Calls upon'));
    });
    await waitFor(() => !deltaOf(pk.doc).includes('bracket'));
    expect(plain(pk.doc)).toBe(SENTENCE);
    await waitFor(() => lines().some((l) => l.key === 'bracket.lift'));
    expect(lines().find((l) => l.key === 'bracket.lift')).toMatchObject({
      actor: 'chair',
      delegation: 'pk',
      text: 'Chair lifted the bracket of Pakistan in OP1',
      params: { whoRole: 'chair', delegation: 'Pakistan', paragraphId: paragraphId(pk.doc) },
    });
  });
});
