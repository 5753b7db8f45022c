import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { InviteTokens } from '../server/src/auth/InviteTokens';
import { launchChromium, openInvite } from './helpers/browser';
import { cmd, createSitting, ioClient, startTestServer, type TestServer } from './helpers/plenary';

const SECRET = 'test-secret-for-browser-token-tests-0123';
let t: TestServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startTestServer({ secret: SECRET });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a link that ends while its page is open', () => {
  it('[R8][R9] the page of a revoked link, and of one that expires, says so in place of the workspace', async () => {
    const links = await createSitting(t);
    const page = await openInvite(browser, links.links.delegates.find((d) => d.delegation === 'pk')!.url);
    const chair = await ioClient(t, links.links.chair.token);
    try {
      expect(await cmd(chair, 'invite.revoke', { role: 'delegate', delegation: 'pk' })).toMatchObject({ ok: true });
      const message = page.getByTestId('invite-message');
      await message.waitFor({ timeout: 10_000 });
      expect(await message.textContent()).toContain('This invite link was revoked; ask the chair for the new one');
    } finally {
      chair.close();
      await page.context().close();
    }

    // a link that expires 6 s after it was minted, while its page is open
    const token = await new InviteTokens(SECRET).sign({ sid: 'test-sitting', role: 'delegate', del: 'cn' }, 6 / 86_400);
    const expiring = await openInvite(browser, `${t.url}/s/test-sitting?token=${token}`);
    try {
      const message = expiring.getByTestId('invite-message');
      await message.waitFor({ timeout: 10_000 });
      expect(await message.textContent()).toContain('The invite token has expired');
    } finally {
      await expiring.context().close();
    }
  }, 60_000);
});
