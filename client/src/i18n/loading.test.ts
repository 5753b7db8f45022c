import { describe, expect, it } from 'vitest';
import { i18n, setLanguage } from './index';

describe('[I6] each language’s words fetched when chosen', () => {
  it('reads a word missing in Dari or Pashto in English', () => {
    i18n.addResource('en', 'translation', 'test.onlyInEnglish', 'Only in English');
    expect(i18n.getFixedT('ps')('test.onlyInEnglish')).toBe('Only in English');
    expect(i18n.getFixedT('fa-AF')('test.onlyInEnglish')).toBe('Only in English');
  });

  it('switches once the words are there, whole', async () => {
    const switching = setLanguage('ps');
    expect(i18n.language).toBe('en');
    await switching;
    expect(i18n.language).toBe('ps');
    expect(i18n.t('workspace.agenda')).toBe('اجنډا');
    await setLanguage('en');
    expect(i18n.t('workspace.agenda')).toBe('Agenda');
  });
});
