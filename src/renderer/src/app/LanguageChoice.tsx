import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, useT } from '../i18n/i18n';
import './choices.css';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/resources';

/** Switches the interface language at once; every component using useT() re-renders. */
export function LanguageChoice() {
  const { t } = useT('common');
  useTranslation(); // re-render when the language changes
  return (
    <label className="theme-choice">
      {t('language.label')}
      <select value={currentLanguage()} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
