import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@plenary/shared';
import { CLIENT_DIST } from './helpers/browser';
import { createSitting, SMALL_SITTING, startTestServer, type TestServer } from './helpers/plenary';

let t: TestServer;
let links: CreateSessionResponse;
let other: CreateSessionResponse;

beforeAll(async () => {
  t = await startTestServer();
  links = await createSitting(t, {
    ...SMALL_SITTING,
    sessionId: 'slow-link',
    title: 'Kabul <Process>',
    communique: { title: 'Communiqué', preambular: ['Recognizing that a stable Afghanistan & region are needed,'], operative: ['Decides to meet again;'] },
  });
  other = await createSitting(t, { ...SMALL_SITTING, sessionId: 'slow-link-other' });
});
afterAll(async () => {
  await t?.close();
});

const page = (path: string) => fetch(`${t.url}${path}`, { headers: { 'accept-encoding': 'gzip' } });

describe('the first load over a slow link', () => {
  it('[O3] an invite link gets the sitting in the page itself: title, agenda and text, escaped, never cached', async () => {
    const res = await page(`/s/slow-link?token=${encodeURIComponent(links.links.delegates[0]!.token)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const html = await res.text();
    expect(html).toContain('data-testid="first-paint"');
    expect(html).toContain('Kabul &#60;Process&#62;');
    expect(html).not.toContain('<Process>');
    expect(html).toContain('Opening');
    expect(html).toContain('stable Afghanistan &#38; region');
    expect(html).toContain('PP1');
  });

  it('[O3] without a valid token of that sitting the page is the plain one', async () => {
    for (const path of [
      '/s/slow-link',
      '/s/slow-link?token=forged',
      `/s/slow-link?token=${encodeURIComponent(other.links.chair.token)}`,
      `/s/slow-link/projector?token=${encodeURIComponent(links.links.chair.token)}`,
    ]) {
      const html = await (await page(path)).text();
      expect(html, path).toContain('<div id="root"></div>');
      expect(html, path).not.toContain('stable Afghanistan');
    }
  });

  it('[O3] hashed assets are compressed and kept a year; the page itself is revalidated', async () => {
    const js = readdirSync(join(dirname(CLIENT_DIST), 'assets')).find((f) => /^index-.*\.js$/.test(f));
    expect(js, 'the client is built (npm run build)').toBeDefined();
    const res = await page(`/assets/${js}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await page('/s/slow-link')).headers.get('cache-control')).toBe('no-cache');
  });

  it('[O3][I6] the scripts before the first render carry no zod and no language’s words; the reader’s words are fetched from the first script on', () => {
    const html = readFileSync(CLIENT_DIST, 'utf8');
    const scripts = [...html.matchAll(/<script type="module" crossorigin src="\/assets\/([^"]+)"/g)].map((m) => m[1]!);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/assets\/([^"]+)"/g)].map((m) => m[1]!);
    // the small entry that starts fetching the words comes before the main one
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toMatch(/^language-.*\.js$/);
    expect(scripts[1]).toMatch(/^index-.*\.js$/);
    for (const file of [...scripts, ...preloaded]) {
      const code = readFileSync(join(dirname(CLIENT_DIST), 'assets', file), 'utf8');
      expect(code, `zod in ${file}`).not.toMatch(/ZodError|_zod\b/);
      expect(code, `a language's words in ${file}`).not.toContain('"sessionState":{');
    }
    const assets = readdirSync(join(dirname(CLIENT_DIST), 'assets'));
    for (const lang of ['en', 'fa-AF', 'ps']) expect(assets.some((f) => new RegExp(`^${lang}-[\\w-]+\\.js$`).test(f)), lang).toBe(true);
  });

  it('[O5] the service worker is revalidated on every load and keeps every file the page loads before it renders', async () => {
    const res = await page('/sw.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const code = await res.text();
    expect(code).not.toContain('__PLENARY_');
    const html = readFileSync(CLIENT_DIST, 'utf8');
    const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(code, file).toContain(file);
    // a language's words are fetched for the reader's language only (I6), never ahead by the worker
    expect(code).not.toMatch(/\/assets\/(en|fa-AF|ps)-/);
  });
});
