import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = process.env.PLENARY_CHROMIUM || '/usr/bin/chromium';
export const CLIENT_DIST = fileURLToPath(new URL('../../client/dist/index.html', import.meta.url));

/** Headless Chromium from the system; fails with how to install it rather than skipping. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium was not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` or set PLENARY_CHROMIUM to its path.`);
  }
  if (!existsSync(CLIENT_DIST)) throw new Error('The client is not built: run `npm run build` first (`npm test` does it).');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens an invite link in its own context (its own sessionStorage, like its own browser) and waits
 * for the draft. Observers land on the progress view; this switches them to the workspace.
 */
export async function openInvite(
  browser: Browser,
  url: string,
  viewport = { width: 1440, height: 900 },
  /** runs on the new context before the page loads, e.g. to add an init script */
  prepare?: (context: import('playwright-core').BrowserContext) => Promise<void>,
): Promise<import('playwright-core').Page> {
  const context = await browser.newContext({ viewport });
  await prepare?.(context);
  const page = await context.newPage();
  await page.goto(url);
  // the view is chosen once the server has said who we are
  await page.locator('.workspace:not([data-role="unknown"])').waitFor({ timeout: 15_000 });
  const workspace = page.getByTestId('view-workspace');
  if ((await workspace.getAttribute('aria-pressed')) !== 'true') await workspace.click();
  await page.locator('[data-testid="editor"][data-loaded="true"]').waitFor({ timeout: 15_000 });
  return page;
}

/** The communiqué as typed on a page, without other people's carets and their name labels. */
export function editorText(page: import('playwright-core').Page): Promise<string> {
  return page.locator('.ProseMirror').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });
}

/** A paragraph's text as typed: without the carets' name labels and the drawn brackets and codes. */
export function paragraphText(page: import('playwright-core').Page, id: string): Promise<string | null> {
  return page.locator(`.ProseMirror p[data-id="${id}"]`).evaluate((p) => {
    const copy = p.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret, .bracket-edge').forEach((e) => e.remove());
    return copy.textContent;
  });
}
