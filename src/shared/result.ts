import { englishFor } from './errors/en';
import type { ErrorReason, ReasonParams } from './errors/reasons';

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
 * Why a request was refused, as a stable key each door words in its own language (the English
 * `message` is the same reason worded by src/shared/errors/en.ts, for logs and callers that show it
 * as it is); `params` fills the wording (ids, revisions, names, field keys). Every refusal made in
 * the main process carries one; errors the renderer makes itself (already in its language) do not.
 */
export type { ErrorReason } from './errors/reasons';
export type ErrorParams = Record<string, string | number>;

export interface ArchiveError {
  code: ErrorCode;
  message: string;
  field?: string;
  reason?: ErrorReason;
  params?: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ArchiveError };

/** A reason with its own params, and the field it concerns: the arguments of every refusal. */
export type Refusal = {
  [R in ErrorReason]: [reason: R, params: ReasonParams[R], field?: string];
}[ErrorReason];

/** Params as they travel: the ones a wording leaves out (undefined) are not sent. */
function wireParams(params: object): ErrorParams {
  const out: ErrorParams = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/** An error envelope made in the main process outside a handler (a door, the executor): worded like ArchiveFailure. */
export function archiveError(code: ErrorCode, ...[reason, params, field]: Refusal): ArchiveError {
  const error: ArchiveError = {
    code,
    message: englishFor(reason, params as never),
    reason,
    params: wireParams(params),
  };
  if (field !== undefined) error.field = field;
  return error;
}

/**
 * Thrown inside the service and turned into `{ ok: false }` at the edge. It takes the reason and
 * its params, never the words: the English message comes from the one wording table.
 */
export class ArchiveFailure extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly reason: ErrorReason;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, ...why: Refusal) {
    const [reason, params, field] = why;
    super(englishFor(reason, params as never));
    this.name = 'ArchiveFailure';
    this.code = code;
    this.field = field;
    this.reason = reason;
    this.params = wireParams(params);
  }
  /** An envelope that came back from the service, thrown on (the CLI, the job runner): the same reason and words. */
  static from(error: ArchiveError): ArchiveFailure {
    const failure = new ArchiveFailure(error.code, 'internal', { detail: error.message }, error.field);
    if (error.reason !== undefined) {
      Object.assign(failure, { reason: error.reason, params: error.params ?? {} });
    }
    return failure;
  }
  toError(): ArchiveError {
    const error: ArchiveError = { code: this.code, message: this.message, reason: this.reason, params: this.params };
    if (this.field !== undefined) error.field = this.field;
    return error;
  }
}

export function isArchiveError(value: unknown): value is ArchiveError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}
