import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreateSessionResponse } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, startTestServer, yClient, type TestServer, type TestSocket, type YClient } from './helpers/plenary';
import { rawYjs, type RawYjs } from './helpers/rawYjs';
import { expectUnchanged, refusedEdit } from './helpers/refusals';
import { waitFor } from './helpers/wait';
import { useTestServer } from './helpers/testServer';
import { joinBackward, splitBlock } from '@tiptap/pm/commands';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { HeadlessBinding } from '../client/src/testing/headlessBinding';
import { storeEditDirectly } from './helpers/storedDoc';
import {
  bracketedCopyOfId,
  forgeParagraphWithId,
  removeParagraphId,
  retargetParagraphId,
  schemaAttacks,
  twoParagraphsOneId,
  type DocAttack,
} from './attacks/invariants';

let t: TestServer;
let n = 0;

const { clients, sockets, raws } = useTestServer((server) => (t = server));

/** Title, PP1, OP1, OP2 */
async function sitting(): Promise<CreateSessionResponse> {
  return createSitting(t, {
    ...SMALL_SITTING,
    sessionId: `invariants-${++n}`,
    communique: { title: 'Communiqué', preambular: ['Recognizing that peace is needed,'], operative: ['Calls upon all states to cooperate;', 'Decides to meet again;'] },
  });
}
const open = async (s: CreateSessionResponse, token: string, doc = 'communique') => {
  const c = await yClient(t, `${s.sessionId}/${doc}`, token);
  clients.push(c);
  return c;
};
const openRaw = async (s: CreateSessionResponse, token: string) => {
  const r = await rawYjs(t, `${s.sessionId}/communique`, token);
  raws.push(r);
  return r;
};
const idAt = (doc: Y.Doc, index: number) => String((doc.getXmlFragment('body').get(index) as Y.XmlElement).getAttribute('id'));
const xml = (doc: Y.Doc) => doc.getXmlFragment('body').toString();

async function markdown(s: CreateSessionResponse, server = t): Promise<string> {
  const res = await fetch(`${server.url}/api/sessions/${s.sessionId}/communique.md`, { headers: { authorization: `Bearer ${s.links.observer.token}` } });
  expect(res.status).toBe(200);
  return res.text();
}

const refused = refusedEdit;
/** The whole text without the honest writer's markers. */
const view = (doc: Y.Doc) => xml(doc).replace(/ marker-\d+/g, '');
/** Nothing of a refused edit reached anyone: the text reads as before for the writer, the observer and a newcomer. */
const unchanged = (s: CreateSessionResponse, writer: YClient, obs: YClient, before: string) =>
  expectUnchanged({ writer, reader: obs, newcomer: () => open(s, s.links.observer.token), view, before });

async function setup() {
  const s = await sitting();
  const pk = await open(s, delegateToken(s, 'pk'));
  const obs = await open(s, s.links.observer.token);
  const chair = await ioClient(t, s.links.chair.token);
  sockets.push(chair);
  return { s, pk, obs, chair, before: view(obs.doc) };
}

/** The sitting with OP1 agreed. */
async function setupAgreed() {
  const sitting = await setup();
  expect(await cmd(sitting.chair, 'paragraph.setStatus', { paragraphId: idAt(sitting.obs.doc, 2), status: 'agreed' })).toEqual({ ok: true });
  return sitting;
}

describe('[L11] forged agreed text: a paragraph id is unique and set once', () => {
  it('[L11] a new paragraph carrying an agreed paragraph’s id is refused (4400); the export prints only the agreed text as agreed', async () => {
    const { s, pk, obs, chair } = await setupAgreed();
    const agreed = idAt(obs.doc, 2);
    const before = view(obs.doc);
    const cn = await openRaw(s, delegateToken(s, 'cn'));
    expect(await refused(cn, forgeParagraphWithId(agreed))).toBe(4400);
    expect(cn.denied.join()).toMatch(/paragraph id .* is taken/);
    await unchanged(s, pk, obs, before);
    const md = await markdown(s);
    expect(md).not.toContain('Forged');
    expect(md).toMatch(/Calls upon all states to cooperate;.*agreed/);
  });

  it('[L11] changing an open paragraph’s id to an agreed one’s is refused (4400)', async () => {
    const { s, pk, obs, chair } = await setupAgreed();
    const agreed = idAt(obs.doc, 2);
    const before = view(obs.doc);
    const cn = await openRaw(s, delegateToken(s, 'cn'));
    expect(await refused(cn, retargetParagraphId(3, agreed))).toBe(4400);
    expect(cn.denied.join()).toMatch(/set once and never changes/);
    await unchanged(s, pk, obs, before);
    expect(await markdown(s)).not.toMatch(/Decides to meet again;.*agreed/);
  });

  it('[L11][L4] a bracketed copy of an open paragraph’s id is refused, so agreeing the clean one agrees nothing else', async () => {
    const { s, pk, obs, chair, before } = await setup();
    const clean = idAt(obs.doc, 3);
    const cn = await openRaw(s, delegateToken(s, 'cn'));
    expect(await refused(cn, bracketedCopyOfId(clean, 'cn'))).toBe(4400);
    await unchanged(s, pk, obs, before);
    expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: clean, status: 'agreed' })).toEqual({ ok: true });
    expect(await markdown(s)).not.toContain('Urges');
  });

  /** each attack made from the attacker's copy of the doc */
  const identity: [string, (doc: Y.Doc) => DocAttack][] = [
    ['an open paragraph’s id changed to a fresh one', () => retargetParagraphId(3, 'p-fresh')],
    ['a paragraph’s id removed', () => removeParagraphId(3)],
    ['two new paragraphs taking one id', () => twoParagraphsOneId],
    ['a new paragraph taking an open paragraph’s id', (doc) => forgeParagraphWithId(idAt(doc, 3))],
  ];
  for (const [name, make] of identity) {
    it(`[L11] ${name}: refused (4400), nothing stored or relayed, honest writers unaffected`, async () => {
      const { s, pk, obs, before } = await setup();
      const cn = await openRaw(s, delegateToken(s, 'cn'));
      expect(await refused(cn, make(cn.doc))).toBe(4400);
      expect(cn.denied.length).toBe(1);
      await unchanged(s, pk, obs, before);
    });
  }
});

describe('[L10] the communiqué’s schema: content the editor cannot hold is refused', () => {
  for (const [name, attack] of schemaAttacks('cn')) {
    it(`[L10] ${name}: refused (4400) with a reason, not stored or relayed; honest writers unaffected`, async () => {
      const { s, pk, obs, before } = await setup();
      const cn = await openRaw(s, delegateToken(s, 'cn'));
      expect(await refused(cn, attack)).toBe(4400);
      expect(cn.denied.join()).not.toBe('');
      await unchanged(s, pk, obs, before);
    });
  }

  it('[L10] the chair is held to the schema too: raw top-level text from the chair is refused', async () => {
    const { s, pk, obs, before } = await setup();
    const chair = await openRaw(s, s.links.chair.token);
    expect(await refused(chair, schemaAttacks('cn')[0]![1])).toBe(4400);
    await unchanged(s, pk, obs, before);
  });
});

/** The editor as the page runs it (the Yjs binding and the communiqué's plugins) on a stock client; `closes` collects refusals. */
async function editor(s: CreateSessionResponse, token: string) {
  const client = await open(s, token);
  const closes: number[] = [];
  client.provider.on('connection-close', (e: { code: number } | null) => void (e && closes.push(e.code)));
  const b = new HeadlessBinding(client.doc);
  return { client, b, closes, run: (command: typeof splitBlock) => command(b.state, (tr) => b.dispatch(tr)) };
}
const ids = (doc: Y.Doc) => doc.getXmlFragment('body').toArray().slice(1).map((p) => String((p as Y.XmlElement).getAttribute('id')));

/** Every copy converged on the observer's, with unique ids, and nobody was refused. */
async function converged(obs: YClient, ...editors: Awaited<ReturnType<typeof editor>>[]): Promise<void> {
  await waitFor(() => editors.every((e) => xml(e.client.doc) === xml(obs.doc)), 5000, 'the copies did not converge');
  for (const e of editors) expect(e.closes).toEqual([]);
  expect(new Set(ids(obs.doc)).size).toBe(ids(obs.doc).length);
}

describe('[L11] honest editing keeps every paragraph’s id', () => {
  it('[L11][E1] Enter in the middle, at the start and at the end of a paragraph, and Backspace into an empty one', async () => {
    const { s, obs } = await setup();
    const [pp1, op1, op2] = ids(obs.doc) as [string, string, string];
    const pk = await editor(s, delegateToken(s, 'pk'));
    pk.b.caret(op1, 5);
    pk.run(splitBlock);
    pk.b.caret(op2, 0);
    pk.run(splitBlock);
    pk.b.caret(pp1, pk.b.text(pp1).length);
    pk.run(splitBlock);
    await converged(obs, pk);
    expect(obs.text()).toContain('Calls</paragraph><paragraph');
    // Backspace at the start of OP2, now after the empty paragraph Enter left
    pk.b.caret(op2, 0);
    pk.run(joinBackward);
    await converged(obs, pk);
    expect(ids(obs.doc)).toEqual(expect.arrayContaining([pp1, op1, op2]));
    expect(ids(obs.doc)).toHaveLength(5);
  });

  it('[L11] a paragraph cut and pasted elsewhere keeps its id; its deletion undone brings it back with its id', async () => {
    const { s, obs } = await setup();
    const [, op1, op2] = ids(obs.doc) as [string, string, string];
    const pk = await editor(s, delegateToken(s, 'pk'));
    const { pos, node } = pk.b.paragraph(op1);
    pk.b.dispatch(pk.b.state.tr.delete(pos, pos + node.nodeSize).insert(pk.b.state.doc.content.size - node.nodeSize, node));
    await converged(obs, pk);
    expect(ids(obs.doc).slice(-2)).toEqual([op2, op1]);
    const undo = new Y.UndoManager(pk.client.doc.getXmlFragment('body'), { trackedOrigins: new Set([ySyncPluginKey]) });
    const two = pk.b.paragraph(op2);
    pk.b.dispatch(pk.b.state.tr.delete(two.pos, two.pos + two.node.nodeSize));
    await converged(obs, pk);
    expect(ids(obs.doc)).not.toContain(op2);
    undo.undo();
    await converged(obs, pk);
    expect(ids(obs.doc)).toContain(op2);
  });

  it('[L11][E1] two delegates press Enter in the same paragraph at once: both new paragraphs stay, each with its own id', async () => {
    const { s, obs } = await setup();
    const op1 = ids(obs.doc)[1]!;
    const pk = await editor(s, delegateToken(s, 'pk'));
    const cn = await editor(s, delegateToken(s, 'cn'));
    pk.b.caret(op1, 5);
    cn.b.caret(op1, 10);
    pk.run(splitBlock);
    cn.run(splitBlock);
    await converged(obs, pk, cn);
    expect(ids(obs.doc)).toHaveLength(5);
  });
});

describe('[L11] a text stored before ids were unique: a copy of an id owns no status', () => {
  it('[L11][L4][X1] the agreed paragraph and its stored copy print as open; the copy cannot be agreed; honest typing goes on; deleting the copy restores the agreement', async () => {
    const first = await startTestServer();
    const s = await createSitting(first, { ...SMALL_SITTING, sessionId: 'stored-copies', communique: { title: 'Communiqué', preambular: ['Recognizing that peace is needed,'], operative: ['Calls upon all states to cooperate;', 'Decides to meet again;'] } });
    const reader = await yClient(first, `${s.sessionId}/communique`, s.links.observer.token);
    const [, agreed, open2] = ids(reader.doc) as [string, string, string];
    reader.destroy();
    const chair1 = await ioClient(first, s.links.chair.token);
    expect(await cmd(chair1, 'paragraph.setStatus', { paragraphId: agreed, status: 'agreed' })).toEqual({ ok: true });
    chair1.close();
    await first.close();
    await storeEditDirectly(first.config.dataDir, `${s.sessionId}/communique`, (doc) => {
      forgeParagraphWithId(agreed, 'Forged text;', 4)(doc);
      bracketedCopyOfId(open2, 'cn')(doc);
    });
    const t2 = await startTestServer({ ...first.config, port: 0 });
    try {
      const md = await markdown(s, t2);
      expect(md).toContain('Forged text;');
      expect(md).not.toContain('(agreed)');
      const chair = await ioClient(t2, s.links.chair.token);
      sockets.push(chair);
      expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: open2, status: 'agreed' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/same id/) } });
      // a delegate's editor typing elsewhere leaves the copies alone, so it is not refused
      const obs = await yClient(t2, `${s.sessionId}/communique`, s.links.observer.token);
      clients.push(obs);
      const pkClient = await yClient(t2, `${s.sessionId}/communique`, delegateToken(s, 'pk'));
      clients.push(pkClient);
      const closes: number[] = [];
      pkClient.provider.on('connection-close', (e: { code: number } | null) => void (e && closes.push(e.code)));
      const pk = new HeadlessBinding(pkClient.doc);
      pk.caret(ids(obs.doc)[0]!, 0);
      pk.type('W');
      await waitFor(() => obs.text().includes('>WRecognizing'));
      expect(closes).toEqual([]);
      // the chair reopens OP1, the copy is deleted, OP1 is agreed again: it alone prints as agreed
      expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: agreed, status: 'open' })).toEqual({ ok: true });
      const cn = await rawYjs(t2, `${s.sessionId}/communique`, delegateToken(s, 'cn'));
      raws.push(cn);
      cn.edit((doc) => doc.getXmlFragment('body').delete(4, 1));
      await cn.barrier();
      expect(cn.closed).toBeNull();
      expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: agreed, status: 'agreed' })).toEqual({ ok: true });
      const after = await markdown(s, t2);
      expect(after).not.toContain('Forged text;');
      expect(after.match(/\(agreed\)/g)).toHaveLength(1);
      expect(after).toMatch(/Calls upon all states to cooperate; \*\(agreed\)\*/);
    } finally {
      await t2.close();
    }
  });
});
