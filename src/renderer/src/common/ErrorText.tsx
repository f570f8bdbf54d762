import type { ArchiveError } from '../../../shared/result';

/** A failure shown as text, announced to assistive technology. */
export function ErrorText({ error, prefix }: { error: ArchiveError | string | null | undefined; prefix?: string }) {
  if (!error) return null;
  const message = typeof error === 'string' ? error : error.message;
  return (
    <p className="error" role="alert">
      {prefix ? `${prefix}: ` : ''}
      {message}
    </p>
  );
}
