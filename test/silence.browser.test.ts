import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openInvite } from './helpers/browser';
import { useBrowserSitting } from './helpers/browserSitting';
import { SMALL_SITTING } from './helpers/plenary';

const SID = 'silence-browser';
const OP1 = 'Decides to meet again in Kabul;';
const OP2 = 'Calls upon all states to cooperate against terrorism;';

const sitting = useBrowserSitting({
  ...SMALL_SITTING,
  sessionId: SID,
  communique: { title: 'Communiqué', preambular: ['Recognizing that a stable Afghanistan is needed,'], operative: [OP1, OP2] },
});

const paragraph = (page: Page, text: string) => page.locator('.ProseMirror p', { hasText: text });

describe('the silence procedure in the browser', () => {
  it('[L6] the chair sets the deadline as a time of day; every tab and the projector show the banner; a delegate’s typing in a silenced paragraph is refused; the chair withdraws it and typing works again', async () => {
    const { browser, links, delegateUrl, t } = sitting;
    const chair = await openInvite(browser, links.links.chair.url);
    const pk = await openInvite(browser, delegateUrl('pk'));
    const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await projector.goto(`${t.url}/s/${SID}/projector?token=${links.links.observer.token}`);
    await projector.getByTestId('projector').waitFor();

    // a deadline at a time of day: in an hour (the field takes hh:mm)
    const at = new Date(Date.now() + 3_600_000);
    const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
    await chair.getByTestId('silence-deadline-mode').selectOption('time');
    await chair.getByTestId('silence-time').fill(hhmm);
    await chair.getByTestId('silence-start').click();
    for (const page of [chair, pk]) {
      await expect.poll(() => page.getByTestId('silence-banner').getAttribute('data-state'), { timeout: 10_000 }).toBe('running');
      expect(await page.getByTestId('silence-banner').innerText()).toContain(hhmm);
    }
    await expect.poll(() => projector.getByTestId('projector-silence').innerText(), { timeout: 10_000 }).toContain(hhmm);
    // the banner stays above the other tabs on a narrow screen too
    await pk.setViewportSize({ width: 600, height: 900 });
    await pk.getByRole('tab', { name: /agenda/i }).first().click();
    expect(await pk.getByTestId('silence-banner').isVisible()).toBe(true);
    await pk.setViewportSize({ width: 1440, height: 900 });
    await pk.getByRole('tab', { name: /communiqu/i }).first().click().catch(() => {});

    // Pakistan types into OP2: the page refuses it and says why; nothing reaches the chair
    await expect.poll(() => paragraph(pk, OP2).getAttribute('data-locked')).toBe('true');
    await paragraph(pk, OP2).click();
    await pk.keyboard.type(' more', { delay: 20 });
    await expect.poll(() => pk.getByTestId('toast').last().innerText()).toMatch(/silence/i);
    expect(await paragraph(pk, OP2).innerText()).not.toContain('more');

    await chair.getByTestId('silence-withdraw').click();
    for (const page of [chair, pk]) await expect.poll(() => page.getByTestId('silence-banner').getAttribute('data-state'), { timeout: 10_000 }).toBe('withdrawn');
    await expect.poll(() => projector.getByTestId('projector-silence').count()).toBe(0);
    await expect.poll(() => paragraph(pk, OP2).getAttribute('data-locked')).toBe(null);
    await paragraph(pk, OP2).click();
    await pk.keyboard.press('End');
    await pk.keyboard.type(' now', { delay: 20 });
    await expect.poll(() => paragraph(chair, OP2).innerText(), { timeout: 10_000 }).toContain('now');
  }, 90_000);
});
