import { beforeAll, expect } from 'vitest';

/**
 * The interface's words are fetched chunks (I6): the client's unit tests, which read them in all
 * three languages, wait for them before they run. Other workspaces' tests skip this.
 */
beforeAll(async () => {
  if (!/[\\/]client[\\/]src[\\/]/.test(expect.getState().testPath ?? '')) return;
  const { LANGUAGES, loadLanguage } = await import('../i18n');
  await Promise.all(LANGUAGES.map(loadLanguage));
});
