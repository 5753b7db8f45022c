import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { communiqueSnapshot, sittingProgress, type CreateSessionResponse, type SessionView } from '@plenary/shared';
import { launchChromium, openInvite } from './helpers/browser';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, startTestServer, yClient, type TestServer, type TestSocket } from './helpers/plenary';

const SID = 'observer-browser';

let t: TestServer;
let links: CreateSessionResponse;
let browser: Browser;
let chair: Page;
let pk: Page;
let cn: Page;
let observer: Page;
let projector: Page;
/** command sockets for the setup the test is not about (statuses, measures, commitments) */
let chairSocket: TestSocket;
let pkSocket: TestSocket;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startTestServer();
  links = await createSitting(t, {
    ...SMALL_SITTING,
    sessionId: SID,
    agenda: [
      { title: 'Opening of the meeting', durationMin: 10 },
      { title: 'Security cooperation', durationMin: 60 },
    ],
    communique: {
      title: 'Communiqué',
      preambular: ['Recognizing that a stable Afghanistan is needed to enable a stable region,', 'Welcoming the Kabul Process as an overarching umbrella,'],
      operative: ['Decides to meet again in Kabul;', 'Calls upon all states to cooperate against terrorism;'],
    },
  });
  chairSocket = await ioClient(t, links.links.chair.token);
  pkSocket = await ioClient(t, delegateToken(links, 'pk'));
});
afterAll(async () => {
  chairSocket?.close();
  pkSocket?.close();
  await browser?.close();
  await t?.close();
});

const delegateUrl = (d: string) => links.links.delegates.find((l) => l.delegation === d)!.url;
const projectorUrl = (token: string) => `${t.url}/s/${SID}/projector?token=${token}`;

/** Observer and projector pages have no editor to wait for: wait for their own root. */
async function openPage(url: string, testId: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId(testId).waitFor({ timeout: 15_000 });
  return page;
}

async function sessionView(): Promise<SessionView> {
  const res = await fetch(`${t.url}/api/sessions/${SID}`, { headers: { authorization: `Bearer ${links.links.observer.token}` } });
  return (await res.json()) as SessionView;
}

async function paragraphIds(): Promise<string[]> {
  const y = await yClient(t, `${SID}/communique`, links.links.observer.token);
  try {
    return communiqueSnapshot(y.doc).paragraphs.map((p) => p.id);
  } finally {
    y.destroy();
  }
}

function ok(ack: unknown): { id: string } {
  expect(ack).toMatchObject({ ok: true });
  return (ack as { result: { id: string } }).result;
}

describe('the observer view and the room screen', () => {
  it('[G6] the observer’s view shows the speaker, a running timer and progress figures that match the server’s state', async () => {
    chair = await openInvite(browser, links.links.chair.url);
    pk = await openInvite(browser, delegateUrl('pk'));
    cn = await openInvite(browser, delegateUrl('cn'));
    observer = await openPage(links.links.observer.url, 'observer-view');
    // an observer link opens on the progress view; the workspace is one click away
    expect(await observer.getByTestId('view-progress').getAttribute('aria-pressed')).toBe('true');
    const view = observer.getByTestId('observer-view');

    // the chair opens the sitting and item 2; delegates request the floor; the chair gives it
    await chair.getByTestId('set-state-open').click();
    await chair.getByTestId('agenda-item').nth(1).getByTestId('agenda-open').click();
    await expect.poll(() => view.getByTestId('observer-item').getAttribute('data-item-id')).not.toBe('');
    expect(await view.getByTestId('observer-item').innerText()).toContain('Security cooperation');
    await pk.getByTestId('request-floor').click();
    await cn.getByTestId('request-floor').click();
    await expect.poll(() => view.getByTestId('observer-next-speakers').locator('li[data-delegation]').evaluateAll((els) => els.map((e) => e.getAttribute('data-delegation')))).toEqual(['pk', 'cn']);
    await chair.locator('[data-testid="speaker-entry"][data-delegation="pk"]').getByTestId('give-floor').click();

    await expect.poll(() => view.getByTestId('current-speaker').getAttribute('data-delegation')).toBe('pk');
    expect(await view.getByTestId('current-speaker').innerText()).toContain('Pakistan');
    await expect.poll(() => view.getByTestId('observer-next-speakers').locator('li[data-delegation]').evaluateAll((els) => els.map((e) => e.getAttribute('data-delegation')))).toEqual(['cn']);
    const timer = view.getByTestId('speaker-timer');
    await expect.poll(() => timer.getAttribute('data-running')).toBe('true');
    const first = Number(await timer.getAttribute('data-remaining-ms'));
    expect(first).toBeLessThanOrEqual(180_000);
    await expect.poll(async () => Number(await timer.getAttribute('data-remaining-ms')), { timeout: 5000 }).toBeLessThan(first - 500);
    // the observer and the chair agree on when the time runs out
    expect(await timer.getAttribute('data-ends-at')).toBe(await chair.getByTestId('speaker-timer').getAttribute('data-ends-at'));

    // statuses, measures, commitments and a delegation marked in the room, for figures that are not all zero
    const [p1, p2, p3] = await paragraphIds();
    ok(await cmd(chairSocket, 'paragraph.setStatus', { paragraphId: p1, status: 'agreed' }));
    ok(await cmd(chairSocket, 'paragraph.setStatus', { paragraphId: p2, status: 'agreed' }));
    ok(await cmd(chairSocket, 'paragraph.setStatus', { paragraphId: p3, status: 'bracketed' }));
    const m1 = ok(await cmd(pkSocket, 'cbm.propose', { title: 'Border liaison offices', description: '', theme: 'border-management' }));
    ok(await cmd(pkSocket, 'cbm.propose', { title: 'Counter-narcotics hotline', description: '', theme: 'counter-narcotics' }));
    ok(await cmd(chairSocket, 'cbm.setState', { cbmId: m1.id, state: 'endorsed' }));
    ok(await cmd(pkSocket, 'commitment.add', { cbmId: m1.id, action: 'Open two liaison offices', deadline: '2099-12-31' }));
    ok(await cmd(pkSocket, 'commitment.add', { cbmId: m1.id, action: 'Share the border crossing statistics', deadline: '2017-07-01' }));
    ok(await cmd(chairSocket, 'attendance.mark', { delegation: 'af', present: true }));

    const strip = view.getByTestId('progress-strip');
    const attrs = (testId: string, names: string[]) =>
      strip.getByTestId(testId).evaluate((el, ns) => Object.fromEntries(ns.map((n) => [n, Number(el.getAttribute(`data-${n}`))])), names);
    await expect.poll(() => attrs('progress-commitments', ['on-track', 'overdue'])).toEqual({ 'on-track': 1, overdue: 1 });

    // the same figures as the server's state gives
    const server = await sessionView();
    const y = await yClient(t, `${SID}/communique`, links.links.observer.token);
    const expected = sittingProgress(server, communiqueSnapshot(y.doc), Date.now());
    y.destroy();
    expect(expected.paragraphs).toMatchObject({ agreed: 2, bracketed: 1, open: 1, total: 4 });
    expect(await attrs('progress-paragraphs', ['agreed', 'bracketed', 'open', 'total'])).toEqual({
      agreed: expected.paragraphs.agreed,
      bracketed: expected.paragraphs.bracketed,
      open: expected.paragraphs.open,
      total: expected.paragraphs.total,
    });
    expect(await attrs('progress-cbms', ['endorsed', 'total'])).toEqual({ endorsed: expected.cbms.endorsed, total: expected.cbms.total });
    expect(expected.cbms).toMatchObject({ endorsed: 1, total: 2 });
    expect(await attrs('progress-commitments', ['on-track', 'overdue'])).toEqual({ 'on-track': expected.commitments.onTrack, overdue: expected.commitments.overdue });
    // pk and cn are connected (pk twice), af is marked in the room: all three invited are present
    expect(await attrs('progress-delegations', ['present', 'invited'])).toEqual({ present: expected.delegations.present, invited: expected.delegations.invited });
    expect(expected.delegations).toEqual({ present: 3, invited: 3 });
    const time = await attrs('progress-time', ['used-ms', 'planned-ms']);
    expect(time['planned-ms']).toBe(expected.time.plannedMs);
    expect(time['planned-ms']).toBe(70 * 60_000);
    expect(Math.abs(time['used-ms']! - expected.time.usedMs)).toBeLessThan(3000);

    // the communiqué, read-only, with each paragraph's status
    const paragraphs = view.getByTestId('observer-paragraph');
    await expect.poll(() => paragraphs.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['agreed', 'agreed', 'bracketed', 'open']);
    expect(await paragraphs.nth(0).innerText()).toContain('PP1');
    expect(await view.locator('[contenteditable="true"]').count()).toBe(0);

    // and the full workspace is one click away, read-only
    await observer.getByTestId('view-workspace').click();
    await observer.locator('[data-testid="editor"][data-loaded="true"]').waitFor();
    expect(await observer.getByTestId('observer-view').count()).toBe(0);
    await observer.getByTestId('view-progress').click();
    await observer.getByTestId('observer-view').waitFor();
  }, 120_000);

  it('[G6] the projector follows the chair’s focus.set to a paragraph and then to another, and fits the screen', async () => {
    projector = await openPage(projectorUrl(links.links.observer.token), 'projector', { width: 1920, height: 1080 });
    expect(await projector.locator('button').count()).toBe(0);
    await expect.poll(() => projector.getByTestId('projector-speaker').getAttribute('data-delegation')).toBe('pk');
    expect(await projector.getByTestId('projector-item').innerText()).toContain('Security cooperation');
    await expect.poll(() => projector.getByTestId('projector-timer').getByTestId('speaker-timer').getAttribute('data-running')).toBe('true');
    expect(await projector.getByTestId('projector-next').innerText()).toContain('China');
    expect(await projector.getByTestId('projector-focus').count()).toBe(0);

    const [p1, , , p4] = await paragraphIds();
    await chair.getByTestId('view-progress').click();
    const select = chair.getByTestId('focus-select');
    await select.selectOption(`p:${p1}`);
    const focus = projector.getByTestId('projector-focus');
    await expect.poll(() => focus.getAttribute('data-paragraph-id')).toBe(p1);
    expect(await focus.innerText()).toContain('PP1');
    expect(await focus.innerText()).toContain('Recognizing that a stable Afghanistan');
    expect(await focus.innerText()).toContain('agreed');
    // the observer sees which paragraph is on the room screen
    await expect.poll(() => observer.locator('[data-testid="observer-paragraph"][data-focused]').getAttribute('data-paragraph-id')).toBe(p1);

    await select.selectOption(`p:${p4}`);
    await expect.poll(() => focus.getAttribute('data-paragraph-id')).toBe(p4);
    expect(await focus.innerText()).toContain('OP2');
    expect(await focus.innerText()).toContain('Calls upon all states');

    // a measure, then nothing
    const cbmValue = await select.locator('option[value^="c:"]').first().getAttribute('value');
    await select.selectOption(cbmValue!);
    await expect.poll(() => focus.getAttribute('data-cbm-id')).toBe(cbmValue!.slice(2));
    expect(await focus.innerText()).toContain('Border liaison offices');
    expect(await focus.innerText()).toContain('Pakistan');
    await chair.getByTestId('focus-clear').click();
    await expect.poll(() => focus.count()).toBe(0);

    // nothing scrolls, at 1920×1080 and at 1280×720, with a paragraph in focus
    await select.selectOption(`p:${p4}`);
    await expect.poll(() => focus.getAttribute('data-paragraph-id')).toBe(p4);
    for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
      await projector.setViewportSize(size);
      const fits = await projector.evaluate(() => {
        const root = document.querySelector<HTMLElement>('[data-testid="projector"]')!;
        const focused = document.querySelector<HTMLElement>('[data-testid="projector-focus"]')!;
        return {
          page: document.scrollingElement!.scrollHeight <= window.innerHeight && document.scrollingElement!.scrollWidth <= window.innerWidth,
          root: root.scrollHeight <= root.clientHeight + 1,
          focusVisible: focused.getBoundingClientRect().bottom <= window.innerHeight,
        };
      });
      expect(fits, `${size.width}×${size.height}`).toEqual({ page: true, root: true, focusVisible: true });
    }
  }, 120_000);

  it('[G6] the activity feed lists what happened, filterable; attendance shows the connected delegations', async () => {
    await chair.getByTestId('view-activity').click();
    const feed = chair.getByTestId('feed');
    await feed.getByTestId('feed-entry').first().waitFor();
    const texts = () => feed.getByTestId('feed-entry').allInnerTexts();
    const all = await texts();
    expect(all.some((l) => /^\d\d:\d\d\s+Chair opened item 2 — Security cooperation/.test(l))).toBe(true);
    expect(all.some((l) => l.includes('Pakistan requested the floor'))).toBe(true);
    // newest first: the floor was given after it was requested
    expect(all.findIndex((l) => l.includes('gave the floor to Pakistan'))).toBeLessThan(all.findIndex((l) => l.includes('Pakistan requested the floor')));

    await feed.getByTestId('feed-filter-delegation').selectOption('pk');
    await expect.poll(() => feed.getByTestId('feed-entry').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-delegation')))])).toEqual(['pk']);
    await feed.getByTestId('feed-filter-kind').selectOption('speakers');
    await expect.poll(() => feed.getByTestId('feed-entry').evaluateAll((els) => [...new Set(els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-delegation')}`))])).toEqual(['speakers:pk']);

    // live: a new line appears while the feed is open
    await cn.getByTestId('point-of-order').click();
    await feed.getByTestId('feed-filter-delegation').selectOption('');
    await expect.poll(texts).toEqual(expect.arrayContaining([expect.stringContaining('China raised a point of order')]));

    await chair.getByTestId('view-attendance').click();
    const att = chair.getByTestId('attendance');
    const row = (d: string) => att.locator(`[data-testid="attendance-row"][data-delegation="${d}"]`);
    await expect.poll(() => row('pk').getAttribute('data-present')).toBe('true');
    expect(await row('cn').getAttribute('data-present')).toBe('true');
    expect(await row('af').getAttribute('data-how')).toBe('in-room');
    // who was present for the open item
    const openItem = (await sessionView()).agenda[1]!;
    const item = att.locator(`[data-testid="attendance-item"][data-item-id="${openItem.id}"]`);
    expect(await item.innerText()).toContain('Pakistan');

    // the chair takes Afghanistan's mark off; observers have no such button
    await row('af').getByTestId('attendance-mark').click();
    await expect.poll(() => row('af').getAttribute('data-present')).toBe('false');
    await observer.getByTestId('view-attendance').click();
    await expect.poll(() => observer.locator('[data-testid="attendance-row"][data-delegation="af"]').getAttribute('data-present')).toBe('false');
    expect(await observer.getByTestId('attendance-mark').count()).toBe(0);
  }, 120_000);
});
