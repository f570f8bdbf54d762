/**
 * The search engine reports where a hit matched as keys, and the query parser what it understood
 * and fixed as data; the results pane words each of them in
 * every interface language (a key without a message would show as its raw name).
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { MATCHED_FIELDS, type MatchedIn } from '../../src/shared/channels/search';
import { LINK_ROLES } from '../../src/shared/model';
import { LANGUAGES, resources } from '../../src/renderer/src/i18n/resources';
import { sayWith } from '../../src/renderer/src/search/say';
import { englishSay } from '../../src/shared/search/words-en';
import {
  understoodText as sharedUnderstood,
  warningText as sharedWarning,
  whereMatched as sharedWhere,
} from '../../src/shared/search/words';
import type { QueryWarning, Understood } from '../../src/shared/search/query';
import type { TFunction } from 'i18next';
import type { LinkRole, RecordType } from '../../src/shared/model';

// The results pane's way: the shared wording said through i18next in the interface language.
const whereMatched = (m: MatchedIn, t: TFunction<'search'>, roles: Readonly<Record<LinkRole, string>>) =>
  sharedWhere(m, sayWith(t), roles);
const understoodText = (u: Understood, t: TFunction<'search'>, types: Readonly<Record<RecordType, string>>) =>
  sharedUnderstood(u, sayWith(t), types);
const warningText = (w: QueryWarning, t: TFunction<'search'>) => sharedWarning(w, sayWith(t));

const translator = i18next.createInstance();
void translator.init({
  resources,
  lng: 'en',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

const EVERY_MATCH: MatchedIn[] = [
  ...MATCHED_FIELDS.map((field) => ({ field })),
  ...LINK_ROLES.map((role) => ({ field: 'role' as const, role })),
  { field: 'page', page: 2, file: 'scan.pdf' },
  { field: 'alias', name: 'Hangzhou' },
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

const clause = (text: string, scope: 'person' | null, extra: { phrase?: boolean; negated?: boolean } = {}) => ({
  text,
  scope,
  phrase: extra.phrase ?? false,
  negated: extra.negated ?? false,
});

// One of each kind: a new kind without an entry here is a type error.
const UNDERSTOOD: Record<Understood['kind'], Understood> = {
  words: { kind: 'words', any: [clause('blake', 'person'), clause('light night', null, { phrase: true })] },
  year: { kind: 'year', year: '2018' },
  from: { kind: 'from', value: '2018-09' },
  to: { kind: 'to', value: '2019' },
  type: { kind: 'type', type: 'agreement' },
};
const WARNINGS: Record<QueryWarning['kind'], QueryWarning> = {
  closingQuote: { kind: 'closingQuote' },
  loneOr: { kind: 'loneOr' },
  badDate: { kind: 'badDate', bound: 'from', value: 'soon' },
  badYear: { kind: 'badYear', value: '18' },
  badType: { kind: 'badType', value: 'podcast' },
  unknownField: { kind: 'unknownField', field: 'note' },
  datesSwapped: { kind: 'datesSwapped', from: '2020-01-01', to: '2019-12-31' },
  tooLong: { kind: 'tooLong', kept: 1000 },
  tooManyWords: { kind: 'tooManyWords', kept: 32 },
  noWords: { kind: 'noWords' },
};

describe('what a query was understood as, worded', () => {
  for (const language of LANGUAGES) {
    it(`has a message for every part and every fix in ${language}`, () => {
      const t = translator.getFixedT(language, 'search');
      const words = [
        ...Object.values(UNDERSTOOD).map((u) => understoodText(u, t, resources[language].labels.recordType)),
        understoodText(
          { kind: 'words', any: [clause('qingdao', null, { negated: true })] },
          t,
          resources[language].labels.recordType,
        ),
        ...Object.values(WARNINGS).map((w) => warningText(w, t)),
        warningText({ kind: 'badDate', bound: 'to', value: '' }, t),
      ];
      for (const w of words) expect(w).not.toMatch(/^(query|warning)\.|^$/);
      if (language === 'zh-Hans') for (const w of words) expect(w).toMatch(/[\u3400-\u9fff]/);
    });
  }

  it('keeps the English the results pane always showed (the CLI prints the same)', () => {
    const t = translator.getFixedT('en', 'search');
    const types = resources.en.labels.recordType;
    expect(Object.values(UNDERSTOOD).map((u) => understoodText(u, t, types))).toEqual([
      'a person matching “blake” or the phrase “light night”',
      'in 2018',
      'from 2018-09',
      'to 2019',
      'type Agreement',
    ]);
    expect(understoodText({ kind: 'words', any: [clause('qingdao', null, { negated: true })] }, t, types)).toBe(
      'not “qingdao”',
    );
    expect(warningText(WARNINGS.closingQuote, t)).toBe('added the missing closing quote');
    expect(warningText(WARNINGS.badDate, t)).toBe('from: needs a date like 2018 or 2018-09 (“soon” ignored)');
    expect(warningText({ kind: 'badDate', bound: 'to', value: '' }, t)).toBe(
      'to: needs a date like 2018 or 2018-09 (nothing given)',
    );
  });

  it('the CLI’s English (englishSay) is the English results pane’s, word for word', () => {
    const t = translator.getFixedT('en', 'search');
    const types = resources.en.labels.recordType;
    const roles = resources.en.labels.role;
    const queries = [...Object.values(UNDERSTOOD), { kind: 'words', any: [clause('x', 'person', { negated: true })] }];
    for (const u of queries as Understood[])
      expect(sharedUnderstood(u, englishSay, types)).toBe(understoodText(u, t, types));
    for (const w of [...Object.values(WARNINGS), { kind: 'badDate', bound: 'to', value: '' } as QueryWarning])
      expect(sharedWarning(w, englishSay)).toBe(warningText(w, t));
    for (const m of EVERY_MATCH) expect(sharedWhere(m, englishSay, roles)).toBe(whereMatched(m, t, roles));
  });
});
