/**
 * `npm run trial:offline -- [--minutes 10] [--gap-ms 60000]`: a delegate loses the network for
 * ten minutes mid-drafting, in Chromium's offline mode, as a user would (O1, O2, O5).
 *
 * The demo sitting (D1), open, item 2 open; three pages: Afghanistan, Pakistan and the chair.
 * Afghanistan goes offline, types a word at the end of a paragraph every minute, asks for the floor
 * at minute 2 and reloads the page at minute 5 (still offline); Pakistan, online, types in another
 * paragraph every third minute. Then the network comes back. Prints, minute by minute, the state
 * and the changes waiting, then how long the return took and whether every word is on every page,
 * in order, the pages identical, also after a reload, and the request applied once. Exits 1 if
 * anything was lost.
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { editorText, launchChromium, openInvite } from '../helpers/browser';
import { cmd, createSitting, ioClient, startTestServer } from '../helpers/plenary';
import { KABUL_PROCESS } from '../../server/src/demo/kabul';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, 'gap-ms': { type: 'string', default: '60000' } } });
const minutes = Number(values.minutes);
const gapMs = Number(values['gap-ms']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${msg}`);

const state = (page: Page) => page.getByTestId('connection-status').getAttribute('data-state');
const waiting = async (page: Page) => {
  const el = page.getByTestId('pending-edits');
  return (await el.count()) === 0 ? 0 : Number(await el.getAttribute('data-count'));
};

/** Clicks just after the paragraph's last character, as a user adding to it would, and types. */
async function typeAtEnd(page: Page, paragraph: string, text: string): Promise<void> {
  const p = page.locator('.ProseMirror p', { hasText: paragraph });
  await p.scrollIntoViewIfNeeded();
  const at = await p.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement!.closest('.collaboration-carets__caret')) last = n as Text;
    const range = document.createRange();
    range.setStart(last!, last!.data.length - 1);
    range.setEnd(last!, last!.data.length);
    const r = range.getBoundingClientRect();
    return { x: r.right, y: r.top + r.height / 2 };
  });
  await page.mouse.click(at.x + 2, at.y);
  await sleep(100);
  await page.keyboard.type(text, { delay: 30 });
}

const server = await startTestServer();
const browser = await launchChromium();
let lost = false;
try {
  const { links } = await createSitting(server, KABUL_PROCESS);
  const sid = KABUL_PROCESS.sessionId!;
  const chairIo = await ioClient(server, links.chair.token);
  await cmd(chairIo, 'session.setState', { state: 'open' });
  const view = (await (await fetch(`${server.url}/api/sessions/${sid}`, { headers: { authorization: `Bearer ${links.chair.token}` } })).json()) as { agenda: { id: string }[] };
  await cmd(chairIo, 'agenda.open', { itemId: view.agenda[1]!.id });
  chairIo.disconnect();
  const url = (d: string) => links.delegates.find((l) => l.delegation === d)!.url;
  const af = await openInvite(browser, url('af'));
  const pk = await openInvite(browser, url('pk'));
  const chair = await openInvite(browser, links.chair.url);
  await af.locator('html[data-offline-ready="true"]').waitFor({ timeout: 15_000 });

  const afWords: string[] = [];
  const pkWords: string[] = [];
  await af.context().setOffline(true);
  log(`Afghanistan offline (${await state(af)})`);
  for (let m = 1; m <= minutes; m++) {
    afWords.push(`afoffline${m}`);
    await typeAtEnd(af, 'stable Afghanistan', ` afoffline${m}`);
    if (m === 2) await af.getByTestId('request-floor').click();
    if (m === 5) {
      const reloaded = await af.reload();
      await af.locator('[data-testid="editor"][data-loaded="true"]').waitFor({ timeout: 15_000 });
      log(`reloaded offline: from the service worker ${reloaded?.fromServiceWorker()}, words so far kept ${(await editorText(af)).includes(afWords.join(' '))}`);
    }
    if (m % 3 === 0) {
      pkWords.push(`pkonline${m}`);
      await typeAtEnd(pk, 'meet again', ` pkonline${m}`);
    }
    log(`minute ${m}: ${await state(af)}, ${await waiting(af)} changes waiting, words in order ${(await editorText(af)).includes(afWords.join(' '))}`);
    if (m < minutes) await sleep(gapMs - 3000);
  }
  await af.context().setOffline(false);
  const back = Date.now();
  while ((await state(af)) !== 'online') await sleep(50);
  const onlineMs = Date.now() - back;
  while ((await waiting(af)) !== 0 && Date.now() - back < 30_000) await sleep(50);
  log(`online again after ${onlineMs} ms; every change on the server after ${Date.now() - back} ms`);
  await sleep(2000);

  const all = [...afWords, ...pkWords];
  const texts: string[] = [];
  for (const [name, page] of [['Afghanistan', af], ['Pakistan', pk], ['chair', chair]] as const) {
    const text = await editorText(page);
    texts.push(text);
    const missing = all.filter((w) => !text.includes(w));
    const inOrder = text.includes(afWords.join(' '));
    log(`${name}: ${missing.length === 0 ? 'every word' : `missing ${missing.join(', ')}`}, Afghanistan's in order ${inOrder}`);
    lost ||= missing.length > 0 || !inOrder;
  }
  const again = await openInvite(browser, url('af'));
  const identical = texts.every((t) => t === texts[0]) && (await editorText(again)) === texts[0];
  const audit = await (await fetch(`${server.url}/api/sessions/${sid}/audit`, { headers: { authorization: `Bearer ${links.chair.token}` } })).text();
  const requests = (audit.match(/"speakers\.request"/g) ?? []).length;
  log(`pages identical, also reopened: ${identical}; floor requests applied: ${requests}`);
  lost ||= !identical || requests !== 1;
} finally {
  await browser.close();
  await server.close();
}
console.log(lost ? '\nSomething was lost.' : '\nNothing lost.');
process.exit(lost ? 1 : 0);
