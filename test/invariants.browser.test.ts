import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import type { CreateSessionResponse } from '@plenary/shared';
import { editorText, launchChromium, openInvite } from './helpers/browser';
import { createSitting, delegateToken, SMALL_SITTING, startTestServer, yClient, type TestServer } from './helpers/plenary';
import { storeEditDirectly } from './helpers/storedDoc';
import { waitFor } from './helpers/wait';
import { topLevelText, unknownElement } from './attacks/invariants';

let t: TestServer;
let s: CreateSessionResponse;
let browser: Browser;
const errors: string[] = [];

const PARAGRAPHS = ['Recognizing that peace is needed,', 'Calls upon all states to cooperate;', 'Decides to meet again;'];

beforeAll(async () => {
  browser = await launchChromium();
  const first = await startTestServer();
  s = await createSitting(first, {
    ...SMALL_SITTING,
    sessionId: 'stored-unreadable',
    communique: { title: 'Communiqué', preambular: [PARAGRAPHS[0]!], operative: [PARAGRAPHS[1]!, PARAGRAPHS[2]!] },
  });
  await first.close();
  // what a delegate could store before the server held the schema (L10): raw text and an unknown node at the top
  await storeEditDirectly(first.config.dataDir, `${s.sessionId}/communique`, (doc) => {
    topLevelText(doc);
    unknownElement('script')(doc);
  });
  t = await startTestServer({ ...first.config, port: 0 });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** An invite link of the first server, on the one that serves the stored doc now. */
async function page(link: string): Promise<Page> {
  const url = link.replace(/^https?:\/\/[^/]+/, t.url);
  const p = await openInvite(browser, url);
  p.on('pageerror', (e) => errors.push(e.message));
  return p;
}

describe('[L10] a page opened on a stored communiqué holding nodes the editor cannot show', () => {
  it('[L10] the observer’s, the chair’s and a delegate’s pages show the paragraphs; a writer’s page removes the unreadable nodes', async () => {
    const stored = await yClient(t, `${s.sessionId}/communique`, s.links.observer.token);
    expect(stored.doc.getXmlFragment('body').toArray().some((n) => n instanceof Y.XmlText)).toBe(true);
    stored.destroy();

    for (const url of [s.links.observer.url, s.links.chair.url, s.links.delegates.find((d) => d.delegation === 'pk')!.url]) {
      const p = await page(url);
      await waitFor(async () => (await editorText(p)).includes(PARAGRAPHS[2]!), 10_000, `the text did not show on ${url}`);
      const text = await editorText(p);
      for (const paragraph of PARAGRAPHS) expect(text).toContain(paragraph);
      expect(text).not.toContain('raw text outside any paragraph');
    }
    expect(errors).toEqual([]);

    // the chair's and the delegate's pages (writers) deleted them; the server took the deletion: a newcomer's copy is clean
    const fresh = await yClient(t, `${s.sessionId}/communique`, delegateToken(s, 'cn'));
    await waitFor(() => fresh.doc.getXmlFragment('body').toArray().every((n) => n instanceof Y.XmlElement && n.nodeName !== 'script'), 5000, 'the unreadable nodes are still stored');
    fresh.destroy();
  });
});
