/**
 * Field errors: the service names the field of the first problem (`date`, `links.0.authorityId`;
 * under an update, `patch.date`), and the editor checks the whole form against the same contract
 * schema before sending, so all problems show at once. Both end up here, keyed by field path.
 */
import type { z } from 'zod';
import { issueParams } from '../../../shared/errors/zod';
import type { ArchiveError } from '../../../shared/result';
import { errorWords, fieldErrorWords, fieldProblemWords } from '../common/errorWords';

export type FieldErrors = Record<string, string>;

/** `patch.links.0.role` -> `links.0.role`: the editor's fields are the record's, wherever they travel. */
function formPath(field: string): string {
  return field.replace(/^patch\./, '');
}

/** Each field's first problem, in the interface language (shown beside the field, so without its name). */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = formPath(issue.path.map(String).join('.'));
    if (!(path in out)) out[path] = fieldProblemWords(issueParams(issue));
  }
  return out;
}

export function fieldErrorsFromService(error: ArchiveError): FieldErrors {
  if (!error.field) return { '': errorWords(error) };
  return { [formPath(error.field)]: fieldErrorWords(error) };
}

/** The error for a field, including those of its items (`languages.1` shows at `languages`). */
export function errorAt(errors: FieldErrors, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const inner = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return inner ? errors[inner] : undefined;
}
