import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SessionView } from '@plenary/shared';
import { openInvite } from './helpers/browser';
import { useBrowserSitting } from './helpers/browserSitting';
import { AGENDA_SITTING, cmd, delegateToken, ioClient } from './helpers/plenary';

const SID = 'rtl-browser';
/** screenshots to look at: `.tmp/rtl/*.png` */
const SHOTS = fileURLToPath(new URL('../.tmp/rtl/', import.meta.url));

const s = useBrowserSitting({
  ...AGENDA_SITTING,
  sessionId: SID,
  communique: {
    title: 'Communiqué',
    preambular: ['Recognizing that a stable Afghanistan is needed,', 'با تأکید بر اینکه افغانستان باثبات برای منطقه ضروری است،'],
    operative: ['Decides to meet again;'],
  },
});

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;
const choose = async (page: Page, lang: string) => {
  await page.getByTestId('language-menu').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
};

beforeAll(async () => {
  // item 2 open, Pakistan speaking: the timer and the list are on screen
  const res = await fetch(`${s.t.url}/api/sessions/${SID}`, { headers: { authorization: `Bearer ${s.links.links.chair.token}` } });
  const itemId = ((await res.json()) as SessionView).agenda[1]!.id;
  const chair = await ioClient(s.t, s.links.links.chair.token);
  const pk = await ioClient(s.t, delegateToken(s.links, 'pk'));
  try {
    expect(await cmd(chair, 'session.setState', { state: 'open' })).toMatchObject({ ok: true });
    expect(await cmd(chair, 'agenda.open', { itemId })).toMatchObject({ ok: true });
    expect(await cmd(pk, 'speakers.request', { itemId })).toMatchObject({ ok: true });
    expect(await cmd(chair, 'speakers.next', { itemId })).toMatchObject({ ok: true });
  } finally {
    chair.close();
    pk.close();
  }
  mkdirSync(SHOTS, { recursive: true });
});

describe('[I2][I5] the interface in Dari and Pashto, right to left', () => {
  it('starts in English, left to right, where the browser speaks English', async () => {
    const page = await openInvite(s.browser, s.delegateUrl('cn'));
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    expect(await page.getByTestId('language-menu').inputValue()).toBe('en');
    expect(await page.locator('.workspace__panel--agenda .panel-heading').textContent()).toBe('Agenda');
    await page.context().close();
  });

  it('[F2] switches to Dari: rtl, mirrored columns, Dari words and digits, the activity feed in Dari, remembered on reload', async () => {
    const page = await openInvite(s.browser, s.delegateUrl('pk'));
    await choose(page, 'fa-AF');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa-AF', 'rtl']);
    expect(await page.locator('html[dir="rtl"]').count()).toBe(1);

    // the agenda column is on the right, the speakers on the left, the communiqué between
    const agenda = await box(page, '.workspace__panel--agenda');
    const centre = await box(page, '.workspace__panel--communique');
    const side = await box(page, '.workspace__panel--side');
    expect(agenda.x).toBeGreaterThan(centre.x + centre.width - 1);
    expect(side.x + side.width).toBeLessThan(centre.x + 1);
    // the sitting's title starts at the right edge of the header
    const title = await box(page, '[data-testid="sitting-title"]');
    const header = await box(page, '.sitting-header');
    expect(header.x + header.width - (title.x + title.width)).toBeLessThan(60);

    expect(await page.locator('.workspace__panel--agenda .panel-heading').textContent()).toBe('آجندا');
    expect(await page.getByTestId('view-communique').innerText()).toBe('اعلامیه');
    expect(await page.getByTestId('sitting-state').innerText()).toMatch(/باز/);
    expect(await page.getByTestId('you').innerText()).toContain('Pakistan (نماینده)');
    expect(await page.getByTestId('clock').innerText()).toMatch(/^[۰-۹]{2}:[۰-۹]{2}$/);
    expect(await page.locator('.speaker-timer__digits').innerText()).toMatch(/^[۰-۹]{2}:[۰-۹]{2}$/);
    expect(await page.locator('.sitting-header__where').innerText()).toContain('۶ جون ۲۰۱۷');

    // communiqué: each paragraph takes its own direction; the numbers stay in the right margin
    const paragraphs = await page.locator('.communique-doc p[data-num]').evaluateAll((ps) =>
      ps.map((p) => ({
        num: p.getAttribute('data-num'),
        dir: p.getAttribute('dir'),
        direction: getComputedStyle(p).direction,
        // used values in px: the number sits beyond the paragraph's right edge, whatever its own direction
        labelRight: parseFloat(getComputedStyle(p, '::before').right),
      })),
    );
    expect(paragraphs.map((p) => p.num)).toEqual(['PP1', 'PP2', 'OP1']);
    expect(paragraphs.map((p) => p.direction)).toEqual(['ltr', 'rtl', 'ltr']);
    expect(paragraphs.map((p) => p.dir)).toEqual(['auto', 'auto', 'auto']);
    expect(paragraphs.every((p) => p.labelRight < 0)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'workspace-fa-AF.png') });
    await page.getByTestId('view-measures').click();
    await page.getByTestId('cbm-area').waitFor();
    expect(await page.getByTestId('cbm-propose-open').innerText()).toBe('+ پیشنهاد یک اقدام');
    await page.screenshot({ path: join(SHOTS, 'measures-fa-AF.png') });
    await page.getByTestId('view-activity').click();
    await page.getByTestId('feed').waitFor();
    // names keep their own direction inside the Dari sentence (isolated with U+2068 … U+2069)
    const feed = (await page.getByTestId('feed-entry').allInnerTexts()).map((l) => l.replace(/[\u2068\u2069]/g, ''));
    expect(feed.some((l) => /^[۰-۹]{2}:[۰-۹]{2}\s+رئیس جلسه نوبت سخن را به Pakistan داد/.test(l))).toBe(true);
    expect(feed.some((l) => l.includes('رئیس جلسه موضوع ۲ — Security cooperation را باز کرد'))).toBe(true);
    expect(feed.some((l) => l.includes('Pakistan درخواست نوبت سخن کرد'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'activity-fa-AF.png') });
    await page.getByTestId('view-workspace').click();

    await page.reload();
    await page.locator('[data-testid="editor"][data-loaded="true"]').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa-AF', 'rtl']);
    expect(await page.getByTestId('language-menu').inputValue()).toBe('fa-AF');
    await page.context().close();
  });

  it('switches to Pashto, and back to English left to right', async () => {
    const page = await openInvite(s.browser, s.delegateUrl('af'));
    await choose(page, 'ps');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('.workspace__panel--agenda .panel-heading').textContent()).toBe('اجنډا');
    expect(await page.getByTestId('request-floor').innerText()).toBe('د خبرو غوښتنه');
    expect(await page.getByTestId('you').innerText()).toContain('Afghanistan (استازی)');
    expect(await page.locator('.sitting-header__where').innerText()).toContain('۶ جون ۲۰۱۷');
    const agenda = await box(page, '.workspace__panel--agenda');
    const centre = await box(page, '.workspace__panel--communique');
    expect(agenda.x).toBeGreaterThan(centre.x);
    await page.screenshot({ path: join(SHOTS, 'workspace-ps.png') });

    await page.getByTestId('view-progress').click();
    await page.getByTestId('observer-view').waitFor();
    expect(await page.getByTestId('progress-strip').innerText()).toContain('د اعلامیې پاراګرافونه');
    await page.screenshot({ path: join(SHOTS, 'progress-ps.png') });

    await choose(page, 'en');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.getByTestId('view-progress').innerText()).toBe('Progress');
    await page.context().close();
  });

  it('[I2][P1] names the chair by its role in the reader\'s words, in the presence list and on its caret', async () => {
    const chairContext = await s.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const chair = await chairContext.newPage();
    await chair.goto(`${s.t.url}/s/${SID}?token=${s.links.links.chair.token}`);
    await chair.locator('[data-testid="editor"][data-loaded="true"]').waitFor({ timeout: 15_000 });
    await chair.locator('.ProseMirror p', { hasText: 'meet again' }).click();

    const page = await openInvite(s.browser, s.delegateUrl('cn'), undefined, async (context) => {
      await context.addInitScript(() => localStorage.setItem('plenary:language', 'ps'));
    });
    const chairRow = page.locator('[data-testid="presence-entry"][data-role="chair"] .presence__name');
    await expect.poll(() => chairRow.innerText()).toBe('د غونډې رئیس');
    await expect.poll(() => page.locator('.collaboration-carets__label').allInnerTexts()).toContain('د غونډې رئیس');
    // in English, as a name is written
    expect(await chair.locator('[data-testid="presence-entry"][data-role="chair"] .presence__name').innerText()).toBe('Chair');
    await page.context().close();
    await chairContext.close();
  });

  it('shows the room screen in the language chosen in its browser', async () => {
    const context = await s.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(() => localStorage.setItem('plenary:language', 'fa-AF'));
    const page = await context.newPage();
    await page.goto(`${s.t.url}/s/${SID}/projector?token=${s.links.links.observer.token}`);
    await page.getByTestId('projector-speaker').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('projector-item').innerText()).toContain('موضوع ۲ از ۳');
    await page.screenshot({ path: join(SHOTS, 'projector-fa-AF.png') });
    await context.close();
  });
});
