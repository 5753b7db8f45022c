import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@plenary/shared';
import { readZipEntry } from '../server/src/export/testing';
import { HOSTILE, hostileSitting } from './helpers/hostile';
import { startTestServer, type TestServer } from './helpers/plenary';

let t: TestServer;
let s: CreateSessionResponse;

beforeAll(async () => {
  t = await startTestServer();
  s = await hostileSitting(t);
});
afterAll(() => t.close());

const get = (path: string) => fetch(`${t.url}/api/sessions/hostile/${path}`, { headers: { authorization: `Bearer ${s.links.chair.token}` } });

describe('text from participants', () => {
  it('[K5] is stored and served as data, verbatim, in JSON that browsers will not sniff', async () => {
    const view = await fetch(`${t.url}/api/sessions/hostile`, { headers: { authorization: `Bearer ${s.links.chair.token}` } });
    expect(view.headers.get('content-type')).toMatch(/^application\/json/);
    expect(view.headers.get('x-content-type-options')).toBe('nosniff');
    const json = JSON.stringify(await view.json());
    expect(json).toContain(JSON.stringify(HOSTILE.img).slice(1, -1));
    expect(json).toContain(JSON.stringify(HOSTILE.script).slice(1, -1));
  });

  it('[K5][X1] the Markdown export escapes every tag, link and block start', async () => {
    const md = await (await get('communique.md')).text();
    // every < is escaped (\<), so no tag survives
    expect(md).not.toMatch(/(^|[^\\])<[a-z/]/im);
    expect(md).not.toMatch(/\]\(javascript/);
    expect(md).not.toMatch(/\]:/);
    expect(md).not.toMatch(/^#\s*injected/m);
    expect(md).toContain('\\<img src=x onerror="window.\\_\\_pwned=\'img\'"\\>');
  });

  it('[K5][X2] the Word export holds the text as text', async () => {
    const docx = Buffer.from(await (await get('communique.docx')).arrayBuffer());
    const xml = readZipEntry(docx, 'word/document.xml')!.toString('utf8');
    expect(xml).not.toMatch(/<(img|svg|script|iframe)\b/i);
    expect(xml).toContain('&lt;img src=x onerror=');
  });

  it('[K5][X3] the PDF export still renders', async () => {
    const res = await get('communique.pdf');
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('[K5] the CSV export defuses formulas and quotes markup', async () => {
    const csv = await (await get('cbms.csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
