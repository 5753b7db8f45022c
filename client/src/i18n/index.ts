import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import faAF from './locales/fa-AF.json';
import ps from './locales/ps.json';

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

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'fa-AF': { translation: faAF }, ps: { translation: ps } },
  lng: pickLanguage(storedLanguage(), browserLanguages()),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnEmptyString: false,
});

/** The language the interface speaks now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** `<html lang dir>` follow the language, so the whole layout mirrors for Dari and Pashto. */
export function applyDocumentLanguage(lang: Language = currentLanguage()): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang;
  document.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr';
}

/** Switches the interface and remembers the choice in this browser. */
export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18n.changeLanguage(lang);
}

i18n.on('languageChanged', () => applyDocumentLanguage());

/**
 * A table of words that reads in the current language each time it is looked up, so the
 * `LABEL[state]` lookups used across the interface stay as they are.
 */
export function labelMap<K extends string>(keys: Record<K, string>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of Object.keys(keys) as K[]) Object.defineProperty(out, k, { get: () => i18n.t(keys[k]), enumerable: true });
  return out;
}
