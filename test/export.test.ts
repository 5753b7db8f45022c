import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import type { CreateSessionResponse } from '@plenary/shared';
import { pdfPlainText, readZipEntry, wordParagraphs } from '../server/src/export/testing';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, typeInto, yClient, type TestServer, type TestSocket, type YClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';
import { useTestServer } from './helpers/testServer';

let t: TestServer;

let n = 0;
async function freshSitting(): Promise<{ s: CreateSessionResponse; chair: TestSocket }> {
  const s = await createSitting(t, { ...SMALL_SITTING, sessionId: `export-${++n}` });
  const chair = await ioClient(t, s.links.chair.token);
  sockets.push(chair);
  return { s, chair };
}

async function open(doc: string, token: string): Promise<YClient> {
  const c = await yClient(t, doc, token);
  clients.push(c);
  return c;
}

type Format = 'md' | 'docx' | 'pdf';

function get(sid: string, format: Format, opts: { token?: string; via?: 'header' | 'query'; query?: string } = {}): Promise<Response> {
  const params = new URLSearchParams(opts.query ?? '');
  if (opts.token !== undefined && opts.via === 'query') params.set('token', opts.token);
  const qs = params.toString();
  const headers: Record<string, string> = opts.token !== undefined && opts.via !== 'query' ? { authorization: `Bearer ${opts.token}` } : {};
  return fetch(`${t.url}/api/sessions/${sid}/communique.${format}${qs ? `?${qs}` : ''}`, { headers });
}

/** The export as text a reader sees: Markdown as is, DOCX paragraphs one a line, PDF text unwrapped. */
async function textOf(format: Format, res: Response): Promise<string> {
  if (format === 'md') return res.text();
  const body = Buffer.from(await res.arrayBuffer());
  if (format === 'docx') return wordParagraphs(readZipEntry(body, 'word/document.xml')?.toString('utf8') ?? '').join('\n');
  return pdfPlainText(body);
}

async function exported(sid: string, format: Format, token: string, query?: string): Promise<string> {
  const res = await get(sid, format, { token, ...(query ? { query } : {}) });
  expect(res.status).toBe(200);
  return textOf(format, res);
}

const paragraphId = (doc: Y.Doc, index: number) => (doc.getXmlFragment('body').get(index) as Y.XmlElement).getAttribute('id') as string;

const CONTENT_TYPE: Record<Format, string> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
const RULE: Record<Format, string> = { md: 'X1', docx: 'X2', pdf: 'X3' };
const FORMATS: Format[] = ['md', 'docx', 'pdf'];

const { clients, sockets } = useTestServer((server) => (t = server));

describe('communiqué exports', () => {
  it.each(FORMATS.flatMap((f) => [[RULE[f], f, 'header'] as const, [RULE[f], f, 'query'] as const]))(
    '[%s] [X4] communique.%s is served with a token in the %s',
    async (_rule, format, via) => {
      const { s } = await freshSitting();
      const res = await get(s.sessionId, format, { token: delegateToken(s, 'pk'), via });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(CONTENT_TYPE[format]);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${s.sessionId}-communique.${format}"`);
      const text = await textOf(format, res.clone());
      const magic = Buffer.from(await res.arrayBuffer()).subarray(0, 4).toString('latin1');
      if (format === 'docx') expect(magic).toBe('PK\u0003\u0004');
      if (format === 'pdf') expect(magic).toBe('%PDF');
      for (const words of ['Test sitting', 'Kabul, 6 June 2017', 'Live draft, ', 'Communiqué', 'PP1', 'Recognizing', 'that a stable Afghanistan is needed,', 'OP1', 'Decides to meet again;']) {
        expect(text).toContain(words);
      }
      expect(text.indexOf('PP1')).toBeLessThan(text.indexOf('OP1'));
    },
  );

  it.each(FORMATS)('[X4] communique.%s needs a valid token of the sitting: 401 without one or with a bad one', async (format) => {
    const { s } = await freshSitting();
    const other = await createSitting(t, { ...SMALL_SITTING, sessionId: `export-other-${format}` });
    for (const opts of [{}, { token: 'not-a-jwt' }, { token: 'not-a-jwt', via: 'query' as const }, { token: other.links.chair.token }]) {
      const res = await get(s.sessionId, format, opts);
      expect(res.status, JSON.stringify(opts)).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('[X1] [X2] [X3] [L9] a bracket a delegation puts on text comes out as [ … ] in every format, naming who holds it', async () => {
    const { s } = await freshSitting();
    const pk = await open(`${s.sessionId}/communique`, delegateToken(s, 'pk'));
    const op1 = (pk.doc.getXmlFragment('body').get(2) as Y.XmlElement).get(0) as Y.XmlText;
    op1.format(0, 'Decides'.length, { 'bracket--xxxxxxxx': { by: 'pk' } });
    const token = s.links.observer.token;
    await waitFor(async () => (await exported(s.sessionId, 'md', token)).includes('**OP1** [Decides]^(Pakistan) to meet again;'), 5000, 'the bracket did not reach the export');
    const docx = Buffer.from(await (await get(s.sessionId, 'docx', { token })).arrayBuffer());
    expect(wordParagraphs(readZipEntry(docx, 'word/document.xml')?.toString('utf8') ?? '')).toContain('OP1\t[Decides]^2 to meet again;^3');
    expect(wordParagraphs(readZipEntry(docx, 'word/footnotes.xml')?.toString('utf8') ?? '').filter(Boolean)).toEqual(['Open.', 'Bracketed by Pakistan.', 'Open.']);
    // the PDF as a reader's tool extracts it
    const dir = mkdtempSync(join(tmpdir(), 'plenary-pdf-'));
    writeFileSync(join(dir, 'c.pdf'), Buffer.from(await (await get(s.sessionId, 'pdf', { token })).arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'c.pdf'), '-']).toString().replace(/\s+/g, ' ');
    rmSync(dir, { recursive: true });
    expect(text).toContain('[Decides]1 to meet again;');
    expect(text).toContain('1 Bracketed by Pakistan.');
  });

  it('[X4] status notes follow the chair’s status, and ?status=0 leaves them out', async () => {
    const { s, chair } = await freshSitting();
    const reader = await open(`${s.sessionId}/communique`, s.links.observer.token);
    expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: paragraphId(reader.doc, 1), status: 'agreed-ad-ref' })).toEqual({ ok: true });
    const token = s.links.observer.token;
    const md = await exported(s.sessionId, 'md', token);
    expect(md).toContain('**PP1** *Recognizing* that a stable Afghanistan is needed, *(agreed ad ref)*\n');
    expect(md).toContain('**OP1** Decides to meet again; *(open)*\n');
    expect(await exported(s.sessionId, 'pdf', token)).toContain('PP1 agreed ad ref Recognizing that');
    const docx = await get(s.sessionId, 'docx', { token });
    const footnotes = readZipEntry(Buffer.from(await docx.arrayBuffer()), 'word/footnotes.xml')?.toString('utf8') ?? '';
    expect(wordParagraphs(footnotes).filter(Boolean)).toEqual(['Agreed ad ref.', 'Open.']);

    const plain = await exported(s.sessionId, 'md', token, 'status=0');
    expect(plain).toContain('**PP1** *Recognizing* that a stable Afghanistan is needed,\n');
    expect(plain).not.toMatch(/\*\((open|agreed ad ref)\)\*/);
    expect(await exported(s.sessionId, 'pdf', token, 'status=0')).toContain('PP1 Recognizing that');
    expect(await exported(s.sessionId, 'docx', token, 'status=0')).not.toContain('^');
    expect((await get(s.sessionId, 'md', { token, query: 'status=yes' })).status).toBe(400);
  });

  it('[X4] ?rev=1 is the text as it was at Rev.1, after later edits too; a revision that does not exist is 404', async () => {
    const { s, chair } = await freshSitting();
    const pk = await open(`${s.sessionId}/communique`, delegateToken(s, 'pk'));
    typeInto(pk.doc, ' BEFORE-REV', 2);
    const token = s.links.observer.token;
    await waitFor(async () => (await exported(s.sessionId, 'md', token)).includes('BEFORE-REV'), 5000, 'the edit did not reach the export');
    expect(await cmd(chair, 'revision.create', { label: 'Rev.1' })).toMatchObject({ ok: true, result: { n: 1 } });
    typeInto(pk.doc, ' AFTER-REV', 2);
    await waitFor(async () => (await exported(s.sessionId, 'md', token)).includes('AFTER-REV'), 5000, 'the later edit did not reach the export');

    for (const format of FORMATS) {
      const res = await get(s.sessionId, format, { token, query: 'rev=1' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${s.sessionId}-communique-rev1.${format}"`);
      const text = await textOf(format, res);
      expect(text).toMatch(/Rev\.1, \d{1,2} \w+ \d{4} \d\d:\d\d UTC/);
      expect(text).not.toContain('Live draft');
      expect(text).toContain('Decides to meet again; BEFORE-REV');
      expect(text).not.toContain('AFTER-REV');
    }
    const missing = await get(s.sessionId, 'md', { token, query: 'rev=9' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.stringContaining('Rev.9') } });
    expect((await get(s.sessionId, 'pdf', { token, query: 'rev=one' })).status).toBe(400);
  });

  it('[X4][L7] with ?rev=N each paragraph is noted with its status when the revision was made, not a later one', async () => {
    const { s, chair } = await freshSitting();
    const reader = await open(`${s.sessionId}/communique`, s.links.observer.token);
    await cmd(chair, 'paragraph.setStatus', { paragraphId: paragraphId(reader.doc, 1), status: 'agreed-ad-ref' });
    await cmd(chair, 'revision.create', {});
    await cmd(chair, 'paragraph.setStatus', { paragraphId: paragraphId(reader.doc, 2), status: 'agreed' });
    const rev = await exported(s.sessionId, 'md', s.links.observer.token, 'rev=1');
    expect(rev).toContain('**PP1** *Recognizing* that a stable Afghanistan is needed, *(agreed ad ref)*\n');
    expect(rev).toContain('**OP1** Decides to meet again; *(open)*\n');
    expect(await exported(s.sessionId, 'md', s.links.observer.token)).toContain('**OP1** Decides to meet again; *(agreed)*\n');
  });
});
