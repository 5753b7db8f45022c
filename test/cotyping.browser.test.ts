import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bracketedText, communiqueSnapshot } from '@plenary/shared';
import { openInvite, paragraphText } from './helpers/browser';
import { useBrowserSitting } from './helpers/browserSitting';
import { DRAFTING_OP, DRAFTING_SITTING, yClient } from './helpers/plenary';
import { Rng } from './fuzz/random';

const SID = 'cotyping-browser';
const [OP1, OP2] = DRAFTING_OP;

const sitting = useBrowserSitting({ ...DRAFTING_SITTING, sessionId: SID });

const paragraph = (page: Page, id: string) => page.locator(`.ProseMirror p[data-id="${id}"]`);


type Where = 'start' | 'end' | { after: string };

/**
 * Clicks into the paragraph as a person would: at its start, at its end, or just after some words.
 * The click lands inside the character next to the wanted boundary, on the boundary's side.
 */
async function clickAt(page: Page, id: string, where: Where): Promise<void> {
  const point = await paragraph(page, id).evaluate((p, w) => {
    const texts: Text[] = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.parentElement?.closest('.collaboration-carets__caret, .bracket-edge') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    const full = texts.map((t) => t.data).join('');
    // the character whose half nearest the boundary is clicked
    let index: number;
    let side: 'left' | 'right';
    if (w === 'start') [index, side] = [0, 'left'];
    else if (w === 'end') [index, side] = [full.length - 1, 'right'];
    else {
      const at = full.indexOf(w.after);
      if (at < 0) return null;
      [index, side] = [at + w.after.length - 1, 'right'];
    }
    let offset = index;
    for (const t of texts) {
      if (offset < t.data.length) {
        const range = document.createRange();
        range.setStart(t, offset);
        range.setEnd(t, offset + 1);
        const r = range.getBoundingClientRect();
        return { x: side === 'left' ? r.left + 1 : r.right - 1, y: r.top + r.height / 2 };
      }
      offset -= t.data.length;
    }
    return null;
  }, where);
  if (!point) throw new Error(`cannot place the caret at ${JSON.stringify(where)} in paragraph ${id}`);
  await page.mouse.click(point.x, point.y);
}

/** Types `text` one key at a time, at a human pace: `minMs`–`maxMs` between keys. */
async function typeLikeAPerson(page: Page, text: string, rng: Rng, minMs = 100, maxMs = 350): Promise<void> {
  for (const ch of text) {
    await page.keyboard.type(ch);
    await new Promise((r) => setTimeout(r, minMs + rng.next() * (maxMs - minMs)));
  }
}

/** The paragraph as the server's copy of the communiqué has it (a stock y-websocket client). */
async function serverText(id: string): Promise<string> {
  const y = await yClient(sitting.t, `${SID}/communique`, sitting.links.links.observer.token);
  try {
    const p = communiqueSnapshot(y.doc).paragraphs.find((x) => x.id === id);
    if (!p) throw new Error(`paragraph ${id} is not in the server's doc`);
    return bracketedText(p);
  } finally {
    y.destroy();
  }
}

describe('three delegations typing into one paragraph at once', () => {
  it('[E3] start, middle and end, Latin and Dari, at a human pace, while the chair types elsewhere: every string lands whole, in order, where its typist put the caret, on every page and on the server', async () => {
    const { browser, links, delegateUrl } = sitting;
    const chair = await openInvite(browser, links.links.chair.url);
    const af = await openInvite(browser, delegateUrl('af'));
    const pk = await openInvite(browser, delegateUrl('pk'));
    const cn = await openInvite(browser, delegateUrl('cn'));
    const pages = [chair, af, pk, cn];
    const op1 = (await chair.locator('.ProseMirror p', { hasText: OP1 }).getAttribute('data-id'))!;
    const op2 = (await chair.locator('.ProseMirror p', { hasText: OP2 }).getAttribute('data-id'))!;
    expect(op1 && op2).toBeTruthy();

    const typed = {
      pk: ['Strongly ', 'and firmly ', 'Hereby '],
      cn: [' صلح و ثبات', ' پایدار', ' با همه'],
      af: [' in accordance with international law', ' and the Charter', ' XYZ'],
      chair: [' in 2018', ' at the latest', ' again'],
    };
    const carets: Record<'pk' | 'cn' | 'af', Where[]> = {
      // round 2 goes on where round 1 left the caret; round 3 clicks again, Pakistan at the end too
      pk: ['start', 'end'],
      cn: [{ after: 'Calls upon all states' }, { after: 'to cooperate' }],
      af: ['end', 'end'],
    };
    const typists = [
      { page: pk, who: 'pk' as const },
      { page: cn, who: 'cn' as const },
      { page: af, who: 'af' as const },
    ];
    for (let round = 0; round < 3; round++) {
      if (round !== 1) {
        for (const { page, who } of typists) await clickAt(page, op2, carets[who][round === 0 ? 0 : 1]!);
        await clickAt(chair, op1, 'end');
      }
      await Promise.all([
        ...typists.map(({ page, who }, i) => typeLikeAPerson(page, typed[who][round]!, new Rng(100 * round + i))),
        typeLikeAPerson(chair, typed.chair[round]!, new Rng(100 * round + 9)),
      ]);
    }

    const body =
      typed.pk[0]! +
      typed.pk[1]! +
      'Calls upon all states' +
      typed.cn[0] +
      typed.cn[1] +
      ' to cooperate' +
      typed.cn[2] +
      ' against terrorism;' +
      typed.af[0]! +
      typed.af[1]!;
    // Pakistan and Afghanistan appended at once: both orders keep each one's words whole
    const endings = [typed.af[2]! + typed.pk[2]!, typed.pk[2]! + typed.af[2]!];
    await expect
      .poll(async () => endings.map((e) => body + e).includes((await paragraphText(chair, op2)) ?? ''), { timeout: 10_000 })
      .toBe(true);
    const expected = (await paragraphText(chair, op2))!;
    const expectedOp1 = OP1 + typed.chair.join('');
    for (const page of pages) {
      await expect.poll(() => paragraphText(page, op2), { timeout: 10_000 }).toBe(expected);
      await expect.poll(() => paragraphText(page, op1), { timeout: 10_000 }).toBe(expectedOp1);
    }
    expect(await serverText(op2)).toBe(expected);
    expect(await serverText(op1)).toBe(expectedOp1);
  }, 120_000);
});
