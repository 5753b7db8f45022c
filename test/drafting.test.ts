import { beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { Comment, CreateSessionResponse } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, typeInto, yClient, type TestServer, type TestSocket, type YClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';
import { useTestServer } from './helpers/testServer';

let t: TestServer;
let links: CreateSessionResponse;
let chair: TestSocket;
const open = async (doc: string, token: string) => {
  const c = await yClient(t, doc, token);
  clients.push(c);
  return c;
};

let n = 0;
async function freshSitting(): Promise<CreateSessionResponse> {
  const res = await createSitting(t, {
    ...SMALL_SITTING,
    sessionId: `drafting-${++n}`,
    communique: { title: 'Communiqué', preambular: ['Recognizing that a stable Afghanistan is needed,'], operative: ['Decides to meet again;', 'Calls upon all states;'] },
  });
  chair = await ioClient(t, res.links.chair.token);
  sockets.push(chair);
  return res;
}

const paragraphId = (doc: Y.Doc, index: number) => (doc.getXmlFragment('body').get(index) as Y.XmlElement).getAttribute('id') as string;

function comments(sessionDoc: Y.Doc): Comment[] {
  return [...sessionDoc.getMap<Comment>('comments').values()];
}

const { clients, sockets } = useTestServer((server) => (t = server));
beforeAll(async () => {
  links = await createSitting(t);
});

describe('agreed language is locked', () => {
  it('[L2] an update into an agreed paragraph is refused, not relayed, not stored; the typed text is kept as a comment', async () => {
    const s = await freshSitting();
    const sid = s.sessionId;
    const pk = await open(`${sid}/communique`, delegateToken(s, 'pk'));
    const cn = await open(`${sid}/communique`, delegateToken(s, 'cn'));
    const session = await open(`${sid}/session`, s.links.observer.token);
    const pid = paragraphId(pk.doc, 2);
    expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: pid, status: 'agreed' })).toEqual({ ok: true });
    await waitFor(() => session.doc.getMap('paragraphs').has(pid));

    const closed = new Promise<number>((resolve) => pk.provider.once('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)));
    typeInto(pk.doc, ' LOCKED-EDIT', 2);
    expect(await closed).toBe(4409);
    await waitFor(() => comments(session.doc).some((c) => c.kind === 'kept-edit'));
    const kept = comments(session.doc).filter((c) => c.kind === 'kept-edit');
    expect(kept).toEqual([expect.objectContaining({ paragraphId: pid, text: 'LOCKED-EDIT', author: 'delegate:pk', name: 'Pakistan' })]);
    // the other paragraphs stay open
    typeInto(cn.doc, ' open-edit', 1);
    await waitFor(() => session.doc && cn.text().includes('open-edit'));
    expect(cn.text()).not.toContain('LOCKED-EDIT');
    pk.destroy();
    const fresh = await open(`${sid}/communique`, s.links.observer.token);
    await waitFor(() => fresh.text().includes('open-edit'));
    expect(fresh.text()).not.toContain('LOCKED-EDIT');
    // the stock client retries the refused edit on reconnect: it is still refused and kept once
    expect(comments(session.doc).filter((c) => c.kind === 'kept-edit')).toHaveLength(1);
  });

  it('[L2] an edit made offline while the paragraph was agreed is refused on reconnect and kept as a comment', async () => {
    const s = await freshSitting();
    const sid = s.sessionId;
    const pk = await open(`${sid}/communique`, delegateToken(s, 'pk'));
    const session = await open(`${sid}/session`, s.links.observer.token);
    const pid = paragraphId(pk.doc, 1);
    pk.provider.disconnect();
    typeInto(pk.doc, ' typed offline', 1);
    expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: pid, status: 'agreed' })).toEqual({ ok: true });
    pk.provider.connect();
    await waitFor(() => comments(session.doc).some((c) => c.kind === 'kept-edit' && c.text === 'typed offline'), 5000);
    const reader = await open(`${sid}/communique`, delegateToken(s, 'cn'));
    expect(reader.text()).not.toContain('typed offline');
  });

  it('[L2] once the chair sets the paragraph back, it can be edited again', async () => {
    const s = await freshSitting();
    const pk = await open(`${s.sessionId}/communique`, delegateToken(s, 'pk'));
    const pid = paragraphId(pk.doc, 1);
    await cmd(chair, 'paragraph.setStatus', { paragraphId: pid, status: 'agreed' });
    expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: pid, status: 'open' })).toEqual({ ok: true });
    const cn = await open(`${s.sessionId}/communique`, delegateToken(s, 'cn'));
    typeInto(pk.doc, ' reopened', 1);
    await waitFor(() => cn.text().includes('reopened'));
  });
});

describe('paragraph status', () => {
  it('[L4] only the chair sets it; an unknown paragraph is NOT_FOUND; the same status twice is a CONFLICT', async () => {
    const s = await freshSitting();
    const pk = await open(`${s.sessionId}/communique`, delegateToken(s, 'pk'));
    const pid = paragraphId(pk.doc, 1);
    const delegate = await ioClient(t, delegateToken(s, 'pk'));
    sockets.push(delegate);
    expect(await cmd(delegate, 'paragraph.setStatus', { paragraphId: pid, status: 'agreed' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: 'p-none', status: 'agreed' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: pid, status: 'agreed-ad-ref' })).toEqual({ ok: true });
    expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: pid, status: 'agreed-ad-ref' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: pid, status: 'final' })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  it('[L4] a paragraph with brackets cannot be agreed', async () => {
    const s = await freshSitting();
    const pk = await open(`${s.sessionId}/communique`, delegateToken(s, 'pk'));
    const cn = await open(`${s.sessionId}/communique`, delegateToken(s, 'cn'));
    const pid = paragraphId(pk.doc, 2);
    const text = (pk.doc.getXmlFragment('body').get(2) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, 7, { 'bracket--pk000001': { by: 'pk', at: 1 } });
    await waitFor(() => JSON.stringify(((cn.doc.getXmlFragment('body').get(2) as Y.XmlElement).get(0) as Y.XmlText).toDelta()).includes('bracket'));
    expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: pid, status: 'agreed' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/brackets/) },
    });
    text.format(0, 7, { 'bracket--pk000001': null });
    await waitFor(() => !JSON.stringify(((cn.doc.getXmlFragment('body').get(2) as Y.XmlElement).get(0) as Y.XmlText).toDelta()).includes('bracket'));
    expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: pid, status: 'agreed' })).toEqual({ ok: true });
  });
});

describe('verified authorship', () => {
  it('[L3] each Yjs client id is bound to the actor who first wrote with it', async () => {
    const pk = await open('test-sitting/communique', delegateToken(links, 'pk'));
    const obs = await open('test-sitting/communique', links.links.observer.token);
    typeInto(pk.doc, ' by Pakistan');
    await waitFor(() => obs.doc.getMap('authors').get(String(pk.doc.clientID)) === 'delegate:pk');
  });

  it("[L3] a client reusing another actor's client id is refused and nothing it sent is relayed", async () => {
    const pk = await open('test-sitting/communique', delegateToken(links, 'pk'));
    const obs = await open('test-sitting/communique', links.links.observer.token);
    typeInto(pk.doc, ' genuine');
    await waitFor(() => obs.doc.getMap('authors').get(String(pk.doc.clientID)) === 'delegate:pk');

    const impostor = new Y.Doc();
    Y.applyUpdate(impostor, Y.encodeStateAsUpdate(pk.doc));
    // after the sync: Yjs would pick a new id if it saw its own id arrive from elsewhere
    impostor.clientID = pk.doc.clientID;
    const sv = Y.encodeStateVector(impostor);
    ((impostor.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'FORGED ');
    const forged = Y.encodeStateAsUpdate(impostor, sv);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, forged);

    const ws = new WebSocket(`${t.wsUrl}/yjs/test-sitting/communique?token=${delegateToken(links, 'cn')}`);
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(encoding.toUint8Array(e));
    expect(await closed).toBe(4403);
    typeInto(pk.doc, ' after');
    await waitFor(() => obs.text().includes('after'));
    expect(obs.text()).not.toContain('FORGED');
  });

  it('[L3] nobody but the server writes the authors map', async () => {
    const pk = await open('test-sitting/communique', delegateToken(links, 'pk'));
    const obs = await open('test-sitting/communique', links.links.observer.token);
    const closed = new Promise<number>((resolve) => pk.provider.once('connection-close', (ev: { code: number } | null) => resolve(ev?.code ?? 0)));
    pk.doc.getMap('authors').set('12345', 'chair');
    expect(await closed).toBe(4400);
    await new Promise((r) => setTimeout(r, 100));
    expect(obs.doc.getMap('authors').get('12345')).toBeUndefined();
  });
});

describe('comments', () => {
  it('[L5] delegates and the chair comment and reply; observers cannot; only the author or the chair resolves', async () => {
    const s = await freshSitting();
    const pk = await ioClient(t, delegateToken(s, 'pk'));
    const cn = await ioClient(t, delegateToken(s, 'cn'));
    const obs = await ioClient(t, s.links.observer.token);
    sockets.push(pk, cn, obs);
    const doc = await open(`${s.sessionId}/communique`, s.links.observer.token);
    const pid = paragraphId(doc.doc, 1);
    const added = await cmd(pk, 'comment.add', { paragraphId: pid, text: 'We cannot accept "needed".' });
    expect(added).toEqual({ ok: true, result: { id: expect.stringMatching(/^c-/) } });
    const id = (added as { result: { id: string } }).result.id;
    expect(await cmd(cn, 'comment.add', { paragraphId: pid, text: 'Proposal: "essential".', replyTo: id })).toMatchObject({ ok: true });
    expect(await cmd(cn, 'comment.add', { paragraphId: paragraphId(doc.doc, 2), text: 'wrong thread', replyTo: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await cmd(obs, 'comment.add', { paragraphId: pid, text: 'press' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await cmd(pk, 'comment.add', { paragraphId: 'p-none', text: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await cmd(cn, 'comment.resolve', { commentId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only its author or the chair can resolve a comment' } });
    expect(await cmd(pk, 'comment.resolve', { commentId: id })).toEqual({ ok: true });
    expect(await cmd(chair, 'comment.resolve', { commentId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
