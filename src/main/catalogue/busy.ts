/**
 * Waiting for the catalogue when another process writes to it. Any number of processes (the
 * app's catalogue worker, the browser host's, CLI runs) may open one library; SQLite lets one of
 * them write at a time, so a writer that finds the catalogue busy waits its turn instead of failing.
 *
 * Two layers: SQLite's own busy handler (busy_timeout, set on every connection) sleeps and retries
 * a statement that meets a lock; and, for the cases SQLite answers SQLITE_BUSY without calling the
 * handler (a deferred transaction whose snapshot went stale, a WAL being recovered) or once the
 * handler gives up, `withBusyRetry` runs the whole step again after a growing, jittered pause,
 * until `BUSY_DEADLINE_MS` has passed.
 *
 * The waits are synchronous on purpose: handlers are synchronous (they run in the catalogue worker
 * thread, or in a CLI process that has nothing else to do), and SQLite's own handler sleeps the
 * same way.
 */
import type Database from 'better-sqlite3';

/** How long one statement waits in SQLite's busy handler before answering SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 20_000;
/** How long a write waits in all before it is refused as busy ("tens of seconds"). */
export const BUSY_DEADLINE_MS = 60_000;

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT). */
export function isBusy(error: unknown): boolean {
  return /^SQLITE_BUSY/.test((error as { code?: unknown } | null)?.code?.toString() ?? '');
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread for `ms` (Atomics.wait is allowed on Node's main thread and in workers). */
function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Runs `step` and, while it fails with SQLITE_BUSY, runs it again after a pause (10 ms doubling to
 * 1 s, with jitter so that a crowd of waiting processes does not retry in lockstep). Only for
 * steps that are safe to run again: one that failed busy changed nothing.
 */
export function withBusyRetry<T>(step: () => T, deadlineMs = BUSY_DEADLINE_MS): T {
  const until = Date.now() + deadlineMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 1_000)) {
    try {
      return step();
    } catch (error) {
      if (!isBusy(error) || Date.now() + pause > until) throw error;
      sleepSync(pause / 2 + Math.random() * pause);
    }
  }
}

/**
 * Runs `fn` in a write transaction taken with BEGIN IMMEDIATE, so the write lock is held from the
 * start. better-sqlite3's `db.transaction()` is BEGIN DEFERRED: a transaction that reads and then
 * writes takes the lock only at its first write, and if another process committed after its
 * first read SQLite answers SQLITE_BUSY_SNAPSHOT at once, without waiting. Transactions opened
 * inside `fn` with `db.transaction()` become savepoints of this one.
 *
 * Only the BEGIN is retried: once it succeeds this connection holds the write lock, and `fn`
 * runs exactly once (an error in it rolls everything back and is thrown).
 */
export function inWriteTransaction<T>(db: Database.Database, fn: () => T, deadlineMs = BUSY_DEADLINE_MS): T {
  if (db.inTransaction) return fn();
  withBusyRetry(() => db.exec('BEGIN IMMEDIATE'), deadlineMs);
  try {
    const value = fn();
    db.exec('COMMIT');
    return value;
  } catch (error) {
    // SQLite may already have rolled back on its own (SQLITE_FULL, IOERR); then there is nothing to undo.
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
