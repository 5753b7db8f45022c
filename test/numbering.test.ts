import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { feedEnglish, type CreateSessionResponse, type FeedEntry, type Revision, type SessionView } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, yClient, type TestServer, type TestSocket, type YClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';
import { useTestServer } from './helpers/testServer';

let t: TestServer;
let n = 0;

const { clients, sockets } = useTestServer((server) => (t = server));

/** PP1, OP1, OP2, OP3 (body positions 1–4; 0 is the title). */
async function sitting(): Promise<{ s: CreateSessionResponse; chair: TestSocket; pk: YClient }> {
  const s = await createSitting(t, {
    ...SMALL_SITTING,
    sessionId: `numbering-${++n}`,
    communique: { title: 'Communiqué', preambular: ['Recognizing that peace is needed,'], operative: ['Calls upon all states;', 'Decides to meet again;', 'Thanks the host.'] },
  });
  const chair = await ioClient(t, s.links.chair.token);
  sockets.push(chair);
  const pk = await yClient(t, `${s.sessionId}/communique`, delegateToken(s, 'pk'));
  clients.push(pk);
  return { s, chair, pk };
}

/** A delegate's new operative paragraph at `index` of the body, as the editor makes one with Enter. */
function insertParagraph(doc: Y.Doc, index: number, id: string, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.setAttribute('id', id);
  p.setAttribute('kind', 'op');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  doc.getXmlFragment('body').insert(index, [p]);
}

async function view(s: CreateSessionResponse): Promise<SessionView> {
  const res = await fetch(`${t.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.links.observer.token}` } });
  return (await res.json()) as SessionView;
}

async function markdown(s: CreateSessionResponse, query = ''): Promise<string> {
  const res = await fetch(`${t.url}/api/sessions/${s.sessionId}/communique.md${query}`, { headers: { authorization: `Bearer ${s.links.observer.token}` } });
  return res.text();
}

const labelLines = (md: string) => [...md.matchAll(/^\*\*((?:PP|OP)[^*]*)\*\*/gm)].map((m) => m[1]);

describe('paragraph numbers between revisions', () => {
  it('[E4] a sitting is created with its numbers fixed; an insertion after OP2 is OP2 bis in the exports and no number moves', async () => {
    const { s, pk } = await sitting();
    const numbers = (await view(s)).numbers!;
    expect(numbers.rev).toBe(0);
    expect(Object.values(numbers.op)).toEqual([1, 2, 3]);
    insertParagraph(pk.doc, 4, 'p-new', 'Welcomes the offer of China;');
    await waitFor(async () => labelLines(await markdown(s)).length === 5);
    expect(labelLines(await markdown(s))).toEqual(['PP1', 'OP1', 'OP2', 'OP2 bis', 'OP3']);
    // a deleted paragraph leaves its number unused
    pk.doc.getXmlFragment('body').delete(2, 1);
    await waitFor(async () => labelLines(await markdown(s)).length === 4);
    expect(labelLines(await markdown(s))).toEqual(['PP1', 'OP2', 'OP2 bis', 'OP3']);
  });

  it('[E5] revision.create keeps the numbers with renumber:false and fixes them afresh by default', async () => {
    const { s, chair, pk } = await sitting();
    insertParagraph(pk.doc, 4, 'p-new', 'Welcomes the offer of China;');
    const session = await yClient(t, `${s.sessionId}/session`, s.links.observer.token);
    clients.push(session);
    await waitFor(async () => labelLines(await markdown(s)).length === 5);

    expect(await cmd(chair, 'revision.create', { renumber: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await cmd(chair, 'revision.create', { renumber: false })).toMatchObject({ ok: true, result: { n: 1 } });
    expect(await cmd(chair, 'revision.create', {})).toMatchObject({ ok: true, result: { n: 2 } });
    await waitFor(() => session.doc.getArray('revisions').length === 2);
    const [rev1, rev2] = session.doc.getArray<Revision>('revisions').toArray();
    expect(rev1!.snapshot.paragraphs.map((p) => p.label)).toEqual(['PP1', 'OP1', 'OP2', 'OP2 bis', 'OP3']);
    expect(rev2!.snapshot.paragraphs.map((p) => p.label)).toEqual(['PP1', 'OP1', 'OP2', 'OP3', 'OP4']);

    const numbers = (await view(s)).numbers!;
    expect(numbers).toMatchObject({ rev: 2, op: { 'p-new': 3 } });
    expect(labelLines(await markdown(s))).toEqual(['PP1', 'OP1', 'OP2', 'OP3', 'OP4']);
    // Rev.1 prints as it was issued
    expect(labelLines(await markdown(s, '?rev=1'))).toEqual(['PP1', 'OP1', 'OP2', 'OP2 bis', 'OP3']);
  });

  it('[E6] a feed line keeps the paragraph’s id and the label it had; once renumbered it reads "OP3 (was OP2 bis)"', async () => {
    const { s, chair, pk } = await sitting();
    insertParagraph(pk.doc, 4, 'p-new', 'Welcomes the offer of China;');
    await waitFor(async () => labelLines(await markdown(s)).length === 5);
    expect((await cmd(chair, 'paragraph.setStatus', { paragraphId: 'p-new', status: 'agreed-ad-ref' })).ok).toBe(true);
    expect((await cmd(chair, 'revision.create', {})).ok).toBe(true);

    const after = await view(s);
    const line = after.feed.find((e: FeedEntry) => e.key === 'paragraph.setStatus')!;
    expect(line.text).toBe('Chair marked OP2 bis agreed ad ref');
    expect(line.params).toMatchObject({ paragraph: 'OP2 bis', paragraphId: 'p-new' });
    const now = (id: string) => (id === 'p-new' ? `OP${after.numbers!.op[id]}` : undefined);
    expect(feedEnglish({ key: 'paragraph.setStatus', params: line.params! }, now)).toBe('Chair marked OP3 (was OP2 bis) agreed ad ref');
  });
});
