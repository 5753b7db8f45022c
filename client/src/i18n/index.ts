import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { chosenLanguage, isLanguage, isRtl, LANGUAGE_STORAGE_KEY, LANGUAGES, WORDS, type Language } from './choice';

export { isLanguage, isRtl, LANGUAGE_NAME, LANGUAGE_STORAGE_KEY, LANGUAGES, pickLanguage, RTL_LANGUAGES, type Language } from './choice';

const loading = new Map<Language, Promise<void>>();

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: {},
  lng: chosenLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnEmptyString: false,
  // English, the fallback, is fetched only when a word is missing in Dari or Pashto
  saveMissing: true,
  missingKeyHandler: () => void loadLanguage('en').catch(() => undefined),
  // and the components showing the key meanwhile render again once it is there
  react: { bindI18nStore: 'added' },
});

/** Fetches a language's words once (again after a failure, e.g. offline). */
export function loadLanguage(lang: Language): Promise<void> {
  let p = loading.get(lang);
  if (!p) {
    p = WORDS[lang]().then((m) => void i18n.addResourceBundle(lang, 'translation', m.default));
    p.catch(() => loading.delete(lang));
    loading.set(lang, p);
  }
  return p;
}

/**
 * The chosen language's words, fetched at once: the first render waits for them (if they cannot be
 * fetched, English is tried, and failing that the interface shows its keys rather than nothing).
 */
export const languageReady: Promise<void> = loadLanguage(currentLanguage()).catch(() => loadLanguage('en').catch(() => undefined));

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
export async function setLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  // the words first, so the interface switches at once and whole; offline and not fetched before,
  // the interface stays as it is (the choice is kept for the next load)
  await loadLanguage(lang);
  await i18n.changeLanguage(lang);
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
