import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorText, openInvite } from './helpers/browser';
import { useBrowserSitting } from './helpers/browserSitting';
import { AGENDA_SITTING, cmd, ioClient, yClient } from './helpers/plenary';

const s = useBrowserSitting({ ...AGENDA_SITTING, sessionId: 'offline-browser' });

async function typeAtEnd(page: Page, paragraphText: string, text: string): Promise<void> {
  await page.locator('.ProseMirror p', { hasText: paragraphText }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 10 });
}

const connection = (page: Page) => page.getByTestId('connection-status').getAttribute('data-state');
const count = async (page: Page, testId: string) => {
  const el = page.getByTestId(testId);
  return (await el.count()) === 0 ? 0 : Number(await el.getAttribute('data-count'));
};

/** Takes the page's browser offline and types there: the edit waits in the local copy. */
async function draftOffline(page: Page, paragraphText: string, text: string): Promise<void> {
  await page.context().setOffline(true);
  await expect.poll(() => connection(page)).toBe('offline');
  await typeAtEnd(page, paragraphText, text);
  await expect.poll(() => count(page, 'pending-edits')).toBeGreaterThan(0);
}

/** Opens the invite again in a new tab of the same browser (its own sessionStorage, the same IndexedDB). */
async function reopen(context: import('playwright-core').BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-testid="editor"][data-loaded="true"]').waitFor({ timeout: 15_000 });
  return page;
}

/** The communiqué as the server has stored it, read by a fresh client. */
async function storedText(): Promise<string> {
  const server = await yClient(s.t, 'offline-browser/communique', s.links.links.observer.token);
  try {
    return server.text();
  } finally {
    server.destroy();
  }
}

async function openItem(): Promise<string> {
  const chair = await ioClient(s.t, s.links.links.chair.token);
  try {
    const view = await fetch(`${s.t.url}/api/sessions/offline-browser`, { headers: { authorization: `Bearer ${s.links.links.chair.token}` } });
    const items = ((await view.json()) as { agenda: { id: string; state: string }[] }).agenda;
    const item = items.find((i) => i.state === 'open') ?? items[1]!;
    if (item.state !== 'open') expect((await cmd(chair, 'agenda.open', { itemId: item.id })).ok).toBe(true);
    return item.id;
  } finally {
    chair.disconnect();
  }
}

describe('a delegate on a poor network', () => {
  it('[O1][U3] drafts offline, sees how many changes wait, and the edit merges on another delegate and on the server when back', async () => {
    const af = await openInvite(s.browser, s.delegateUrl('af'));
    const pk = await openInvite(s.browser, s.delegateUrl('pk'));
    await expect.poll(() => connection(af)).toBe('online');

    await draftOffline(af, 'stable Afghanistan', ' drafted-offline');
    // still readable and editable here; counted as waiting; nowhere else yet
    expect(await editorText(af)).toContain('drafted-offline');
    await new Promise((r) => setTimeout(r, 500));
    expect(await editorText(pk)).not.toContain('drafted-offline');

    // meanwhile the other delegate edits the same paragraph
    await typeAtEnd(pk, 'stable Afghanistan', ' pk-online');

    await af.context().setOffline(false);
    await expect.poll(() => connection(af), { timeout: 20_000 }).toBe('online');
    for (const page of [af, pk]) {
      await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain('drafted-offline');
      await expect.poll(() => editorText(page)).toContain('pk-online');
    }
    await expect.poll(() => count(af, 'pending-edits'), { timeout: 15_000 }).toBe(0);
    const stored = await storedText();
    expect(stored).toContain('drafted-offline');
    expect(stored).toContain('pk-online');
    await af.context().close();
    await pk.context().close();
  });

  it('[O1] an edit made offline in a tab closed before the connection came back is sent by the next tab from the local copy', async () => {
    const first = await openInvite(s.browser, s.delegateUrl('cn'));
    const context = first.context();
    await draftOffline(first, 'meet again', ' kept-in-browser');
    await new Promise((r) => setTimeout(r, 300)); // the local copy is written as each edit is made
    await first.close();
    await context.setOffline(false);

    const second = await reopen(context, s.delegateUrl('cn'));
    await expect.poll(() => editorText(second), { timeout: 15_000 }).toContain('kept-in-browser');
    await expect.poll(() => count(second, 'pending-edits'), { timeout: 15_000 }).toBe(0);
    expect(await storedText()).toContain('kept-in-browser');
    await context.close();
  });

  it('[O5][O2] a page reloaded without the network opens from the device, with the edits and the request made offline, and sends them when back', async () => {
    await openItem();
    const cn = await openInvite(s.browser, s.delegateUrl('cn'));
    const context = cn.context();
    // the service worker has the app's files once the page has loaded
    await cn.locator('html[data-offline-ready="true"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => cn.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await draftOffline(cn, 'meet again', ' through-a-reload');
    await cn.getByTestId('request-floor').click();
    await expect.poll(() => count(cn, 'queued-commands')).toBe(1);

    const response = await cn.reload();
    expect(response?.fromServiceWorker(), 'the page came from the service worker, not the network').toBe(true);
    await cn.locator('[data-testid="editor"][data-loaded="true"]').waitFor({ timeout: 15_000 });
    expect(await editorText(cn)).toContain('through-a-reload');
    expect(await connection(cn)).toBe('offline');
    expect(await count(cn, 'pending-edits')).toBeGreaterThan(0);
    // still the same delegation, still drafting; the request still waits, its button busy (O2)
    await expect.poll(() => cn.locator('.workspace').getAttribute('data-role')).toBe('delegate');
    expect(await count(cn, 'queued-commands')).toBe(1);
    expect(await cn.getByTestId('request-floor').isDisabled()).toBe(true);
    // the invite opened in a new tab, still without the network: the same delegation, the same text
    const tab = await context.newPage();
    expect((await tab.goto(s.delegateUrl('cn')))?.fromServiceWorker()).toBe(true);
    await tab.locator('.workspace[data-role="delegate"]').waitFor({ timeout: 15_000 });
    await tab.locator('[data-testid="editor"][data-loaded="true"]').waitFor({ timeout: 15_000 });
    expect(await editorText(tab)).toContain('through-a-reload');
    await tab.close();
    await typeAtEnd(cn, 'meet again', ' and-after-it');

    await context.setOffline(false);
    await expect.poll(() => connection(cn), { timeout: 20_000 }).toBe('online');
    await expect.poll(() => count(cn, 'pending-edits'), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => cn.locator('[data-testid="speaker-entry"][data-delegation="cn"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await count(cn, 'queued-commands')).toBe(0);
    expect(await cn.getByTestId('refused-commands').count()).toBe(0);
    expect(await storedText()).toContain('through-a-reload and-after-it');
    await context.close();
  });

  it('[O1][L2] an offline edit refused on reconnect (its paragraph agreed meanwhile) is dropped from the local copy too and does not come back', async () => {
    const page = await openInvite(s.browser, s.delegateUrl('af'));
    const context = page.context();
    await draftOffline(page, 'meet again', ' refused-later');

    const chair = await ioClient(s.t, s.links.links.chair.token);
    const server = await yClient(s.t, 'offline-browser/communique', s.links.links.observer.token);
    const body = server.doc.getXmlFragment('body');
    const last = body.get(body.length - 1) as import('yjs').XmlElement;
    expect((await cmd(chair, 'paragraph.setStatus', { paragraphId: last.getAttribute('id'), status: 'agreed' })).ok).toBe(true);
    chair.disconnect();

    await context.setOffline(false);
    await expect.poll(() => editorText(page), { timeout: 20_000 }).not.toContain('refused-later');
    await expect.poll(() => count(page, 'pending-edits')).toBe(0);
    await page.close();

    const again = await reopen(context, s.delegateUrl('af'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await editorText(again)).not.toContain('refused-later');
    expect(server.text()).not.toContain('refused-later');
    server.destroy();
    await context.close();
  });

  it('[O2] a request made offline is queued and sent on reconnect; one the server no longer accepts is listed as refused', async () => {
    const itemId = await openItem();
    const pk = await openInvite(s.browser, s.delegateUrl('pk'));
    await pk.getByTestId('request-floor').waitFor();

    await pk.context().setOffline(true);
    await expect.poll(() => connection(pk)).toBe('offline');
    await pk.getByTestId('request-floor').click();
    await expect.poll(() => count(pk, 'queued-commands')).toBe(1);
    await pk.context().setOffline(false);
    await expect.poll(() => pk.locator('[data-testid="speaker-entry"][data-delegation="pk"]').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => count(pk, 'queued-commands')).toBe(0);
    expect(await pk.getByTestId('refused-commands').count()).toBe(0);

    // offline again: the delegate withdraws, but meanwhile the chair gives pk the floor and closes the list
    await pk.context().setOffline(true);
    await expect.poll(() => connection(pk)).toBe('offline');
    await pk.getByTestId('withdraw-floor').click();
    await expect.poll(() => count(pk, 'queued-commands')).toBe(1);
    const chair = await ioClient(s.t, s.links.links.chair.token);
    expect((await cmd(chair, 'speakers.giveFloor', { itemId, delegation: 'pk' })).ok).toBe(true);
    chair.disconnect();

    await pk.context().setOffline(false);
    const refused = pk.getByTestId('refused-commands');
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.innerText()).toMatch(/withdraw/i);
    await expect.poll(() => count(pk, 'queued-commands')).toBe(0);
    await pk.context().close();
  });
});
