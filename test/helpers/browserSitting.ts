import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { CreateSessionBody, CreateSessionResponse } from '@plenary/shared';
import { launchChromium } from './browser';
import { createSitting, startTestServer, type TestServer } from './plenary';

export interface BrowserSitting {
  t: TestServer;
  links: CreateSessionResponse;
  browser: Browser;
  /** the invite link of a delegation */
  delegateUrl(delegation: string): string;
}

/** Chromium, a server and one sitting for the tests of a file: started before them, closed after. */
export function useBrowserSitting(body: CreateSessionBody): BrowserSitting {
  const s = {
    delegateUrl: (d: string) => {
      const link = s.links.links.delegates.find((l) => l.delegation === d);
      if (!link) throw new Error(`no link for ${d}`);
      return link.url;
    },
  } as BrowserSitting;
  beforeAll(async () => {
    s.browser = await launchChromium();
    s.t = await startTestServer();
    s.links = await createSitting(s.t, body);
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.t?.close();
  });
  return s;
}
