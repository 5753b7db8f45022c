import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openInvite } from './helpers/browser';
import { useBrowserSitting } from './helpers/browserSitting';
import { cmd, ioClient, SMALL_SITTING, yClient } from './helpers/plenary';

const SID = 'qa-offline-batch';
const s = useBrowserSitting({ ...SMALL_SITTING, sessionId: SID });

async function typeAtEnd(page: Page, paragraphText: string, text: string): Promise<void> {
  await page.locator('.ProseMirror p', { hasText: paragraphText }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 10 });
}

async function storedText(): Promise<string> {
  const server = await yClient(s.t, `${SID}/communique`, s.links.links.observer.token);
  try {
    return server.text();
  } finally {
    server.destroy();
  }
}

describe('a delegate drafting offline in several paragraphs', () => {
  // the offline edits reach the server as one update, refused as a whole (L2, 4409) because it also
  // touched a paragraph agreed meanwhile: the page types the words for the open paragraphs again
  it('[O1][L2] words typed offline in an open paragraph reach the server although the same offline session also typed in a paragraph agreed meanwhile', async () => {
    const page = await openInvite(s.browser, s.delegateUrl('af'));
    await page.context().setOffline(true);
    await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state')).toBe('offline');
    await typeAtEnd(page, 'Recognizing that a stable', ' kept-offline');
    await typeAtEnd(page, 'meet again', ' refused-later');

    const chair = await ioClient(s.t, s.links.links.chair.token);
    const server = await yClient(s.t, `${SID}/communique`, s.links.links.observer.token);
    const body = server.doc.getXmlFragment('body');
    const last = body.get(body.length - 1) as import('yjs').XmlElement;
    expect((await cmd(chair, 'paragraph.setStatus', { paragraphId: last.getAttribute('id'), status: 'agreed' })).ok).toBe(true);
    chair.disconnect();
    server.destroy();

    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('online');
    // the agreed paragraph's words are refused, as L2 says; the open paragraph's words are honest work
    await expect.poll(storedText, { timeout: 15_000 }).toContain('kept-offline');
    expect(await storedText()).not.toContain('refused-later');
  }, 60_000);
});
