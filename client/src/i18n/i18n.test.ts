import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_RULES, COMMANDS, FEED_KEYS, FEED_LINES_EN, FEED_PHRASES_EN, REFUSALS_EN } from '@plenary/shared';
import en from './locales/en.json';
import faAF from './locales/fa-AF.json';
import ps from './locales/ps.json';
import { i18n, isRtl, LANGUAGES, pickLanguage } from './index';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const LOCALES: Record<string, Map<string, string>> = { en: flatten(en), 'fa-AF': flatten(faAF), ps: flatten(ps) };
const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Keys the code uses: `t('…')` calls, and key-shaped literals (`'agenda.open'`) in tables such as
 * `labelMap({…})`; command names (`'agenda.open'` the command) look the same and are left out.
 */
function usedKeys(): Map<string, string> {
  const groups = new Set(Object.keys(en));
  const used = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) used.set(m[1]!, file);
    for (const m of text.matchAll(/'([a-z][A-Za-z]*)\.([A-Za-z][\w.]*)'/g)) if (groups.has(m[1]!) && !(`${m[1]}.${m[2]}` in COMMANDS)) used.set(`${m[1]}.${m[2]}`, file);
  }
  return used;
}

const exists = (keys: Map<string, string>, key: string) => keys.has(key) || (keys.has(`${key}_one`) && keys.has(`${key}_other`));
const variables = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('[I1] the interface’s words in English, Dari and Pashto', () => {
  it('finds the keys the components use (the scan itself works)', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(300);
    expect(used.has('agenda.addHeading')).toBe(true);
    expect(used.has('sessionState.open')).toBe(true); // from a labelMap table
  });

  it('has every key used in the code in all three languages', () => {
    const used = usedKeys();
    for (const lang of LANGUAGES) {
      const missing = [...used].filter(([key]) => !exists(LOCALES[lang]!, key)).map(([key, file]) => `${key} (${file.slice(SRC.length)})`);
      expect(missing, `missing in ${lang}`).toEqual([]);
    }
  });

  it('has the same keys in every language, none empty, with the same placeholders', () => {
    const keys = [...LOCALES.en!.keys()].sort();
    for (const lang of LANGUAGES) {
      const table = LOCALES[lang]!;
      expect([...table.keys()].sort(), `keys of ${lang}`).toEqual(keys);
      for (const [key, text] of table) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(variables(text), `placeholders of ${lang} ${key}`).toEqual(variables(LOCALES.en!.get(key)!));
      }
    }
  });

  it('[F2] has every feed line in all three languages, the English the same as the server writes', () => {
    for (const lang of LANGUAGES) {
      const missing = FEED_KEYS.filter((key) => !LOCALES[lang]!.has(`feed.${key}`));
      expect(missing, `feed lines missing in ${lang}`).toEqual([]);
    }
    for (const [key, text] of Object.entries(FEED_LINES_EN)) expect(LOCALES.en!.get(`feed.${key}`), key).toBe(text);
    for (const [key, text] of Object.entries(FEED_PHRASES_EN)) expect(LOCALES.en!.get(`feed.ref.${key}`), key).toBe(text);
  });

  it('[I7] has every refusal in all three languages with the same placeholders, the English the same as the server sends', () => {
    for (const lang of LANGUAGES) {
      const table = LOCALES[lang]!;
      const missing = Object.keys(REFUSALS_EN).filter((key) => !table.has(`refusal.${key}`));
      expect(missing, `refusals missing in ${lang}`).toEqual([]);
      for (const [key, text] of Object.entries(REFUSALS_EN)) expect(variables(table.get(`refusal.${key}`)!), `placeholders of ${lang} refusal.${key}`).toEqual(variables(text));
      const extra = [...table.keys()].filter((k) => k.startsWith('refusal.') && !k.startsWith('refusal.list.') && !Object.hasOwn(REFUSALS_EN, k.slice('refusal.'.length)));
      expect(extra, `refusals ${lang} has that the server does not send`).toEqual([]);
    }
    for (const [key, text] of Object.entries(REFUSALS_EN)) expect(LOCALES.en!.get(`refusal.${key}`), key).toBe(text);
  });

  it('[I7] says what every command does in all three languages (refusals and the offline list name commands by it)', () => {
    for (const lang of LANGUAGES) {
      const missing = Object.keys(COMMAND_RULES).filter((type) => !LOCALES[lang]!.has(`offline.command.${type}`));
      expect(missing, `commands missing in ${lang}`).toEqual([]);
    }
    for (const [type, rule] of Object.entries(COMMAND_RULES)) expect(LOCALES.en!.get(`offline.command.${type}`), type).toBe(rule.verb);
  });

  it('writes Dari and Pashto in their own script, not English copied over', () => {
    for (const lang of ['fa-AF', 'ps'] as const) {
      const copied = [...LOCALES[lang]!].filter(([key, text]) => /[a-z]{4,}/.test(text.replace(/\{\{\w+\}\}|ad ref|Plenary|Rev\.|m:ss|CBM|F11/g, '')) && text === LOCALES.en!.get(key));
      expect(copied, lang).toEqual([]);
    }
  });

  it('uses the diplomatic words agreed for the room', () => {
    const fa = i18n.getFixedT('fa-AF');
    const pst = i18n.getFixedT('ps');
    expect(fa('workspace.communique')).toBe('اعلامیه');
    expect(fa('workspace.agenda')).toBe('آجندا');
    expect(fa('timeSpoken.delegation')).toBe('هیئت');
    expect(pst('timeSpoken.delegation')).toBe('پلاوی');
    expect(fa('role.chair')).toBe('رئیس جلسه');
    expect(pst('role.chair')).toBe('د غونډې رئیس');
    expect(fa('role.observer')).toBe('ناظر');
    expect(pst('role.observer')).toBe('کتونکی');
  });
});

describe('[I2] choosing the language', () => {
  it('takes the stored choice, else the browser’s language, else English', () => {
    expect(pickLanguage('ps', ['en-US'])).toBe('ps');
    expect(pickLanguage(null, ['en-US', 'fa'])).toBe('en');
    expect(pickLanguage(null, ['fa-IR'])).toBe('fa-AF');
    expect(pickLanguage(null, ['prs-AF'])).toBe('fa-AF');
    expect(pickLanguage(null, ['ps-AF', 'en'])).toBe('ps');
    expect(pickLanguage('klingon', ['de-DE'])).toBe('en');
    expect(pickLanguage(undefined, [])).toBe('en');
  });

  it('reads Dari and Pashto right to left, English left to right', () => {
    expect(isRtl('fa-AF')).toBe(true);
    expect(isRtl('ps')).toBe(true);
    expect(isRtl('en')).toBe(false);
  });

  it('speaks English by default where the browser does (tests, headless Chromium)', () => {
    expect(i18n.language).toBe('en');
    expect(i18n.t('agenda.addHeading')).toBe('Add item');
  });
});
