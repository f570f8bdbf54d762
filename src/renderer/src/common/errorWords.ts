/** A refusal in the interface language chosen now (errorWording.ts words it in any language). */
import type { ArchiveError, ErrorParams } from '../../../shared/result';
import { currentLanguage } from '../i18n/i18n';
import { errorWordsIn, fieldErrorWordsIn, problemWords } from './errorWording';

export function errorWords(error: ArchiveError | string): string {
  return errorWordsIn(currentLanguage(), error);
}

/** For an error shown beside its field: what is wrong, without the field's name. */
export function fieldErrorWords(error: ArchiveError): string {
  return fieldErrorWordsIn(currentLanguage(), error);
}

export function fieldProblemWords(params: ErrorParams): string {
  return problemWords(currentLanguage(), params);
}
