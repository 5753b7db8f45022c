import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CreateSessionResponse } from '@plenary/shared';
import { launchChromium, openInvite } from './helpers/browser';
import { HOSTILE, hostileSitting } from './helpers/hostile';
import { startTestServer, type TestServer } from './helpers/plenary';

let t: TestServer;
let s: CreateSessionResponse;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startTestServer();
  s = await hostileSitting(t);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Records every Content-Security-Policy violation of the page from its first script on. */
const watchViolations = (context: BrowserContext) =>
  context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });

const open = async (url: string): Promise<{ page: Page; console: string[] }> => {
  const messages: string[] = [];
  const page = await openInvite(browser, url, undefined, async (context) => {
    await watchViolations(context);
    context.on('console', (m) => messages.push(m.text()));
  });
  return { page, console: messages };
};

async function assertInert(page: Page, console: string[]): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
    csp: (window as unknown as { __csp: string[] }).__csp,
    injected: document.querySelectorAll('img[src="x"], iframe, svg[onload], script:not([src])').length,
  }));
  expect(state).toEqual({ pwned: null, csp: [], injected: 0 });
  expect(console.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
}

describe('under the Content-Security-Policy', () => {
  it('[K6][K5] the app works in Chromium with no violation, and text from participants stays text everywhere', async () => {
    const res = await fetch(`${t.url}/s/hostile`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);

    const chair = await open(s.links.chair.url);
    const xx = await open(s.links.delegates.find((d) => d.delegation === 'xx')!.url);
    // the hostile delegation types and selects: its named caret and selection show on the chair's page
    const last = xx.page.locator('.ProseMirror p').last();
    await last.click();
    await xx.page.keyboard.press('End');
    await xx.page.keyboard.type(' typed-under-csp', { delay: 10 });
    await xx.page.keyboard.press('Shift+Home');
    await expect.poll(() => chair.page.locator('.ProseMirror').innerText(), { timeout: 10_000 }).toContain('typed-under-csp');
    await expect.poll(() => chair.page.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 10_000 }).toContain(HOSTILE.img);
    expect(await chair.page.locator('.ProseMirror').innerText()).toContain(HOSTILE.img);
    // a bracket drawn with the delegation's colour (a style attribute) and name (a title)
    await xx.page.getByTestId('bracket-selection').click();
    await expect.poll(() => chair.page.getByTestId('bracket').first().getAttribute('title'), { timeout: 10_000 }).toContain(`Bracketed by ${HOSTILE.img}`);
    expect(await chair.page.getByTestId('sitting-title').innerText()).toContain(HOSTILE.img);

    // the comment thread, the measures board and a measure, and the read-only views
    await chair.page.getByTestId('comment-count').first().click();
    await expect.poll(() => chair.page.locator('body').innerText()).toContain(HOSTILE.iframe);
    await chair.page.getByTestId('view-measures').click();
    await chair.page.getByTestId('cbm-card').first().click();
    await expect.poll(() => chair.page.getByTestId('cbm-detail').innerText()).toContain(HOSTILE.script);
    await chair.page.getByTestId('cbm-detail-close').click();
    for (const view of ['view-progress', 'view-activity', 'view-attendance', 'view-workspace']) {
      await chair.page.getByTestId(view).click();
      await chair.page.waitForTimeout(300);
    }
    expect(await chair.page.locator('body').innerText()).toContain(HOSTILE.svg);

    // the export downloads still work from the page
    for (const format of ['md', 'docx', 'pdf']) {
      const status = await chair.page.evaluate(async (url) => (await fetch(url)).status, `/api/sessions/hostile/communique.${format}?token=${s.links.chair.token}`);
      expect(status).toBe(200);
    }
    await assertInert(chair.page, chair.console);
    await assertInert(xx.page, xx.console);
  }, 120_000);
});
