import type { ArchiveError } from '../../../shared/result';
import { useT } from '../i18n/i18n';
import { errorWords } from './errorWords';

/** A failure shown as text in the interface language (errorWords.ts), announced to assistive technology. */
export function ErrorText({ error, prefix }: { error: ArchiveError | string | null | undefined; prefix?: string }) {
  // Subscribes to the language: a switch re-words the error shown.
  useT('errors');
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {prefix ? `${prefix}: ` : ''}
      {errorWords(error)}
    </p>
  );
}
