/**
 * A problem the editor's own check finds (the contract's schema, run before sending), said in the
 * interface language. The schema's messages are English; the common kinds of problem are told
 * apart by zod's issue code and its bounds, never by the English text. Those written for one
 * field alone (a language tag, a web address) stay as the schema words them until the contract
 * gives them a reason code.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { currentLanguage } from '../i18n/i18n';

export function zodIssueText(t: TFunction<'editor'>, issue: z.core.$ZodIssue): string {
  if (currentLanguage() === 'en') return issue.message;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('check.required');
      return issue.origin === 'string' ? t('check.tooShort', { min: Number(issue.minimum) }) : issue.message;
    case 'too_big':
      if (issue.origin === 'string') return t('check.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('check.tooMany', { max: Number(issue.maximum) });
      return issue.message;
    case 'invalid_type':
      return t('check.invalid');
    default:
      return issue.message;
  }
}
