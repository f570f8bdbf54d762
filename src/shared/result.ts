/**
 * Every door (IPC, browser host, CLI) answers with this envelope, so callers never have to
 * guess whether an exception crossed a process boundary intact.
 */
const ERROR_CODES = [
  'invalid_input', // the request itself is malformed: names the field
  'not_found',
  'conflict', // e.g. a reference code already used
  'in_use', // e.g. deleting a person still linked to records
  'library', // the library folder cannot be opened or is refused
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a request was refused, as a stable key a door can word in its own language (the English
 * `message` says the same for those that show it as it is). Only the refusals a caller acts on or
 * the interface translates carry one; `params` fills the wording (ids, revisions, names).
 */
export const ERROR_REASONS = [
  'stale_revision', // the record moved on since the revision the caller edited (params: id, expected, current)
  'record_exists', // a restore of a record that is there (params: id)
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];
export type ErrorParams = Record<string, string | number>;

export interface ArchiveError {
  code: ErrorCode;
  message: string;
  field?: string;
  reason?: ErrorReason;
  params?: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ArchiveError };

/** Thrown inside the service and turned into `{ ok: false }` at the edge. */
export class ArchiveFailure extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly reason: ErrorReason | undefined;
  readonly params: ErrorParams | undefined;
  constructor(code: ErrorCode, message: string, field?: string, why?: { reason: ErrorReason; params?: ErrorParams }) {
    super(message);
    this.name = 'ArchiveFailure';
    this.code = code;
    this.field = field;
    this.reason = why?.reason;
    this.params = why?.params;
  }
  toError(): ArchiveError {
    const error: ArchiveError = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    if (this.reason !== undefined) error.reason = this.reason;
    if (this.params !== undefined) error.params = this.params;
    return error;
  }
}

export function isArchiveError(value: unknown): value is ArchiveError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}
