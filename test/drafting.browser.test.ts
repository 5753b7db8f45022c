import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bracketedText, communiqueSnapshot, type SnapshotParagraph } from '@plenary/shared';
import { openInvite, paragraphText } from './helpers/browser';
import { useBrowserSitting } from './helpers/browserSitting';
import { DRAFTING_OP, DRAFTING_SITTING, yClient } from './helpers/plenary';

const SID = 'drafting-browser';
const [, OP2] = DRAFTING_OP;

const sitting = useBrowserSitting({ ...DRAFTING_SITTING, sessionId: SID });

/** The paragraph as the server's copy of the communiqué has it (a stock y-websocket client). */
async function serverParagraph(id: string): Promise<SnapshotParagraph> {
  const y = await yClient(sitting.t, `${SID}/communique`, sitting.links.links.observer.token);
  try {
    const p = communiqueSnapshot(y.doc).paragraphs.find((x) => x.id === id);
    if (!p) throw new Error(`paragraph ${id} is not in the server's doc`);
    return p;
  } finally {
    y.destroy();
  }
}

const paragraph = (page: Page, id: string) => page.locator(`.ProseMirror p[data-id="${id}"]`);
const status = (page: Page, id: string) => page.locator(`[data-testid="paragraph-status"][data-paragraph-id="${id}"]`);


/** Selects `words` inside the paragraph by dragging the mouse over them, as a person would. */
async function selectWords(page: Page, id: string, words: string): Promise<void> {
  const box = await paragraph(page, id).evaluate((p, w) => {
    // the paragraph's own text, without the brackets and codes drawn around bracketed words
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('.bracket-edge') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      return { x0: r.left + 1, x1: r.right - 1, y: r.top + r.height / 2 };
    }
    return null;
  }, words);
  if (!box) throw new Error(`"${words}" is not in one piece of paragraph ${id}`);
  await page.mouse.move(box.x0, box.y);
  await page.mouse.down();
  await page.mouse.move((box.x0 + box.x1) / 2, box.y, { steps: 4 });
  await page.mouse.move(box.x1, box.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(words);
}

/** The brackets a page shows in a paragraph: their text and holders, e.g. `Calls upon|pk`. */
const brackets = (page: Page, id: string) =>
  paragraph(page, id)
    .getByTestId('bracket')
    .evaluateAll((els) => els.map((e) => `${e.textContent}|${e.getAttribute('data-holders')}`));

describe('negotiating a paragraph in three browsers', () => {
  it('[L8][L4][L2][U4] two delegations bracket words with the toolbar, everyone sees `[ … ]` with the holders; the chair lifts the brackets and agrees the paragraph, whose text then stays locked', async () => {
    const { browser, links, delegateUrl } = sitting;
    const chair = await openInvite(browser, links.links.chair.url);
    const pk = await openInvite(browser, delegateUrl('pk'));
    const cn = await openInvite(browser, delegateUrl('cn'));
    const pages = [chair, pk, cn];
    const id = (await chair.locator('.ProseMirror p', { hasText: OP2 }).getAttribute('data-id'))!;
    expect(id).toBeTruthy();
    // the chair has no bracket button; the delegates' is off until words are selected
    expect(await chair.getByTestId('bracket-selection').count()).toBe(0);
    expect(await pk.getByTestId('bracket-selection').isDisabled()).toBe(true);

    // Pakistan brackets "Calls upon", China "against terrorism", each for its own delegation
    await selectWords(pk, id, 'Calls upon');
    await pk.getByTestId('bracket-selection').click();
    await selectWords(cn, id, 'against terrorism');
    await cn.getByTestId('bracket-selection').click();
    for (const page of pages) {
      await expect.poll(() => brackets(page, id), { timeout: 10_000 }).toEqual(['Calls upon|pk', 'against terrorism|cn']);
      // real square brackets around each span, with the holder's code after the closing one
      const codes = await paragraph(page, id).locator('.bracket-holder').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.code));
      expect(codes).toEqual(['PK', 'CN']);
      expect(await paragraph(page, id).locator('.bracket-edge--open').count()).toBe(2);
      expect(await paragraph(page, id).getByTestId('bracket').first().getAttribute('title')).toMatch(/^Bracketed by Pakistan at \d\d:\d\d/);
      // the paragraph, left open by the chair, reads as bracketed beside its brackets
      await expect.poll(() => status(page, id).getAttribute('data-status')).toBe('bracketed');
    }
    const bracketed = await serverParagraph(id);
    expect(bracketedText(bracketed)).toBe('[Calls upon] all states to cooperate [against terrorism];');
    expect(bracketed.runs.filter((r) => r.brackets.length > 0).map((r) => r.brackets)).toEqual([['pk'], ['cn']]);

    // while brackets remain, the chair cannot agree the paragraph: the server says why, in a toast
    await status(chair, id).click();
    await chair.getByTestId('set-status-agreed').click();
    await expect.poll(() => chair.getByTestId('toast').last().innerText()).toMatch(/bracket/i);
    expect(await status(pk, id).getAttribute('data-status')).toBe('bracketed');

    // the chair lifts both brackets, keeping the words
    for (const words of ['Calls upon', 'against terrorism']) {
      await paragraph(chair, id).getByTestId('bracket').filter({ hasText: words }).click();
      await chair.getByTestId('lift-bracket').click();
      await chair.locator(`[data-testid="lift-choice"][data-text="${words}"]`).click();
    }
    for (const page of pages) {
      await expect.poll(() => brackets(page, id), { timeout: 10_000 }).toEqual([]);
      await expect.poll(() => paragraphText(page, id)).toBe(OP2);
      await expect.poll(() => status(page, id).getAttribute('data-status')).toBe('open');
    }

    await status(chair, id).click();
    await chair.getByTestId('set-status-agreed').click();
    for (const page of pages) {
      await expect.poll(() => status(page, id).getAttribute('data-status'), { timeout: 10_000 }).toBe('agreed');
      expect(await status(page, id).innerText()).toMatch(/agreed/);
      await expect.poll(() => paragraph(page, id).getAttribute('data-locked')).toBe('true');
    }
    const agreed = await serverParagraph(id);
    expect(bracketedText(agreed)).toBe(OP2);

    // a delegate types into the agreed paragraph: nothing changes, on the page or on the server
    await paragraph(pk, id).click();
    await pk.keyboard.press('End');
    await pk.keyboard.type(' and more', { delay: 10 });
    await pk.keyboard.press('Backspace');
    await expect.poll(() => pk.getByTestId('toast').last().innerText()).toMatch(/agreed: its text is locked/);
    expect(await paragraphText(pk, id)).toBe(OP2);
    // the other paragraphs are still open to drafting
    const other = (await pk.locator('.ProseMirror p', { hasText: 'Decides to meet again' }).getAttribute('data-id'))!;
    await paragraph(pk, other).click();
    await pk.keyboard.press('End');
    await pk.keyboard.type(' soon', { delay: 10 });
    await expect.poll(async () => bracketedText(await serverParagraph(other)), { timeout: 10_000 }).toBe('Decides to meet again in Kabul; soon');
    expect(bracketedText(await serverParagraph(id))).toBe(OP2);
    for (const page of pages) expect(await paragraphText(page, id)).toBe(OP2);
  }, 60_000);
});
