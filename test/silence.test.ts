import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Comment, CreateSessionResponse, Silence } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, typeInto, yClient, type TestServer, type TestSocket, type YClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';
import { useTestServer } from './helpers/testServer';

let t: TestServer;
let n = 0;

const { clients, sockets } = useTestServer((server) => (t = server));

async function sitting(): Promise<{ s: CreateSessionResponse; chair: TestSocket }> {
  const s = await createSitting(t, {
    ...SMALL_SITTING,
    sessionId: `silence-${++n}`,
    communique: { title: 'Communiqué', preambular: ['Recognizing that a stable Afghanistan is needed,'], operative: ['Decides to meet again;', 'Calls upon all states;'] },
  });
  const chair = await ioClient(t, s.links.chair.token);
  sockets.push(chair);
  return { s, chair };
}
const open = async (doc: string, token: string) => {
  const c = await yClient(t, doc, token);
  clients.push(c);
  return c;
};
const paragraphId = (doc: Y.Doc, index: number) => (doc.getXmlFragment('body').get(index) as Y.XmlElement).getAttribute('id') as string;
const textOf = (doc: Y.Doc, index: number) => ((doc.getXmlFragment('body').get(index) as Y.XmlElement).get(0) as Y.XmlText).toString();
const silenceOf = (session: Y.Doc) => session.getMap<Silence>('silence').get('current');
const keptEdits = (session: Y.Doc) => [...session.getMap<Comment>('comments').values()].filter((c) => c.kind === 'kept-edit');

describe('silence freezes the text', () => {
  it('[L6] under a silence on the whole text, a raw update into an operative paragraph is refused (4409), not relayed, not stored, and kept as a comment; after the chair withdraws it, the paragraph takes edits again', async () => {
    const { s, chair } = await sitting();
    const sid = s.sessionId;
    const pk = await open(`${sid}/communique`, delegateToken(s, 'pk'));
    const cn = await open(`${sid}/communique`, delegateToken(s, 'cn'));
    const session = await open(`${sid}/session`, s.links.observer.token);
    expect(await cmd(chair, 'silence.start', { deadline: Date.now() + 600_000 })).toMatchObject({ ok: true });
    await waitFor(() => silenceOf(session.doc)?.state === 'running');

    const closed = new Promise<number>((resolve) => pk.provider.once('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)));
    typeInto(pk.doc, ' UNDER-SILENCE', 2);
    expect(await closed).toBe(4409);
    // the title is not under silence: China's marker there comes back, and the refused edit never did
    ((cn.doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'MARK ');
    const observer = await open(`${sid}/communique`, s.links.observer.token);
    await waitFor(() => observer.text().includes('MARK'));
    expect(observer.text()).not.toContain('UNDER-SILENCE');
    expect(cn.text()).not.toContain('UNDER-SILENCE');
    await waitFor(() => keptEdits(session.doc).length === 1);
    expect(keptEdits(session.doc)[0]).toMatchObject({ paragraphId: paragraphId(cn.doc, 2), text: 'UNDER-SILENCE', author: 'delegate:pk' });

    expect(await cmd(chair, 'silence.withdraw', {})).toEqual({ ok: true });
    await waitFor(() => silenceOf(session.doc)?.state === 'withdrawn');
    expect(silenceOf(session.doc)).toMatchObject({ state: 'withdrawn', withdrawnBy: 'chair' });
    typeInto(cn.doc, ' reopened', 2);
    await waitFor(() => observer.text().includes('reopened'));
    expect(session.doc.getMap('paragraphs').size).toBe(0);
  });

  it('[L6] a silence on named paragraphs freezes those only', async () => {
    const { s, chair } = await sitting();
    const pk = await open(`${s.sessionId}/communique`, delegateToken(s, 'pk'));
    const observer = await open(`${s.sessionId}/communique`, s.links.observer.token);
    expect(await cmd(chair, 'silence.start', { deadline: Date.now() + 600_000, paragraphIds: [paragraphId(pk.doc, 3)] })).toMatchObject({ ok: true });
    typeInto(pk.doc, ' still open', 2);
    await waitFor(() => textOf(observer.doc, 2).includes('still open'));
    const closed = new Promise<number>((resolve) => pk.provider.once('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)));
    typeInto(pk.doc, ' frozen', 3);
    expect(await closed).toBe(4409);
    expect(textOf(observer.doc, 3)).toBe('Calls upon all states;');
  });
});

describe('withdrawing a silence', () => {
  it('[L6] only the chair withdraws, only a running silence; nothing is agreed at the old deadline; the feed says so', async () => {
    const { s, chair } = await sitting();
    const pk = await ioClient(t, delegateToken(s, 'pk'));
    sockets.push(pk);
    const session = await open(`${s.sessionId}/session`, s.links.observer.token);
    expect(await cmd(chair, 'silence.withdraw', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await cmd(chair, 'silence.start', { deadline: Date.now() + 1500 })).toMatchObject({ ok: true });
    expect(await cmd(pk, 'silence.withdraw', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await cmd(chair, 'silence.withdraw', {})).toEqual({ ok: true });
    expect(await cmd(chair, 'silence.withdraw', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await new Promise((r) => setTimeout(r, 1800));
    expect(silenceOf(session.doc)).toMatchObject({ state: 'withdrawn' });
    expect(session.doc.getMap('paragraphs').size).toBe(0);
    const feed = session.doc.getArray<{ key?: string }>('feed').toArray();
    expect(feed.some((l) => l.key === 'silence.withdraw')).toBe(true);
    // a new silence may start once the old one is withdrawn
    expect(await cmd(chair, 'silence.start', { deadline: Date.now() + 60_000 })).toMatchObject({ ok: true });
  });
});

describe('silence over brackets', () => {
  it('[L6] starting a silence over a paragraph that holds brackets is refused until the chair confirms it', async () => {
    const { s, chair } = await sitting();
    const pk = await open(`${s.sessionId}/communique`, delegateToken(s, 'pk'));
    const observer = await open(`${s.sessionId}/communique`, s.links.observer.token);
    ((pk.doc.getXmlFragment('body').get(3) as Y.XmlElement).get(0) as Y.XmlText).format(0, 5, { 'bracket--AbCd1234': { by: 'pk', at: 1 } });
    await waitFor(() => JSON.stringify(observer.doc.getXmlFragment('body').toJSON()).includes('bracket--AbCd1234'));
    const refused = await cmd(chair, 'silence.start', { deadline: Date.now() + 60_000 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'silenceOverBrackets', params: { labels: 'OP2' } } });
    // named paragraphs without brackets need no confirmation
    expect(await cmd(chair, 'silence.start', { deadline: Date.now() + 60_000, paragraphIds: [paragraphId(pk.doc, 2)] })).toMatchObject({ ok: true });
    expect(await cmd(chair, 'silence.withdraw', {})).toEqual({ ok: true });
    expect(await cmd(chair, 'silence.start', { deadline: Date.now() + 60_000, overBrackets: true })).toMatchObject({ ok: true });
  });
});
