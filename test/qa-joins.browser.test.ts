import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { communiqueSnapshot } from '@plenary/shared';
import { openInvite } from './helpers/browser';
import { useBrowserSitting } from './helpers/browserSitting';
import { SMALL_SITTING, yClient } from './helpers/plenary';

const SID = 'qa-joins';
const PP1 = 'Recognizing that a stable Afghanistan is needed,';
const OP1 = 'Decides to meet again in Kabul;';
const OP2 = 'Calls upon all states to cooperate against terrorism;';

const sitting = useBrowserSitting({ ...SMALL_SITTING, sessionId: SID, communique: { title: 'Communiqué', preambular: [PP1], operative: [OP1, OP2] } });

/** Opens a delegate's page that records the close code and reason of every websocket it opens. */
function openRecording(url: string): Promise<Page> {
  return openInvite(sitting.browser, url, undefined, async (context) => {
    await context.addInitScript(() => {
      const Native = window.WebSocket;
      const closes: string[] = ((window as unknown as { closes: string[] }).closes = []);
      window.WebSocket = class extends Native {
        constructor(...args: ConstructorParameters<typeof WebSocket>) {
          super(...args);
          this.addEventListener('close', (e) => closes.push(`${e.code} ${e.reason}`));
        }
      };
    });
  });
}
const closes = (page: Page) => page.evaluate(() => (window as unknown as { closes: string[] }).closes);

async function serverParagraphs(): Promise<{ id: string; text: string }[]> {
  const y = await yClient(sitting.t, `${SID}/communique`, sitting.links.links.observer.token);
  try {
    return communiqueSnapshot(y.doc).paragraphs.map((p) => ({ id: p.id, text: p.runs.map((r) => r.text).join('') }));
  } finally {
    y.destroy();
  }
}

describe('joining and emptying paragraphs in the browser', () => {
  it('[L11][E3] Backspace at the start of a paragraph holding a line break joins it to the one before: the server takes it, the first keeps its id, no page is closed', async () => {
    const pk = await openRecording(sitting.delegateUrl('pk'));
    const af = await openRecording(sitting.delegateUrl('af'));
    const [pp1, op1, op2] = (await serverParagraphs()).map((p) => p.id);
    // Pakistan adds a second line to the last paragraph (Shift+Enter: a line break in it)
    await pk.locator(`.ProseMirror p[data-id="${op2}"]`).click();
    await pk.keyboard.press('End');
    await pk.keyboard.press('Shift+Enter');
    await pk.keyboard.type('in all its forms', { delay: 20 });
    await expect.poll(async () => (await serverParagraphs())[2]?.text, { timeout: 10_000 }).toBe(`${OP2}in all its forms`);
    // Afghanistan joins it to the paragraph before
    // the caret at the very start of the paragraph: a click on the left half of its first character
    const first = await af.locator(`.ProseMirror p[data-id="${op2}"]`).evaluate((p) => {
      const range = document.createRange();
      range.setStart(p.firstChild!, 0);
      range.setEnd(p.firstChild!, 1);
      const r = range.getBoundingClientRect();
      return { x: r.left + 1, y: r.top + r.height / 2 };
    });
    await af.mouse.click(first.x, first.y);
    await expect.poll(() => af.evaluate(() => window.getSelection()?.focusOffset)).toBe(0);
    await af.keyboard.press('Backspace');
    await af.keyboard.type(' X', { delay: 20 });
    await expect.poll(serverParagraphs, { timeout: 10_000 }).toEqual([
      { id: pp1, text: PP1 },
      { id: op1, text: `${OP1} X${OP2}in all its forms` },
    ]);
    expect(await closes(pk)).toEqual([]);
    expect(await closes(af)).toEqual([]);
  }, 60_000);

  it('[L11][E3] select-all and Delete, then typing: the server takes the emptied text and the new words, the page is not closed', async () => {
    const cn = await openRecording(sitting.delegateUrl('cn'));
    await cn.locator('.ProseMirror p').first().click();
    await cn.keyboard.press('Control+a');
    await cn.keyboard.press('Delete');
    await cn.keyboard.type('Fresh', { delay: 20 });
    await expect.poll(async () => (await serverParagraphs()).map((p) => p.text), { timeout: 10_000 }).toEqual(['Fresh']);
    const ids = (await serverParagraphs()).map((p) => p.id);
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await closes(cn)).toEqual([]);
  }, 60_000);
});
