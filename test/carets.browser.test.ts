import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { COMMUNIQUE_FRAGMENT, type CreateSessionResponse } from '@plenary/shared';
import { editorText, launchChromium, openInvite } from './helpers/browser';
import { createSitting, delegateToken, SMALL_SITTING, startTestServer, yClient, type TestServer } from './helpers/plenary';
import { waitFor } from './helpers/wait';
import { caretFrame, MALFORMED_CARETS } from './attacks/carets';

const SID = 'carets-browser';

let t: TestServer;
let links: CreateSessionResponse;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startTestServer();
  links = await createSitting(t, { ...SMALL_SITTING, sessionId: SID });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A caret the page can draw, at the end of the text, in the name of "Injected". */
const honest = JSON.stringify({
  user: { name: 'Injected', color: '#123456', role: 'delegate', delegation: 'xx' },
  cursor: { anchor: { type: null, tname: COMMUNIQUE_FRAGMENT, item: null, assoc: 0 }, head: { type: null, tname: COMMUNIQUE_FRAGMENT, item: null, assoc: 0 } },
});

/** Malformed carets as the server would relay them (a user it wrote, the rest as sent), one client id each. */
function injected(firstId: number): Uint8Array[] {
  const frames = MALFORMED_CARETS.map(({ json }, i) => caretFrame(firstId + i, 1, json));
  // shapes that only the `cursor` breaks, with a user as the server writes it
  for (const [i, cursor] of ['null', '42', '{"anchor":null,"head":null}', '{"anchor":{},"head":{}}', '{"anchor":{"item":{"client":"x","clock":-1}},"head":{}}'].entries()) {
    const user = '{"name":"Pakistan","color":"#30bced","role":"delegate","delegation":"pk"}';
    frames.push(caretFrame(firstId + 100 + i, 1, `{"user":${user},"cursor":${cursor === 'null' ? '{"anchor":null}' : cursor}}`));
  }
  return frames;
}

/**
 * Opens a delegate's page whose Yjs connection to the communiqué is relayed by the test, which
 * slips `frames` in from the server's side at once, before the editor exists, and more with `inject`.
 */
async function openWithInjected(frames: Uint8Array[]): Promise<{ page: Page; inject(frames: Uint8Array[]): void; errors: string[] }> {
  let toPage: ((data: Buffer) => void) | null = null;
  const errors: string[] = [];
  let page: Page | null = null;
  const url = links.links.delegates.find((l) => l.delegation === 'af')!.url;
  page = await openInvite(browser, url, undefined, async (context) => {
    await context.routeWebSocket(/\/yjs\/[^/]+\/communique/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => ws.send(m));
      toPage = (data) => ws.send(data);
      for (const f of frames) ws.send(Buffer.from(f));
    });
    context.on('weberror', (e) => errors.push(String(e.error())));
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    page,
    errors,
    inject: (more) => {
      for (const f of more) toPage!(Buffer.from(f));
    },
  };
}

describe('[K9] the editor draws only the carets it can read', () => {
  it('[K9] a page whose first carets are malformed still shows and edits the text, and draws the caret it can read', async () => {
    const { page, inject, errors } = await openWithInjected([...injected(900_000), caretFrame(899_999, 1, honest)]);
    try {
      expect(await editorText(page)).toContain('Decides to meet again;');
      await page.locator('.collaboration-carets__label', { hasText: 'Injected' }).waitFor({ timeout: 5000 });
      // more of them once the editor is up, then an edit: the page keeps working
      inject(injected(910_000));
      inject([caretFrame(899_999, 2, honest)]);
      await page.locator('.ProseMirror p', { hasText: 'Decides to meet again;' }).click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Kabul');
      const reader = await yClient(t, `${SID}/communique`, delegateToken(links, 'cn'));
      try {
        await waitFor(() => reader.text().includes('Decides to meet again; Kabul'), 10_000, 'the edit typed after the malformed carets did not reach the server');
      } finally {
        reader.destroy();
      }
      expect(await page.locator('.collaboration-carets__label', { hasText: 'Injected' }).count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
