import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateSessionResponse } from '@plenary/shared';
import { pdfInfo, readZipEntry } from '../server/src/export/testing';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, startTestServer, typeInto, yClient, type TestServer } from './helpers/plenary';
import { waitFor } from './helpers/wait';
import { EXPORT_ATTACK_TEXT } from './attacks/work';

/** What must never reach an export: bidi embeddings, overrides, isolates, and what XML forbids. */
const FORBIDDEN = /[\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** The words around the hostile characters, as a reader must still see them. */
const VISIBLE = ['Decides to agree wardhtiw ot ', 'end of attack'];

/** Parses XML with a real parser (Python's expat); throws with the parser's message when it is not well-formed. */
function parseXml(xml: Buffer): void {
  const r = spawnSync('python3', ['-c', 'import sys, xml.dom.minidom as m; m.parseString(sys.stdin.buffer.read())'], { input: xml });
  if (r.error) throw new Error(`python3 is needed to parse the Word file's XML (apt-get install python3): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`not well-formed XML: ${r.stderr.toString().trim().split('\n').pop()}`);
}

function pdftotext(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-pdf-'));
  try {
    writeFileSync(join(dir, 'c.pdf'), pdf);
    try {
      return execFileSync('pdftotext', [join(dir, 'c.pdf'), '-']).toString();
    } catch (err) {
      throw new Error(`pdftotext is needed to read the PDF (apt-get install poppler-utils): ${String(err)}`);
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
}

describe('exports neutralise what participants type', () => {
  let t: TestServer;
  let s: CreateSessionResponse;
  const get = async (path: string) => {
    const res = await fetch(`${t.url}/api/sessions/${s.sessionId}/${path}`, { headers: { authorization: `Bearer ${s.links.observer.token}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  beforeAll(async () => {
    t = await startTestServer();
    // the organiser's title, a delegate's typing (title and a paragraph) and a delegate's measure
    s = await createSitting(t, { ...SMALL_SITTING, sessionId: 'hygiene', title: `Sitting ${EXPORT_ATTACK_TEXT}` });
    const pk = await yClient(t, 'hygiene/communique', delegateToken(s, 'pk'));
    const socket = await ioClient(t, delegateToken(s, 'pk'));
    try {
      typeInto(pk.doc, ` ${EXPORT_ATTACK_TEXT}`, 0);
      typeInto(pk.doc, ` ${EXPORT_ATTACK_TEXT}`, 2);
      expect(await cmd(socket, 'cbm.propose', { title: `Measure ${EXPORT_ATTACK_TEXT}`, description: EXPORT_ATTACK_TEXT, theme: 'other' })).toMatchObject({ ok: true });
      await waitFor(async () => (await get('communique.md')).toString().includes('end of attack'), 5000, 'the typed text did not reach the export');
    } finally {
      pk.destroy();
      socket.close();
    }
  });

  afterAll(() => t?.close());

  it('[K12] [X1] the Markdown export carries no bidi control nor XML-invalid character, and shows the words', async () => {
    const md = (await get('communique.md')).toString();
    expect(md).not.toMatch(FORBIDDEN);
    for (const words of VISIBLE) expect(md).toContain(words);
  });

  it('[K12] [X2] the Word export is well-formed XML in every part, with no bidi control, and shows the words', async () => {
    const docx = await get('communique.docx');
    for (const part of ['word/document.xml', 'word/footnotes.xml', 'docProps/core.xml']) {
      const xml = readZipEntry(docx, part);
      expect(xml, part).toBeDefined();
      parseXml(xml!);
      expect(xml!.toString('utf8'), part).not.toMatch(FORBIDDEN);
    }
    const body = readZipEntry(docx, 'word/document.xml')!.toString('utf8');
    for (const words of VISIBLE) expect(body).toContain(words);
  });

  it('[K12] [X3] the PDF, as pdftotext reads it and in its properties, has no bidi control, and shows the words', async () => {
    const pdf = await get('communique.pdf');
    // pdftotext ends each page with a form feed
    const text = pdftotext(pdf).replace(/\f/g, '\n');
    expect(text).not.toMatch(FORBIDDEN);
    for (const words of VISIBLE) expect(text.replace(/\s+/g, ' ')).toContain(words);
    for (const key of ['Title', 'Subject']) expect(pdfInfo(pdf, key) ?? '', key).not.toMatch(FORBIDDEN);
  });

  it('[K12] the measures\' CSV and JSON exports have no bidi control nor XML-invalid character, and show the words', async () => {
    const csv = (await get('cbms.csv')).toString();
    expect(csv).not.toMatch(FORBIDDEN);
    expect(csv).toContain('Measure Decides to agree wardhtiw ot ');
    // JSON would escape a control character: what a reader gets back must be clean
    const json = JSON.parse((await get('cbms.json')).toString()) as { measures: { title: string; description: string }[] };
    expect(json.measures[0]!.title + json.measures[0]!.description).not.toMatch(FORBIDDEN);
    expect(json.measures[0]!.title).toContain('Measure Decides to agree wardhtiw ot ');
  });
});
