/**
 * Which language the interface speaks, and where its words come from: no i18next here, so the
 * small module that starts fetching the words before the other scripts arrive
 * (`preloadLanguage.ts`) can import it.
 */

/** The interface's languages: English, Dari (as written in Afghanistan) and Pashto. */
export const LANGUAGES = ['en', 'fa-AF', 'ps'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the menu. */
export const LANGUAGE_NAME: Record<Language, string> = { en: 'English', 'fa-AF': 'دری', ps: 'پښتو' };

export const RTL_LANGUAGES: readonly Language[] = ['fa-AF', 'ps'];
export const LANGUAGE_STORAGE_KEY = 'plenary:language';

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

export function isRtl(lang: string): boolean {
  return (RTL_LANGUAGES as readonly string[]).includes(lang);
}

/** The stored choice if any, else the first browser language we speak (`prs`/`fa…` → Dari, `ps…` → Pashto), else English. */
export function pickLanguage(stored: string | null | undefined, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const l = tag.toLowerCase();
    if (l === 'ps' || l.startsWith('ps-')) return 'ps';
    if (l === 'fa' || l.startsWith('fa-') || l === 'prs' || l.startsWith('prs-')) return 'fa-AF';
    if (l === 'en' || l.startsWith('en-')) return 'en';
  }
  return 'en';
}

function storedLanguage(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

/**
 * Each language's words are a chunk of their own, fetched when chosen: a reader downloads one
 * language, not three (7–9 kB gzip each, I6).
 */
export const WORDS: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./locales/en.json'),
  'fa-AF': () => import('./locales/fa-AF.json'),
  ps: () => import('./locales/ps.json'),
};

/** The language chosen in this browser, or read from its languages. */
export function chosenLanguage(): Language {
  return pickLanguage(storedLanguage(), browserLanguages());
}
