/**
 * Automatic rotating backups of the catalogue: when a library is opened, if the catalogue changed
 * since the latest automatic copy and that copy is a day old (or there is none), an online copy
 * (SQLite's backup API: consistent while the library is in use) is written to
 * backups/auto-<time>-r<revision>.sqlite and only the newest N automatic copies are kept (N is the
 * library setting `backup.keep`, default 7; 0 turns them off).
 *
 * Only files named auto-… are ever rotated: copies taken before a migration
 * (catalogue-v…-before-migration-…) and anything put in backups/ by hand are never deleted. A
 * catalogue that fails quick_check is never copied (a damaged copy would push a good one out of the
 * rotation), and neither is a copy that fails it: the good older copies stay.
 *
 * Several processes may open one library at the same moment: a copy is taken under a lock
 * (backups/.auto-backup.lock), at most one per revision, and is written as .auto-….incoming,
 * checked, then renamed; a copy is a plain SQLite file (no -wal/-shm beside it).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ArchiveFailure } from '../../shared/result';
import type { LibraryPaths } from './library';
import { isBusy } from './busy';
import { sql } from './statements';

const BACKUP_KEEP_KEY = 'backup.keep';
const DEFAULT_BACKUPS_KEPT = 7;
const MAX_BACKUPS_KEPT = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** auto-2026-11-29T08-07-00-000Z-r1234.sqlite */
const AUTO_NAME = /^auto-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-r(\d+)\.sqlite$/;

export interface AutomaticBackup {
  file: string;
  /** When it was taken (from its name). */
  at: Date;
  revision: number;
}

export type BackupOutcome =
  | { made: string; removed: string[] }
  | { skipped: 'off' | 'unchanged' | 'recent' | 'empty' | 'busy' }
  | { refused: string };

export function backupsKept(db: Database.Database): number {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(BACKUP_KEEP_KEY) as { value: string } | undefined;
  const n = row ? Number(row.value) : DEFAULT_BACKUPS_KEPT;
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_BACKUPS_KEPT ? n : DEFAULT_BACKUPS_KEPT;
}

/** Sets how many automatic copies are kept (null: back to the default); rotates at the next backup. */
export function setBackupsKept(db: Database.Database, keep: number | null): void {
  if (keep !== null && (!Number.isSafeInteger(keep) || keep < 0 || keep > MAX_BACKUPS_KEPT)) {
    throw new ArchiveFailure('invalid_input', 'backups_kept_range', { max: MAX_BACKUPS_KEPT }, 'backupsKept');
  }
  if (keep === null) sql(db, 'DELETE FROM settings WHERE key = ?').run(BACKUP_KEEP_KEY);
  else
    sql(
      db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(BACKUP_KEEP_KEY, String(keep));
}

/** The automatic copies in backups/, newest first. */
export function automaticBackups(backupsDir: string): AutomaticBackup[] {
  if (!fs.existsSync(backupsDir)) return [];
  const out: AutomaticBackup[] = [];
  for (const name of fs.readdirSync(backupsDir)) {
    const m = AUTO_NAME.exec(name);
    if (!m) continue;
    const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
    if (Number.isNaN(at.getTime())) continue;
    out.push({ file: path.join(backupsDir, name), at, revision: Number(m[6]) });
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime() || b.file.localeCompare(a.file));
}

/** "ok", or the first problems quick_check found, on one line. */
function quickCheck(db: Database.Database): string {
  try {
    const rows = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    if (rows.length === 1 && rows[0] === 'ok') return 'ok';
    return rows
      .join('\n')
      .split('\n')
      .filter((l) => l && !l.startsWith('***'))
      .slice(0, 3)
      .join('; ');
  } catch (error) {
    return (error as Error).message;
  }
}

/** Held (an SQLite write lock on this empty file) while an automatic copy is taken; never deleted. */
export const BACKUP_LOCK_FILE = '.auto-backup.lock';
/**
 * What an automatic copy in progress is called until it is checked: .auto-<time>.sqlite.incoming
 * (and a journal SQLite may leave beside it). Only these are cleared under the lock: a copy taken
 * before a migration (.catalogue-v….incoming) is made outside it, possibly right now.
 */
const INCOMING = /^\.auto-.*\.incoming(-journal|-wal|-shm)?$/;

/**
 * Takes the backup lock, or answers null at once when another process (or connection) holds it.
 * It is an SQLite lock, not a lock file that is created and deleted: the operating system drops
 * it when its holder dies, so a crash never leaves a stale lock to detect, and no file is ever
 * deleted from under another process. journal_mode MEMORY: holding it writes no journal file.
 */
function takeBackupLock(backupsDir: string): { release(): void } | null {
  fs.mkdirSync(backupsDir, { recursive: true });
  const lock = new Database(path.join(backupsDir, BACKUP_LOCK_FILE), { timeout: 0 });
  try {
    lock.pragma('journal_mode = MEMORY');
    lock.exec('BEGIN IMMEDIATE');
  } catch (error) {
    lock.close();
    if (isBusy(error)) return null;
    throw error;
  }
  return {
    release: () => {
      try {
        lock.exec('ROLLBACK');
      } finally {
        lock.close();
      }
    },
  };
}

/**
 * A copy of the catalogue through SQLite's backup API (consistent while others write), made a
 * self-contained file: the copy keeps the source's WAL flag in its header, so opening it would
 * create -wal/-shm files beside it; it is switched to a rollback journal before it is closed.
 */
export async function copyCatalogue(db: Database.Database, target: string): Promise<void> {
  // All the pages in one step: a copy taken in steps starts over whenever another process writes
  // between two of them, and with several processes writing it might never finish.
  await db.backup(target, { progress: () => 0x7fffffff });
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  // On the disk before anyone relies on it (a migration that follows, or the rotation removing an older copy).
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function catalogueRevision(db: Database.Database): number {
  return (sql(db, 'SELECT coalesce(max(revision), 0) AS r FROM changes').get() as { r: number }).r;
}

/**
 * The automatic copies to delete so that `keep` remain: the newest copy of each of the `keep`
 * newest revisions stays. Two copies of one revision hold the same catalogue, so the older one
 * never counts toward `keep` (duplicates made by processes racing, before the lock, must not push
 * a copy of another revision out).
 */
export function rotation(autos: AutomaticBackup[], keep: number): AutomaticBackup[] {
  const kept = new Set<number>();
  const out: AutomaticBackup[] = [];
  for (const copy of autos) {
    if (!kept.has(copy.revision) && kept.size < keep) kept.add(copy.revision);
    else out.push(copy);
  }
  return out;
}

/**
 * Takes an automatic copy if one is due, then keeps only the newest `keep` automatic copies.
 * `force` skips the once-a-day rule (the copy is still skipped when nothing changed);
 * `catalogueChecked`: quick_check has just passed on this catalogue (opening a library runs it), so
 * only the copy is checked — at 100,000 records each check reads a gigabyte.
 *
 * Any number of processes may open a library at once: the copy is taken under the backup lock,
 * and whether one is due is decided again once the lock is held, so each revision is copied once.
 * A process that finds the lock held skips (`busy`): the holder is taking the copy.
 */
export async function automaticBackup(
  db: Database.Database,
  paths: Pick<LibraryPaths, 'backups'>,
  opts: { now?: Date; keep?: number; force?: boolean; catalogueChecked?: boolean } = {},
): Promise<BackupOutcome> {
  const keep = opts.keep ?? backupsKept(db);
  if (keep === 0) return { skipped: 'off' };
  const now = opts.now ?? new Date();
  const due = (): BackupOutcome | null => {
    const revision = catalogueRevision(db);
    if (revision === 0) return { skipped: 'empty' };
    const latest = automaticBackups(paths.backups)[0];
    if (latest && latest.revision === revision) return { skipped: 'unchanged' };
    if (latest && !opts.force && now.getTime() - latest.at.getTime() < DAY_MS) return { skipped: 'recent' };
    return null;
  };
  // Decided first without the lock, so that opening a library with nothing to copy writes nothing into backups/.
  const notDue = due();
  if (notDue) return notDue;
  const check = opts.catalogueChecked ? 'ok' : quickCheck(db);
  if (check !== 'ok')
    return {
      refused: `the catalogue fails SQLite's quick_check (${check}): no automatic backup was taken, the older ones are kept`,
    };
  let lock: { release(): void } | null;
  try {
    lock = takeBackupLock(paths.backups);
  } catch (error) {
    return { refused: `no automatic backup could be written to ${paths.backups}: ${(error as Error).message}` };
  }
  if (!lock) return { skipped: 'busy' };
  try {
    // Under the lock no copy is in progress: whatever a killed copy left is removed.
    for (const name of fs.readdirSync(paths.backups))
      if (INCOMING.test(name)) fs.rmSync(path.join(paths.backups, name), { force: true });
    const stillNotDue = due();
    if (stillNotDue) return stillNotDue;
    return await takeCopy(db, paths.backups, now, keep);
  } finally {
    lock.release();
  }
}

async function takeCopy(db: Database.Database, backupsDir: string, now: Date, keep: number): Promise<BackupOutcome> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const temp = path.join(backupsDir, `.auto-${stamp}.sqlite.incoming`);
  let file: string;
  try {
    await copyCatalogue(db, temp);
    const copy = new Database(temp, { readonly: true, fileMustExist: true });
    let copyCheck: string;
    let revision: number;
    try {
      copyCheck = quickCheck(copy);
      // Named after the revision it holds, read from the copy: others may have written since `due` looked.
      revision = copyCheck === 'ok' ? catalogueRevision(copy) : 0;
    } finally {
      copy.close();
    }
    if (copyCheck !== 'ok')
      return {
        refused: `the copy failed SQLite's quick_check (${copyCheck}): it was discarded, the older backups are kept`,
      };
    if (automaticBackups(backupsDir).some((b) => b.revision === revision)) return { skipped: 'unchanged' };
    file = path.join(backupsDir, `auto-${stamp}-r${revision}.sqlite`);
    fs.renameSync(temp, file);
  } catch (error) {
    return { refused: `no automatic backup could be written to ${backupsDir}: ${(error as Error).message}` };
  } finally {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
  }
  const removed: string[] = [];
  for (const old of rotation(automaticBackups(backupsDir), keep)) {
    fs.rmSync(old.file, { force: true });
    removed.push(old.file);
  }
  return { made: file, removed };
}
