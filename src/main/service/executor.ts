/**
 * Where handlers run. The service only needs `run(channel, input)`; the in-process executor
 * (CLI, tests) and the worker-thread executor (app, browser host) both provide it, with the
 * same outcome: a Result, never a thrown error.
 */
import os from 'node:os';
import { contract, type Channel } from '../../shared/contract';
import { ArchiveFailure, type Result } from '../../shared/result';
import type { CatalogueContext } from '../catalogue/context';
import type { PathRule } from '../files/path-rule';
import { openLibrary, type Library } from '../catalogue/library';
import { syncRecordText } from '../search/record-text';
import { handlers } from './handlers';

/**
 * Brings the derived full-text index of records up to the newest revision. A failure here (a full
 * disk) must not turn a write that has already committed into an error: the index stays behind
 * and the next write, or the next opening of the library, catches it up.
 */
function catchUpIndexes(ctx: CatalogueContext): void {
  try {
    syncRecordText(ctx);
  } catch (error) {
    // Only the disk's or another writer's refusals wait for the next catch-up; a bug is reported.
    if (!/^SQLITE_(FULL|IOERR|BUSY|LOCKED)/.test((error as { code?: string }).code ?? '')) throw error;
  }
}

export interface Executor {
  /** `rule`: the path rule of the door the request came through (absent: an in-process caller, any path). */
  run(channel: Channel, input: unknown, rule?: PathRule): Promise<Result<unknown>>;
  close(): Promise<void>;
}

export function actorName(door: string): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    /* no user database entry (containers): keep "unknown" */
  }
  return `${user} (${door})`;
}

/** Runs a handler and turns any failure into an error result; internal errors keep their message for the log. */
export function runHandler(ctx: CatalogueContext, channel: Channel, input: unknown): Result<unknown> {
  try {
    const handler = handlers[channel] as (ctx: CatalogueContext, input: unknown) => unknown;
    const value = handler(ctx, input);
    if (contract[channel].mutates) catchUpIndexes(ctx);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ArchiveFailure) return { ok: false, error: error.toError() };
    const message = error instanceof Error ? error.message : String(error);
    if (/SQLITE_CONSTRAINT/.test((error as { code?: string }).code ?? '')) {
      return { ok: false, error: { code: 'conflict', message: `the catalogue refused the change: ${message}` } };
    }
    if (/SQLITE_FULL/.test((error as { code?: string }).code ?? '')) {
      return { ok: false, error: { code: 'library', message: 'the disk holding the library is full: nothing was changed (free some space and try again)' } };
    }
    if (/SQLITE_(BUSY|LOCKED)/.test((error as { code?: string }).code ?? '')) {
      return { ok: false, error: { code: 'conflict', message: 'the catalogue is busy with another writer; try again' } };
    }
    return { ok: false, error: { code: 'internal', message: `internal error in ${channel}: ${message}` } };
  }
}

/** The context of one request: the executor's, with the request's path rule. */
export function withRule(ctx: CatalogueContext, rule: PathRule | undefined): CatalogueContext {
  return rule === undefined ? ctx : { ...ctx, pathRule: rule };
}

export function contextFor(library: Library, door: string): CatalogueContext {
  const ctx: CatalogueContext = { db: library.db, paths: library.paths, actor: actorName(door), now: () => new Date().toISOString() };
  // A library written by an older version (or left mid catch-up) gets its derived index completed.
  catchUpIndexes(ctx);
  return ctx;
}

export async function inProcessExecutor(libraryDir: string, door: string): Promise<Executor & { library: Library }> {
  const library = await openLibrary(libraryDir);
  const ctx = contextFor(library, door);
  return {
    library,
    run: async (channel, input, rule) => runHandler(withRule(ctx, rule), channel, input),
    close: async () => library.close(),
  };
}
