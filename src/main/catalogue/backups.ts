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
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ArchiveFailure } from '../../shared/result';
import type { LibraryPaths } from './library';
import { sql } from './statements';

export const BACKUP_KEEP_KEY = 'backup.keep';
export const DEFAULT_BACKUPS_KEPT = 7;
export const MAX_BACKUPS_KEPT = 365;
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
  | { skipped: 'off' | 'unchanged' | 'recent' | 'empty' }
  | { refused: string };

export function backupsKept(db: Database.Database): number {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(BACKUP_KEEP_KEY) as { value: string } | undefined;
  const n = row ? Number(row.value) : DEFAULT_BACKUPS_KEPT;
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_BACKUPS_KEPT ? n : DEFAULT_BACKUPS_KEPT;
}

/** Sets how many automatic copies are kept (null: back to the default); rotates at the next backup. */
export function setBackupsKept(db: Database.Database, keep: number | null): void {
  if (keep !== null && (!Number.isSafeInteger(keep) || keep < 0 || keep > MAX_BACKUPS_KEPT)) {
    throw new ArchiveFailure('invalid_input', `keep between 0 (no automatic backups) and ${MAX_BACKUPS_KEPT} copies`, 'backupsKept');
  }
  if (keep === null) sql(db, 'DELETE FROM settings WHERE key = ?').run(BACKUP_KEEP_KEY);
  else sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(BACKUP_KEEP_KEY, String(keep));
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
    return rows.join('\n').split('\n').filter((l) => l && !l.startsWith('***')).slice(0, 3).join('; ');
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Takes an automatic copy if one is due, then keeps only the newest `keep` automatic copies.
 * `force` skips the once-a-day rule (the copy is still skipped when nothing changed);
 * `catalogueChecked`: quick_check has just passed on this catalogue (opening a library runs it), so
 * only the copy is checked — at 100,000 records each check reads a gigabyte.
 */
export async function automaticBackup(
  db: Database.Database,
  paths: Pick<LibraryPaths, 'backups'>,
  opts: { now?: Date; keep?: number; force?: boolean; catalogueChecked?: boolean } = {},
): Promise<BackupOutcome> {
  const keep = opts.keep ?? backupsKept(db);
  if (keep === 0) return { skipped: 'off' };
  const now = opts.now ?? new Date();
  const revision = (sql(db, 'SELECT coalesce(max(revision), 0) AS r FROM changes').get() as { r: number }).r;
  if (revision === 0) return { skipped: 'empty' };
  const existing = automaticBackups(paths.backups);
  const latest = existing[0];
  if (latest && latest.revision === revision) return { skipped: 'unchanged' };
  if (latest && !opts.force && now.getTime() - latest.at.getTime() < DAY_MS) return { skipped: 'recent' };

  const check = opts.catalogueChecked ? 'ok' : quickCheck(db);
  if (check !== 'ok') return { refused: `the catalogue fails SQLite's quick_check (${check}): no automatic backup was taken, the older ones are kept` };
  fs.mkdirSync(paths.backups, { recursive: true });
  const name = `auto-${now.toISOString().replace(/[:.]/g, '-')}-r${revision}.sqlite`;
  const file = path.join(paths.backups, name);
  const temp = path.join(paths.backups, `.${name}.incoming`);
  try {
    // Larger steps than the default 100 pages: the copy is taken while opening, nothing else waits on it.
    await db.backup(temp, { progress: () => 4_096 });
    const copy = new Database(temp, { readonly: true, fileMustExist: true });
    let copyCheck: string;
    try {
      copyCheck = quickCheck(copy);
    } finally {
      copy.close();
    }
    if (copyCheck !== 'ok') return { refused: `the copy failed SQLite's quick_check (${copyCheck}): it was discarded, the older backups are kept` };
    const fd = fs.openSync(temp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, file);
  } catch (error) {
    return { refused: `no automatic backup could be written to ${paths.backups}: ${(error as Error).message}` };
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const removed: string[] = [];
  for (const old of automaticBackups(paths.backups).slice(keep)) {
    fs.rmSync(old.file, { force: true });
    removed.push(old.file);
  }
  return { made: file, removed };
}
