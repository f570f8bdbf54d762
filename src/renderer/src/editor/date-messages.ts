/** A date the parser could not read, said in the interface language (the parser's own message is English). */
import type { TFunction } from 'i18next';
import type { DateEntryProblem } from '../../../shared/partial-date';
import { currentLanguage } from '../i18n/i18n';

export function dateProblemText(t: TFunction<'editor'>, problem: DateEntryProblem): string {
  if (currentLanguage() === 'en') return problem.message;
  const p = problem.params;
  switch (problem.code) {
    case 'unreadable':
      return t('date.problems.unreadable', { text: p.text });
    case 'no-such-month':
      return t('date.problems.noSuchMonth', { text: p.text, month: p.month });
    case 'no-such-day':
      return t('date.problems.noSuchDay', {
        text: p.text,
        day: p.day,
        month: p.monthNumber,
        year: p.year,
        days: p.days,
      });
    case 'no-year-zero':
      return t('date.problems.noYearZero', { text: p.text });
    case 'end-before-start':
      return t('date.problems.endBeforeStart', { start: p.start, end: p.end });
    case 'range-not-allowed':
      return t('date.problems.rangeNotAllowed');
    case 'approximate-not-allowed':
      return t('date.problems.approximateNotAllowed');
  }
}
