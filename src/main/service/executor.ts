/**
 * Where handlers run. The service only needs `run(channel, input)`; the in-process executor
 * (CLI, tests) and the worker-thread executor (app, browser host) both provide it, with the
 * same outcome: a Result, never a thrown error.
 */
import os from 'node:os';
import { contract, type Channel } from '../../shared/contract';
import { ArchiveFailure, archiveError, type Result } from '../../shared/result';
import type { CatalogueContext } from '../catalogue/context';
import type { PathRule } from '../documents/path-rule';
import { openLibrary, type Library } from '../catalogue/library';
import { BUSY_DEADLINE_MS, inWriteTransaction, isBusy, withBusyRetry } from '../catalogue/busy';
import { forgetUnregistered } from '../documents/file-records';
import { recordTextBehind, syncRecordText } from '../search/record-text';
import { handlers } from './handlers';

/** The disk's refusals: the derived index waits for the next catch-up rather than failing a write. */
const DISK_REFUSAL = /^SQLITE_(FULL|IOERR)/;

/**
 * Brings the derived full-text index of records up to the newest revision, inside a write's own
 * transaction (as a savepoint), so that the index and the records it derives from commit together.
 * A full disk here must not turn the write into an error: the savepoint is undone, the index stays
 * behind and the next write, or the next opening of the library, catches it up. (Should SQLite have
 * rolled the whole transaction back on its own, the error goes up: nothing was written.)
 */
function catchUpInWrite(ctx: CatalogueContext): void {
  try {
    ctx.db.transaction(() => syncRecordText(ctx))();
  } catch (error) {
    if (!ctx.db.inTransaction || !DISK_REFUSAL.test((error as { code?: string }).code ?? '')) throw error;
  }
}

/** When a library opens: a catalogue written by an older version (or left mid catch-up) gets its index completed. */
function catchUpOnOpen(ctx: CatalogueContext): void {
  try {
    // The write lock only when there is something to do: opening to read never waits for a writer.
    if (recordTextBehind(ctx)) inWriteTransaction(ctx.db, () => syncRecordText(ctx));
  } catch (error) {
    // Only the disk's refusals, or a writer that held the catalogue past the wait, leave it for the next catch-up.
    if (!DISK_REFUSAL.test((error as { code?: string }).code ?? '') && !isBusy(error)) throw error;
  }
}

export interface Executor {
  /** `rule`: the path rule of the door the request came through (absent: an in-process caller, any path). */
  run(channel: Channel, input: unknown, rule?: PathRule): Promise<Result<unknown>>;
  close(): Promise<void>;
}

function actorName(door: string): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    /* no user database entry (containers): keep "unknown" */
  }
  return `${user} (${door})`;
}

/**
 * Channels marked mutating that only read the catalogue: exportBag reads it while it copies every
 * stored file out to a folder. Holding the write lock meanwhile would keep every other process
 * from writing for as long as the copy takes; a read transaction gives the same consistent view
 * of the records without blocking anyone (in WAL mode readers never wait for writers).
 */
const READ_ONLY_IN_CATALOGUE: ReadonlySet<Channel> = new Set<Channel>(['exportBag']);

/**
 * Runs one handler. A mutating one runs in a single write transaction taken with BEGIN IMMEDIATE
 * (waiting, with a busy timeout and then retries with backoff, while another process writes), its
 * nested transactions becoming savepoints: one request, one commit, never a stale snapshot. A
 * reading one that meets SQLITE_BUSY (a WAL being recovered, a busy timeout run out) is run again
 * after a pause: reading twice changes nothing.
 */
function execute(ctx: CatalogueContext, channel: Channel, input: unknown): unknown {
  const handler = handlers[channel] as (ctx: CatalogueContext, input: unknown) => unknown;
  if (!contract[channel].mutates) return withBusyRetry(() => handler(ctx, input));
  if (READ_ONLY_IN_CATALOGUE.has(channel))
    return withBusyRetry(() => ctx.db.transaction(() => handler(ctx, input)).deferred());
  try {
    return inWriteTransaction(ctx.db, () => {
      const value = handler(ctx, input);
      catchUpInWrite(ctx);
      return value;
    });
  } catch (error) {
    // registerImport's file is on disk before its row: a request that failed after the handler had
    // succeeded (the catch-up writes or the commit, on a full disk) must not leave it behind.
    if (channel === 'registerImport') forgetUnregistered(ctx, (input as { sha256: string }).sha256);
    throw error;
  }
}

/** Runs a handler and turns any failure into an error result; internal errors keep their message for the log. */
export function runHandler(ctx: CatalogueContext, channel: Channel, input: unknown): Result<unknown> {
  try {
    return { ok: true, value: execute(ctx, channel, input) };
  } catch (error) {
    if (error instanceof ArchiveFailure) return { ok: false, error: error.toError() };
    const message = error instanceof Error ? error.message : String(error);
    if (/SQLITE_CONSTRAINT/.test((error as { code?: string }).code ?? '')) {
      return { ok: false, error: archiveError('conflict', 'catalogue_refused', { detail: message }) };
    }
    if (/SQLITE_FULL/.test((error as { code?: string }).code ?? '')) {
      return {
        ok: false,
        error: archiveError('library', 'disk_full', { name: '' }),
      };
    }
    if (isBusy(error)) {
      return {
        ok: false,
        error: archiveError('conflict', 'catalogue_busy', { seconds: BUSY_DEADLINE_MS / 1000 }),
      };
    }
    if (/SQLITE_LOCKED/.test((error as { code?: string }).code ?? '')) {
      return {
        ok: false,
        error: archiveError('conflict', 'catalogue_locked', {}),
      };
    }
    return {
      ok: false,
      error: archiveError('internal', 'internal', { detail: `internal error in ${channel}: ${message}` }),
    };
  }
}

/** The context of one request: the executor's, with the request's path rule. */
export function withRule(ctx: CatalogueContext, rule: PathRule | undefined): CatalogueContext {
  return rule === undefined ? ctx : { ...ctx, pathRule: rule };
}

export function contextFor(library: Library, door: string): CatalogueContext {
  const ctx: CatalogueContext = {
    db: library.db,
    paths: library.paths,
    actor: actorName(door),
    now: () => new Date().toISOString(),
  };
  catchUpOnOpen(ctx);
  return ctx;
}

export async function inProcessExecutor(libraryDir: string, door: string): Promise<Executor & { library: Library }> {
  const library = await openLibrary(libraryDir);
  const ctx = contextFor(library, door);
  return {
    library,
    run: (channel, input, rule) => Promise.resolve(runHandler(withRule(ctx, rule), channel, input)),
    close: () => Promise.resolve(library.close()),
  };
}
