import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openInvite } from './helpers/browser';
import { createSitting, SMALL_SITTING, startTestServer, type TestServer } from './helpers/plenary';
import type { CreateSessionResponse } from '@plenary/shared';

let t: TestServer;
let links: CreateSessionResponse;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startTestServer();
  links = await createSitting(t, {
    ...SMALL_SITTING,
    sessionId: 'agenda-browser',
    agenda: [
      { title: 'Opening of the meeting', durationMin: 10 },
      { title: 'Security cooperation', durationMin: 60 },
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const delegateUrl = (d: string) => links.links.delegates.find((l) => l.delegation === d)!.url;
const item = (page: Page, n: number) => page.getByTestId('agenda-item').nth(n);

describe('running the agenda in four browsers', () => {
  it('[A6] the chair opens an item, delegates request the floor, the chair gives it; the observer sees the speaker and a running timer', async () => {
    const chair = await openInvite(browser, links.links.chair.url);
    const pk = await openInvite(browser, delegateUrl('pk'));
    const cn = await openInvite(browser, delegateUrl('cn'));
    const observer = await openInvite(browser, links.links.observer.url);

    await item(chair, 1).getByTestId('agenda-open').click();
    for (const page of [chair, pk, cn, observer]) {
      await expect.poll(() => item(page, 1).getAttribute('data-state')).toBe('open');
    }
    // observers and delegates get no chair controls
    expect(await observer.getByTestId('agenda-open').count()).toBe(0);
    expect(await pk.getByTestId('next-speaker').count()).toBe(0);
    expect(await observer.getByTestId('request-floor').count()).toBe(0);

    await pk.getByTestId('request-floor').click();
    await cn.getByTestId('request-floor').click();
    await cn.getByTestId('point-of-order').click();
    const queue = (page: Page) => page.getByTestId('speaker-entry').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-delegation')}:${e.getAttribute('data-point-of-order')}`));
    await expect.poll(() => queue(observer)).toEqual(['cn:true', 'pk:false']);

    await chair.locator('[data-testid="speaker-entry"][data-delegation="pk"]').getByTestId('give-floor').click();
    for (const page of [chair, pk, cn, observer]) {
      await expect.poll(() => page.getByTestId('current-speaker').getAttribute('data-delegation')).toBe('pk');
    }
    await expect.poll(() => observer.getByTestId('current-speaker').innerText()).toContain('Pakistan');
    const timer = observer.getByTestId('speaker-timer');
    await expect.poll(() => timer.getAttribute('data-running')).toBe('true');
    const first = Number(await timer.getAttribute('data-remaining-ms'));
    await expect.poll(async () => Number(await timer.getAttribute('data-remaining-ms')), { timeout: 5000 }).toBeLessThan(first - 500);
    expect(first).toBeLessThanOrEqual(180_000);

    // every viewer agrees on when the time runs out
    const endsAt = await Promise.all([chair, pk, cn, observer].map((p) => p.getByTestId('speaker-timer').getAttribute('data-ends-at')));
    expect(new Set(endsAt).size).toBe(1);

    // keyboard: Space pauses for everyone, + extends, N gives the floor to the point of order
    await chair.locator('body').click({ position: { x: 5, y: 5 } });
    await chair.keyboard.press('Space');
    await expect.poll(() => observer.getByTestId('speaker-timer').getAttribute('data-running')).toBe('false');
    await chair.keyboard.press('n');
    await expect.poll(() => observer.getByTestId('current-speaker').getAttribute('data-delegation')).toBe('cn');
    await chair.keyboard.press('e');
    await expect.poll(() => observer.getByTestId('current-speaker').count()).toBe(0);

    // with no one waiting, the chair's button says so instead of failing
    expect(await chair.getByTestId('next-speaker').isDisabled()).toBe(true);

    await item(chair, 1).getByTestId('agenda-close').click();
    await expect.poll(() => item(observer, 1).getAttribute('data-state')).toBe('closed');
  }, 120_000);
});
