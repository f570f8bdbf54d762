/**
 * What a query was understood as, and what the parser fixed or ignored, in the interface
 * language: the parser reports them as data (src/shared/search/query.ts); the CLI words the same
 * data in English (src/main/cli/format.ts). Pure (the record type names are passed in), so every
 * kind can be checked in each language.
 */
import type { TFunction } from 'i18next';
import type { RecordType } from '../../../shared/model';
import type { Clause, QueryWarning, Understood } from '../../../shared/search/query';

function clauseText(c: Clause, t: TFunction<'search'>): string {
  const words = t(c.phrase ? 'query.phrase' : 'query.words', { text: c.text });
  const where = c.scope ? t('query.scoped', { scope: t(`query.scope.${c.scope}`), words }) : words;
  return c.negated ? t('query.not', { what: where }) : where;
}

export function understoodText(
  u: Understood,
  t: TFunction<'search'>,
  types: Readonly<Record<RecordType, string>>,
): string {
  switch (u.kind) {
    case 'words':
      return u.any.map((c) => clauseText(c, t)).join(t('or'));
    case 'year':
      return t('query.year', { year: u.year });
    case 'from':
    case 'to':
      return t(`query.${u.kind}`, { value: u.value });
    case 'type':
      return t('query.type', { type: types[u.type] });
  }
}

export function warningText(w: QueryWarning, t: TFunction<'search'>): string {
  switch (w.kind) {
    case 'closingQuote':
    case 'loneOr':
      return t(`warning.${w.kind}`);
    case 'badDate':
      return t(w.value ? 'warning.badDate' : 'warning.noDate', { bound: w.bound, value: w.value });
    case 'badYear':
    case 'badType':
      return t(`warning.${w.kind}`, { value: w.value });
    case 'unknownField':
      return t('warning.unknownField', { field: w.field });
    case 'datesSwapped':
      return t('warning.datesSwapped', { from: w.from, to: w.to });
    case 'tooLong':
    case 'tooManyWords':
      return t(`warning.${w.kind}`, { kept: w.kept });
    case 'noWords':
      return t('warning.noWords');
  }
}
