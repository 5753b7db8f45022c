import { chosenLanguage, WORDS } from './choice';

/**
 * A module of its own, run before the entry (see `vite.config.ts`): starts fetching the reader's
 * words while the other scripts arrive. Modules run only once all their imports are there, so
 * `i18n/index.ts` would ask for them a round trip after the last script; it then finds them
 * fetched (the same module, imported once).
 */
void WORDS[chosenLanguage()]().catch(() => undefined);
