/**
 * The search engine reports where a hit matched as keys; the results pane words each of them in
 * every interface language (a key without a message would show as its raw name).
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { MATCHED_FIELDS, type MatchedIn } from '../../src/shared/channels/search';
import { LINK_ROLES } from '../../src/shared/model';
import { LANGUAGES, resources } from '../../src/renderer/src/i18n/resources';
import { whereMatched } from '../../src/renderer/src/search/whereMatched';

const translator = i18next.createInstance();
void translator.init({ resources, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false }, initAsync: false });

const EVERY_MATCH: MatchedIn[] = [
  ...MATCHED_FIELDS.map((field) => ({ field })),
  ...LINK_ROLES.map((role) => ({ field: 'role' as const, role })),
  { field: 'page', page: 2, file: 'scan.pdf' },
];

describe('where a hit matched, worded', () => {
  for (const language of LANGUAGES) {
    it(`has a message for every key in ${language}`, () => {
      const t = translator.getFixedT(language, 'search');
      const words = EVERY_MATCH.map((m) => whereMatched(m, t, resources[language].labels.role));
      for (const w of words) expect(w).not.toMatch(/^where\.|^$/);
      expect(new Set(words).size).toBe(words.length);
      if (language === 'zh-Hans') for (const w of words) expect(w).toMatch(/[\u3400-\u9fff]/);
    });
  }

  it('keeps the English the results pane always showed', () => {
    const t = translator.getFixedT('en', 'search');
    const en = (m: MatchedIn) => whereMatched(m, t, resources.en.labels.role);
    expect(en({ field: 'titleAlt' })).toBe('title (other language)');
    expect(en({ field: 'catalogue' })).toBe('catalogue fields');
    expect(en({ field: 'role', role: 'signatory' })).toBe('signatory');
    expect(en({ field: 'page', page: 2, file: 'scan.pdf' })).toBe('page 2 of scan.pdf');
  });
});
