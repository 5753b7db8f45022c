import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreateSessionResponse, Revision, SessionView, Silence } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, startTestServer, typeInto, yClient, type TestServer, type TestSocket, type YClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';

let t: TestServer;
const sockets: TestSocket[] = [];
const clients: YClient[] = [];
let n = 0;

async function sitting(): Promise<{ s: CreateSessionResponse; chair: TestSocket }> {
  const s = await createSitting(t, {
    ...SMALL_SITTING,
    sessionId: `drafting2-${++n}`,
    communique: { title: 'Communiqué', preambular: ['Recognizing that peace is needed,'], operative: ['Calls upon all states;', 'Decides to meet again;'] },
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
const textOf = (doc: Y.Doc, i: number) => (doc.getXmlFragment('body').get(i) as Y.XmlElement).get(0) as Y.XmlText;
const paragraphId = (doc: Y.Doc, i: number) => String((doc.getXmlFragment('body').get(i) as Y.XmlElement).getAttribute('id'));

beforeAll(async () => {
  t = await startTestServer();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.close();
});
afterAll(() => t.close());

async function view(s: CreateSessionResponse): Promise<SessionView & { revisions?: Revision[] }> {
  const res = await fetch(`${t.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.links.observer.token}` } });
  return (await res.json()) as SessionView;
}

describe('revisions', () => {
  it('[L7] the chair issues Rev.1, Rev.2 …; each keeps the text as it was; delegates cannot', async () => {
    const { s, chair } = await sitting();
    const pk = await open(`${s.sessionId}/communique`, delegateToken(s, 'pk'));
    const session = await open(`${s.sessionId}/session`, s.links.observer.token);
    expect(await cmd(chair, 'revision.create', { label: 'after first reading' })).toEqual({ ok: true, result: { id: expect.any(String), n: 1 } });
    typeInto(pk.doc, ' and urges partners', 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(await cmd(chair, 'revision.create', {})).toMatchObject({ ok: true, result: { n: 2 } });
    const delegate = await ioClient(t, delegateToken(s, 'pk'));
    sockets.push(delegate);
    expect(await cmd(delegate, 'revision.create', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await waitFor(() => session.doc.getArray('revisions').length === 2);
    const [rev1, rev2] = session.doc.getArray<Revision>('revisions').toArray();
    expect(rev1).toMatchObject({ n: 1, label: 'after first reading', by: 'chair' });
    expect(rev1!.snapshot.paragraphs.map((p) => p.label)).toEqual(['PP1', 'OP1', 'OP2']);
    expect(rev1!.snapshot.paragraphs[1]!.runs[0]!.text).toBe('Calls upon all states;');
    expect(rev2!.snapshot.paragraphs[1]!.runs[0]!.text).toBe('Calls upon all states; and urges partners');
  });

  it('[L7][X4] a revision keeps each paragraph’s status as it was, whatever changes the same millisecond or later', async () => {
    const { s, chair } = await sitting();
    const session = await open(`${s.sessionId}/session`, s.links.observer.token);
    const text = await open(`${s.sessionId}/communique`, s.links.observer.token);
    const ids = [1, 2, 3].map((i) => paragraphId(text.doc, i)); // PP1, OP1, OP2
    expect((await cmd(chair, 'paragraph.setStatus', { paragraphId: ids[0], status: 'agreed-ad-ref' })).ok).toBe(true);
    // the revision and the next status change are sent together: they may well carry the same time
    const [made, changed] = await Promise.all([
      cmd(chair, 'revision.create', {}),
      cmd(chair, 'paragraph.setStatus', { paragraphId: ids[1], status: 'agreed' }),
    ]);
    expect(made.ok && changed.ok).toBe(true);
    await waitFor(() => session.doc.getArray('revisions').length === 1);
    const [rev1] = session.doc.getArray<Revision>('revisions').toArray();
    expect(rev1!.statuses).toEqual({ [ids[0]!]: 'agreed-ad-ref', [ids[1]!]: 'open', [ids[2]!]: 'open' });
  });
});

describe('brackets', () => {
  it('[L8] a delegation brackets for itself; a bracket in the name of another delegation, or by the chair, is refused', async () => {
    const { s } = await sitting();
    const pk = await open(`${s.sessionId}/communique`, delegateToken(s, 'pk'));
    const cn = await open(`${s.sessionId}/communique`, delegateToken(s, 'cn'));
    const obs = await open(`${s.sessionId}/communique`, s.links.observer.token);
    textOf(pk.doc, 2).format(0, 10, { 'bracket--pk000001': { by: 'pk', at: 1 } });
    await waitFor(() => JSON.stringify(textOf(obs.doc, 2).toDelta()).includes('bracket--pk000001'));
    // China joins the bracket with its own mark
    textOf(cn.doc, 2).format(0, 10, { 'bracket--cn000001': { by: 'cn', at: 2 } });
    await waitFor(() => JSON.stringify(textOf(obs.doc, 2).toDelta()).includes('bracket--cn000001'));

    const closed = new Promise<number>((resolve) => cn.provider.once('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)));
    // a new bracket in another delegation's name (L8, L9)
    textOf(cn.doc, 3).format(0, 7, { 'bracket--forged01': { by: 'pk', at: 3 } });
    expect(await closed).toBe(4423);
    const chair = await open(`${s.sessionId}/communique`, s.links.chair.token);
    const chairClosed = new Promise<number>((resolve) => chair.provider.once('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)));
    textOf(chair.doc, 3).format(0, 7, { 'bracket--chair001': { by: 'chair', at: 4 } });
    expect(await chairClosed).toBe(4400);
    typeInto(pk.doc, ' later', 1);
    await waitFor(() => obs.text().includes('later'));
    expect(JSON.stringify(textOf(obs.doc, 3).toDelta())).not.toContain('bracket');
  });

  it('[L8] the chair lifts a bracket: removing its marks and editing the text inside is allowed', async () => {
    const { s, chair: chairSocket } = await sitting();
    const pk = await open(`${s.sessionId}/communique`, delegateToken(s, 'pk'));
    const chair = await open(`${s.sessionId}/communique`, s.links.chair.token);
    textOf(pk.doc, 2).insert(0, 'Urges | ');
    textOf(pk.doc, 2).format(0, 18, { 'bracket--pk000001': { by: 'pk', at: 1 } });
    await waitFor(() => JSON.stringify(textOf(chair.doc, 2).toDelta()).includes('bracket--pk000001'));
    const pid = paragraphId(chair.doc, 2);
    expect(await cmd(chairSocket, 'paragraph.setStatus', { paragraphId: pid, status: 'agreed' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    chair.doc.transact(() => {
      textOf(chair.doc, 2).delete(0, 8);
      textOf(chair.doc, 2).format(0, 10, { 'bracket--pk000001': null });
    });
    await waitFor(() => !JSON.stringify(textOf(pk.doc, 2).toDelta()).includes('bracket'));
    expect(textOf(pk.doc, 2).toString()).toBe('Calls upon all states;');
    expect(await cmd(chairSocket, 'paragraph.setStatus', { paragraphId: pid, status: 'agreed' })).toEqual({ ok: true });
  });
});

describe('the silence procedure', () => {
  it('[L6] passes at the deadline: the paragraphs become agreed; everyone sees it', async () => {
    const { s, chair } = await sitting();
    const session = await open(`${s.sessionId}/session`, s.links.observer.token);
    const doc = await open(`${s.sessionId}/communique`, s.links.observer.token);
    const pid = paragraphId(doc.doc, 2);
    expect(await cmd(chair, 'silence.start', { deadline: Date.now() + 1200, paragraphIds: [pid] })).toMatchObject({ ok: true });
    await waitFor(() => session.doc.getMap<Silence>('silence').get('current')?.state === 'passed', 5000);
    expect((await view(s)) && session.doc.getMap<{ status: string }>('paragraphs').get(pid)?.status).toBe('agreed');
    const audit = await t.server.store.readAudit(s.sessionId);
    expect(audit.filter((e) => e.kind === 'command' && e.type === 'silence.pass')).toHaveLength(1);
  });

  it('[L6] a delegation breaks silence with a reason; nothing is agreed', async () => {
    const { s, chair } = await sitting();
    const pk = await ioClient(t, delegateToken(s, 'pk'));
    sockets.push(pk);
    const session = await open(`${s.sessionId}/session`, s.links.observer.token);
    expect(await cmd(chair, 'silence.start', { deadline: Date.now() + 1500 })).toMatchObject({ ok: true });
    expect(await cmd(pk, 'silence.break', { reason: 'OP1 is not acceptable yet' })).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 1800));
    expect(session.doc.getMap<Silence>('silence').get('current')).toMatchObject({ state: 'broken', brokenBy: 'pk', reason: 'OP1 is not acceptable yet' });
    expect(session.doc.getMap('paragraphs').size).toBe(0);
  });

  it('[L6] a deadline that passes while the server is down is kept at the next start', async () => {
    const { s, chair } = await sitting();
    const doc = await open(`${s.sessionId}/communique`, s.links.observer.token);
    const pid = paragraphId(doc.doc, 1);
    expect(await cmd(chair, 'silence.start', { deadline: Date.now() + 1100 })).toMatchObject({ ok: true });
    for (const c of clients.splice(0)) c.destroy();
    for (const so of sockets.splice(0)) so.close();
    await t.server.close();
    await new Promise((r) => setTimeout(r, 1500));
    t = await startTestServer({ ...t.config, port: 0 });
    const session = await open(`${s.sessionId}/session`, s.links.observer.token);
    await waitFor(() => session.doc.getMap<Silence>('silence').get('current')?.state === 'passed', 5000);
    expect(session.doc.getMap<{ status: string }>('paragraphs').get(pid)?.status).toBe('agreed');
  });
});
