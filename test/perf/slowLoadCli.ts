/**
 * `npm run measure:slow-load -- [--runs 3] [--kbit 256] [--rtt 300] [--locale ps-AF] [--client-dir client/dist]`:
 * the first load of the demo sitting (D1) by a delegate over a slow link, in Chromium with the
 * network emulated through CDP (`Network.emulateNetworkConditions`), cold cache each run.
 *
 * "Readable": the communiqué's text is on screen (as the server sent it with the page, or live).
 * "Live": the workspace is up and connected: title, agenda, text; a delegate can ask for the floor.
 * "Editable": the editor is loaded and the text can be typed into.
 * "Live again (warm)": the same link opened a second time, scripts from the browser's cache.
 * Prints each run, the median, and what crossed the link (HTTP bytes as sent, WebSocket payloads).
 * `--locale` is the browser's language (`ps-AF`: a Pashto reader), English by default.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { createSitting, startTestServer } from '../helpers/plenary';
import { KABUL_PROCESS } from '../../server/src/demo/kabul';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    kbit: { type: 'string', default: '256' },
    rtt: { type: 'string', default: '300' },
    locale: { type: 'string' },
    'client-dir': { type: 'string' },
  },
});
const kbit = Number(values.kbit);
const rtt = Number(values.rtt);

interface Run {
  readableMs: number;
  liveMs: number;
  editableMs: number;
  /** the same link opened again: assets from the cache, the docs from the local copy */
  warmLiveMs: number;
  httpRequests: number;
  httpBytes: number;
  wsBytes: number;
}

async function traffic(cdp: CDPSession) {
  const t = { httpRequests: 0, httpBytes: 0, wsBytes: 0 };
  await cdp.send('Network.enable');
  cdp.on('Network.loadingFinished', (e) => {
    t.httpRequests++;
    t.httpBytes += e.encodedDataLength;
  });
  // binary frames come base64-encoded: count the bytes they carry
  cdp.on('Network.webSocketFrameReceived', (e) => {
    t.wsBytes += e.response.opcode === 2 ? Math.floor((e.response.payloadData.length * 3) / 4) : e.response.payloadData.length;
  });
  return t;
}

/** the sitting's text on screen: in the page as the server sent it, or in the workspace */
async function readable(page: Page): Promise<void> {
  await page.locator('[data-testid="first-paint"] .first-paint__text li, [data-testid="communique-preview"] li, .ProseMirror p').first().waitFor({ timeout: 120_000 });
}

/** the live workspace: title, agenda and text, connected (a delegate can ask for the floor) */
async function live(page: Page): Promise<void> {
  await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="sitting-title"][aria-busy="false"]').waitFor({ timeout: 120_000 });
  await page.getByTestId('agenda-item').first().waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="communique-preview"] li, .ProseMirror p').first().waitFor({ timeout: 120_000 });
}

const server = await startTestServer(values['client-dir'] ? { clientDir: resolve(values['client-dir']) } : {});
const browser = await launchChromium();
const runs: Run[] = [];
try {
  const { links } = await createSitting(server, KABUL_PROCESS);
  const url = links.delegates.find((d) => d.delegation !== KABUL_PROCESS.host)?.url ?? links.chair.url;
  for (let i = 0; i < Number(values.runs); i++) {
    // no service worker (O5): what it fetches escapes the page's emulated network, so the editor's
    // chunk, fetched through it once it is in charge, would arrive at full speed
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', ...(values.locale ? { locale: values.locale } : {}) });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const t = await traffic(cdp);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: rtt,
      downloadThroughput: (kbit * 1000) / 8,
      uploadThroughput: (kbit * 1000) / 8,
    });
    const start = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await readable(page);
    const readableMs = Date.now() - start;
    await live(page);
    const liveMs = Date.now() - start;
    await page.locator('[data-testid="editor"][data-loaded="true"]').waitFor({ timeout: 120_000 });
    const editableMs = Date.now() - start;
    const warmStart = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await live(page);
    const warmLiveMs = Date.now() - warmStart;
    runs.push({ readableMs, liveMs, editableMs, warmLiveMs, ...t });
    console.log(
      `run ${i + 1}: readable ${(readableMs / 1000).toFixed(2)} s, live ${(liveMs / 1000).toFixed(2)} s, editable ${(editableMs / 1000).toFixed(2)} s, live again (warm) ${(warmLiveMs / 1000).toFixed(2)} s; ` +
        `${t.httpRequests} HTTP responses, ${(t.httpBytes / 1024).toFixed(1)} KiB over HTTP, ${(t.wsBytes / 1024).toFixed(1)} KiB over WebSockets`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `\n${kbit} kbit/s, ${rtt} ms RTT, ${runs.length} cold loads of the demo sitting as a delegate${values.locale ? ` (${values.locale})` : ''} — median: ` +
    `readable ${(median(runs.map((r) => r.readableMs)) / 1000).toFixed(2)} s, live ${(median(runs.map((r) => r.liveMs)) / 1000).toFixed(2)} s, editable ${(median(runs.map((r) => r.editableMs)) / 1000).toFixed(2)} s, ` +
    `live again (warm) ${(median(runs.map((r) => r.warmLiveMs)) / 1000).toFixed(2)} s`,
);
