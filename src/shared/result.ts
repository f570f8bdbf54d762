/**
 * Every door (IPC, browser host, CLI) answers with this envelope, so callers never have to
 * guess whether an exception crossed a process boundary intact.
 */
export const ERROR_CODES = [
  'invalid_input', // the request itself is malformed: names the field
  'not_found',
  'conflict', // e.g. a reference code already used
  'in_use', // e.g. deleting a person still linked to records
  'library', // the library folder cannot be opened or is refused
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ArchiveError {
  code: ErrorCode;
  message: string;
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ArchiveError };

/** Thrown inside the service and turned into `{ ok: false }` at the edge. */
export class ArchiveFailure extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ArchiveFailure';
    this.code = code;
    this.field = field;
  }
  toError(): ArchiveError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function isArchiveError(value: unknown): value is ArchiveError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}
