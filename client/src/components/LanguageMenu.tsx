import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGE_NAME, LANGUAGES, setLanguage } from '../i18n';
import './LanguageMenu.css';

/** The interface's language, remembered in this browser; Dari and Pashto read right to left. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-menu">
      <span className="visually-hidden">{t('header.language')}</span>
      <select
        className="language-menu__select"
        data-testid="language-menu"
        value={i18n.language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) void setLanguage(e.target.value).catch(() => undefined);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAME[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
