import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openInvite } from './helpers/browser';
import { createSitting, startTestServer, type TestServer } from './helpers/plenary';
import type { CreateSessionResponse } from '@plenary/shared';

let t: TestServer;
let links: CreateSessionResponse;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startTestServer();
  links = await createSitting(t);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const openAs = (url: string) => openInvite(browser, url);

async function typeAtEndOf(page: Page, paragraphText: string, text: string): Promise<void> {
  const p = page.locator('.ProseMirror p', { hasText: paragraphText });
  await p.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 10 });
}

const editorText = (page: Page) => page.locator('.ProseMirror').innerText();

describe('three browsers on one sitting', () => {
  it('[U1] chair and delegate type and each sees the other with named carets; the observer sees it move and cannot type', async () => {
    const chair = await openAs(links.links.chair.url);
    const delegate = await openAs(links.links.delegates.find((d) => d.delegation === 'pk')!.url);
    const observer = await openAs(links.links.observer.url);

    // the token leaves the address bar
    expect(chair.url()).not.toContain('token=');
    await expect.poll(() => chair.getByTestId('sitting-title').innerText()).toContain('Test sitting');

    await typeAtEndOf(chair, 'stable Afghanistan', ' chair-typed');
    await typeAtEndOf(delegate, 'Decides to meet again', ' delegate-typed');
    for (const page of [chair, delegate, observer]) {
      await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('chair-typed');
      await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('delegate-typed');
    }
    await expect.poll(() => delegate.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 10_000 }).toContain('Chair');
    await expect.poll(() => chair.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 10_000 }).toContain('Pakistan');
    await expect.poll(() => observer.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 10_000 }).toEqual(
      expect.arrayContaining(['Chair', 'Pakistan']),
    );

    // the observer's editor is read-only: typing there changes nothing anywhere
    expect(await observer.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    await observer.locator('.ProseMirror p', { hasText: 'stable Afghanistan' }).click();
    await observer.keyboard.type(' observer-typed');
    await typeAtEndOf(delegate, 'Decides to meet again', ' after');
    await expect.poll(() => editorText(observer), { timeout: 10_000 }).toContain('delegate-typed after');
    expect(await editorText(observer)).not.toContain('observer-typed');
    expect(await editorText(chair)).not.toContain('observer-typed');

    // the delegate's role and presence are shown
    await expect.poll(() => delegate.getByTestId('presence-list').innerText()).toMatch(/Chair[\s\S]*Pakistan[\s\S]*Observer/);
    expect(await delegate.getByTestId('connection-status').innerText()).toMatch(/online/i);
    expect(await observer.getByTestId('set-state-open').count()).toBe(0);
    expect(await delegate.getByTestId('set-state-open').count()).toBe(0);

    // the chair opens the sitting and everyone sees it
    await chair.getByTestId('set-state-open').click();
    for (const page of [chair, delegate, observer]) {
      await expect.poll(() => page.getByTestId('sitting-state').getAttribute('data-state')).toBe('open');
    }
  }, 90_000);
});
