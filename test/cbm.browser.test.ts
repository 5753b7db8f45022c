import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SessionView } from '@plenary/shared';
import type { CbmExport } from '../server/src/http/cbmExports';
import { openInvite } from './helpers/browser';
import { useBrowserSitting } from './helpers/browserSitting';
import { SMALL_SITTING } from './helpers/plenary';

const SID = 'cbm-browser';
const TITLE = 'Counter-terrorism hotline between security services';
const ACTION = 'Designate a 24-hour focal point for the hotline';

const sitting = useBrowserSitting({
  ...SMALL_SITTING,
  sessionId: SID,
  agenda: [
    { title: 'Opening of the meeting', durationMin: 10 },
    { title: 'Security cooperation', durationMin: 60 },
  ],
});

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${sitting.t.url}${path}`, { headers: { authorization: `Bearer ${sitting.links.links.observer.token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** Switches the centre column to the measures and opens the one called `title`. */
async function openMeasure(page: Page, title: string): Promise<void> {
  if ((await page.getByTestId('view-measures').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('view-measures').click();
  await page.getByTestId('cbm-card').filter({ hasText: title }).click();
  await page.getByTestId('cbm-detail').waitFor();
}

/** A deadline three months from now, yyyy-mm-dd. */
const deadline = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

describe('a confidence-building measure from proposal to commitment in four browsers', () => {
  it('[M5][M1][M3] a delegate proposes, another co-sponsors, the chair endorses, the proposer commits; the observer sees it all, as the server has it', async () => {
    const { browser, links, delegateUrl } = sitting;
    const pk = await openInvite(browser, delegateUrl('pk'));
    const cn = await openInvite(browser, delegateUrl('cn'));
    const chair = await openInvite(browser, links.links.chair.url);
    const observer = await openInvite(browser, links.links.observer.url);

    // Pakistan proposes from the board
    await pk.getByTestId('view-measures').click();
    await pk.getByTestId('cbm-propose-open').click();
    await pk.getByTestId('cbm-title').fill(TITLE);
    await pk.getByTestId('cbm-description').fill('A line open day and night between the security services of the region.');
    await pk.getByTestId('cbm-theme').selectOption('counter-terrorism');
    await pk.getByTestId('cbm-item').selectOption({ label: '2. Security cooperation' });
    await pk.getByTestId('cbm-submit').click();
    // the new measure opens; its card stands in the "proposed" column for everyone
    await expect.poll(() => pk.getByTestId('cbm-detail').getAttribute('data-state')).toBe('proposed');
    expect(await pk.getByTestId('cbm-item-link').innerText()).toBe('2. Security cooperation');
    const card = (page: Page) => page.getByTestId('cbm-card').filter({ hasText: TITLE });
    await observer.getByTestId('view-measures').click();
    await expect.poll(() => card(observer).getAttribute('data-state'), { timeout: 10_000 }).toBe('proposed');
    // the proposer cannot co-sponsor its own measure (nor, below, the chair)
    expect(await pk.getByTestId('cbm-cosponsor').count()).toBe(0);

    // China co-sponsors
    await openMeasure(cn, TITLE);
    await cn.getByTestId('cbm-cosponsor').click();
    await expect.poll(() => cn.getByTestId('cbm-cosponsors').innerText()).toContain('China');
    await expect.poll(() => cn.getByTestId('cbm-uncosponsor').count()).toBe(1);

    // the chair opens the discussion and endorses
    await openMeasure(chair, TITLE);
    expect(await chair.getByTestId('cbm-cosponsor').count()).toBe(0);
    await chair.getByTestId('cbm-set-state-under-discussion').click();
    await expect.poll(() => chair.getByTestId('cbm-detail').getAttribute('data-state')).toBe('under-discussion');
    await chair.getByTestId('cbm-set-state-endorsed').click();
    await expect.poll(() => chair.getByTestId('cbm-detail').getAttribute('data-state')).toBe('endorsed');
    // delegates have no state buttons
    expect(await cn.locator('[data-testid^="cbm-set-state-"]').count()).toBe(0);

    // Pakistan records a commitment with a deadline
    await expect.poll(() => pk.getByTestId('cbm-detail').getAttribute('data-state')).toBe('endorsed');
    await pk.getByTestId('commitment-add-open').click();
    await pk.getByTestId('commitment-action').fill(ACTION);
    await pk.getByTestId('commitment-deadline').fill(deadline);
    await pk.getByTestId('commitment-submit').click();
    await expect.poll(() => pk.getByTestId('commitment').count()).toBe(1);
    // the form closes once the server has it
    expect(await pk.getByTestId('commitment-action').count()).toBe(0);

    // the observer sees the measure endorsed, with its co-sponsor and the commitment, and can change nothing
    await expect.poll(() => card(observer).getAttribute('data-state'), { timeout: 10_000 }).toBe('endorsed');
    expect(await observer.locator('[data-testid="cbm-column"][data-state="endorsed"]').getByTestId('cbm-card').filter({ hasText: TITLE }).count()).toBe(1);
    await expect.poll(() => card(observer).getByTestId('cbm-commitment-count').innerText(), { timeout: 10_000 }).toBe('1 commitment');
    expect(await card(observer).locator('[data-party="cn"]').count()).toBe(1);
    await openMeasure(observer, TITLE);
    const detail = observer.getByTestId('cbm-detail');
    expect(await detail.getAttribute('data-state')).toBe('endorsed');
    expect(await detail.getByTestId('cbm-cosponsors').innerText()).toContain('China');
    const commitment = detail.getByTestId('commitment');
    expect(await commitment.getAttribute('data-delegation')).toBe('pk');
    expect(await commitment.innerText()).toContain(ACTION);
    expect(await commitment.locator('.cbm-commitment__deadline time').getAttribute('datetime')).toBe(deadline);
    expect(await commitment.getAttribute('data-overdue')).toBe('false');
    expect(await observer.getByTestId('cbm-propose-open').count()).toBe(0);
    expect(await detail.locator('button[data-testid^="cbm-"]:not([data-testid="cbm-detail-close"]), [data-testid="commitment-add-open"], form').count()).toBe(0);

    // what the pages show is what the server holds: the session doc and the measures' export
    const view = await getJson<SessionView>(`/api/sessions/${SID}`);
    expect(view.cbms).toHaveLength(1);
    const m = view.cbms[0]!;
    expect(m).toMatchObject({ title: TITLE, theme: 'counter-terrorism', state: 'endorsed', proposer: 'pk', cosponsors: ['cn'], itemId: view.agenda[1]!.id });
    expect(m.history.map((h) => [h.actor, h.action])).toEqual(
      expect.arrayContaining([
        ['delegate:pk', 'proposed'],
        ['chair', 'under-discussion'],
        ['chair', 'endorsed'],
      ]),
    );
    expect(view.commitments).toEqual([expect.objectContaining({ cbmId: m.id, delegation: 'pk', action: ACTION, deadline })]);
    expect(await detail.getAttribute('data-cbm-id')).toBe(m.id);
    expect(await commitment.getAttribute('data-commitment-id')).toBe(view.commitments[0]!.id);

    const exported = await getJson<CbmExport>(`/api/sessions/${SID}/cbms.json`);
    expect(exported.measures).toEqual([
      expect.objectContaining({
        id: m.id,
        state: 'endorsed',
        cosponsors: ['cn'],
        commitments: [expect.objectContaining({ delegation: 'pk', action: ACTION, deadline, overdue: false })],
      }),
    ]);
  }, 60_000);
});
