/**
 * Field errors: the service names the field of the first problem (`date`, `links.0.authorityId`;
 * under an update, `patch.date`), and the editor checks the whole form against the same contract
 * schema before sending, so all problems show at once. Both end up here, keyed by field path.
 */
import type { z } from 'zod';
import type { ArchiveError } from '../../../shared/result';

export type FieldErrors = Record<string, string>;

/** `patch.links.0.role` -> `links.0.role`: the editor's fields are the record's, wherever they travel. */
function formPath(field: string): string {
  return field.replace(/^patch\./, '');
}

/** The message without its "field: " prefix, since it is shown beside that field. */
function bare(message: string, field: string): string {
  for (const prefix of [`${field}: `, `patch.${field}: `]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  }
  return message;
}

/** `words` says an issue in the interface language (zod-messages.ts); by default, the schema's own message. */
export function fieldErrorsFromZod(
  error: z.ZodError,
  words: (issue: z.core.$ZodIssue) => string = (issue) => issue.message,
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = formPath(issue.path.map(String).join('.'));
    if (!(path in out)) out[path] = words(issue);
  }
  return out;
}

export function fieldErrorsFromService(error: ArchiveError): FieldErrors {
  if (!error.field) return { '': error.message };
  const path = formPath(error.field);
  return { [path]: bare(error.message, path) };
}

/** The error for a field, including those of its items (`languages.1` shows at `languages`). */
export function errorAt(errors: FieldErrors, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const inner = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return inner ? errors[inner] : undefined;
}
