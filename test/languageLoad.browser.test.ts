import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openInvite } from './helpers/browser';
import { useBrowserSitting } from './helpers/browserSitting';
import { AGENDA_SITTING } from './helpers/plenary';

const s = useBrowserSitting({ ...AGENDA_SITTING, sessionId: 'language-load' });

/**
 * The languages whose words a browser context's pages ask for, in the order asked for. (The
 * service worker keeping a file a page already has is not the page asking: O5.)
 */
function wordsFetched(context: BrowserContext): string[] {
  const langs: string[] = [];
  context.on('request', (r) => {
    if (r.serviceWorker()) return;
    const m = /\/assets\/(en|fa-AF|ps)-[\w-]+\.js$/.exec(r.url());
    if (m) langs.push(m[1]!);
  });
  return langs;
}

const agendaHeading = (page: Page) => page.locator('.workspace__panel--agenda .panel-heading').textContent();

describe('[I6] each language’s words fetched when chosen', () => {
  it('an English page fetches English only; Pashto once chosen; a Pashto page never English', async () => {
    let langs: string[] = [];
    const page = await openInvite(s.browser, s.delegateUrl('cn'), undefined, async (context) => {
      langs = wordsFetched(context);
    });
    expect(await agendaHeading(page)).toBe('Agenda');
    expect(langs).toEqual(['en']);

    await page.getByTestId('language-menu').selectOption('ps');
    await page.waitForFunction(() => document.documentElement.lang === 'ps');
    // the interface switches whole, once the words are there
    expect(await agendaHeading(page)).toBe('اجنډا');
    expect(await page.getByTestId('language-menu').inputValue()).toBe('ps');
    expect(langs).toEqual(['en', 'ps']);

    langs.length = 0;
    await page.reload();
    await page.locator('[data-testid="editor"][data-loaded="true"]').waitFor({ timeout: 15_000 });
    expect(await agendaHeading(page)).toBe('اجنډا');
    expect(langs).not.toContain('en');
    await page.context().close();
  });

  it('a browser speaking Dari gets Dari words from the first render, without English', async () => {
    const context = await s.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fa-AF' });
    const langs = wordsFetched(context);
    const page = await context.newPage();
    await page.goto(s.delegateUrl('pk'));
    await page.locator('.workspace__panel--agenda .panel-heading').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa-AF', 'rtl']);
    expect(await agendaHeading(page)).toBe('آجندا');
    expect(langs).toEqual(['fa-AF']);
    await context.close();
  });
});
