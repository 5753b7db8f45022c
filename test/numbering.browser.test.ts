import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openInvite } from './helpers/browser';
import { useBrowserSitting } from './helpers/browserSitting';
import { SMALL_SITTING } from './helpers/plenary';

const OP2 = 'Calls upon all states to cooperate against terrorism;';

const sitting = useBrowserSitting({
  ...SMALL_SITTING,
  sessionId: 'numbering-browser',
  communique: {
    title: 'Communiqué',
    preambular: ['Recognizing that a stable Afghanistan is needed to enable a stable region,'],
    operative: ['Decides to meet again in Kabul;', OP2, 'Thanks the host.'],
  },
});

/** The numbers in the editor's margin, top to bottom. */
const margin = (page: Page) => page.locator('.ProseMirror p[data-num]').evaluateAll((ps) => ps.map((p) => (p as HTMLElement).dataset.num));

describe('numbers in the editor', () => {
  it('[E4][E5] Enter at the end of OP2 makes OP2 bis while OP3 stays OP3; the chair’s revision renumbers them', async () => {
    const { browser, links, delegateUrl } = sitting;
    const pk = await openInvite(browser, delegateUrl('pk'));
    const chair = await openInvite(browser, links.links.chair.url);
    await expect.poll(() => margin(pk), { timeout: 10_000 }).toEqual(['PP1', 'OP1', 'OP2', 'OP3']);

    await pk.locator('.ProseMirror p', { hasText: OP2 }).click();
    await pk.keyboard.press('End');
    await pk.keyboard.press('Enter');
    await pk.keyboard.type('Welcomes the offer of China;');
    for (const page of [pk, chair]) {
      await expect.poll(() => margin(page), { timeout: 10_000 }).toEqual(['PP1', 'OP1', 'OP2', 'OP2 bis', 'OP3']);
    }
    expect(await pk.locator('.ProseMirror p[data-num="OP2 bis"]').innerText()).toContain('Welcomes the offer of China;');

    // the renumbering box is ticked by default
    expect(await chair.getByTestId('revision-renumber').isChecked()).toBe(true);
    await chair.getByTestId('revision-create').click();
    for (const page of [pk, chair]) {
      await expect.poll(() => margin(page), { timeout: 10_000 }).toEqual(['PP1', 'OP1', 'OP2', 'OP3', 'OP4']);
    }
    expect(await pk.locator('.ProseMirror p[data-num="OP3"]').innerText()).toContain('Welcomes the offer of China;');
  });
});
