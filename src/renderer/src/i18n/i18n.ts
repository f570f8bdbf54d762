/**
 * The interface language: i18next with the catalogues in ./en and ./zh-Hans, bundled (no
 * loading from the network). The choice is remembered on this computer and switches live:
 * components that call useT() re-render with the new language, no restart.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LANGUAGES, NAMESPACES, resources, type Language } from './resources';

const KEY = 'civic-archive.language';

function browserLanguage(): Language {
  const wanted = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return wanted.some((l) => /^zh(-Hans|-CN|-SG)?$/i.test(l) || /^zh-Hans/i.test(l)) ? 'zh-Hans' : 'en';
}

function savedLanguage(): Language {
  try {
    const l = localStorage.getItem(KEY);
    if ((LANGUAGES as readonly string[]).includes(l ?? '')) return l as Language;
  } catch {
    /* storage refused: fall back to the browser's language */
  }
  return browserLanguage();
}

void i18next.use(initReactI18next).init({
  resources,
  lng: savedLanguage(),
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'common',
  // React escapes what it renders; escaping here as well would show &amp; to the user.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export function currentLanguage(): Language {
  return (LANGUAGES as readonly string[]).includes(i18next.language) ? (i18next.language as Language) : 'en';
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    /* the choice lasts this session */
  }
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** The translate function for one area's namespace (keys are type-checked against the English catalogue). */
export function useT<N extends (typeof NAMESPACES)[number]>(ns: N) {
  return useTranslation(ns);
}
