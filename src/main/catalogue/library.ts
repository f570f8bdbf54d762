/**
 * A library is a folder: catalogue.sqlite, files/, index/, backups/. Opening one checks, before
 * touching anything, that it is ours, not corrupt and not made by a newer version; only then is
 * it opened for writing, backed up and migrated.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ArchiveFailure, type Refusal } from '../../shared/result';
import { removeStaleTemps } from '../documents/store';
import { automaticBackup, copyCatalogue, type BackupOutcome } from './backups';
import { BUSY_DEADLINE_MS, BUSY_TIMEOUT_MS, inWriteTransaction, isBusy, withBusyRetry } from './busy';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

/** PRAGMA application_id of every Civic Archive catalogue ("CIVA"), so a foreign SQLite file is recognised. */
export const APPLICATION_ID = 0x43495641;
export const CATALOGUE_FILE = 'catalogue.sqlite';
const LIBRARY_FOLDERS = ['files', 'index', 'backups'] as const;
const CATALOGUE_NAMES = [CATALOGUE_FILE, `${CATALOGUE_FILE}-wal`, `${CATALOGUE_FILE}-shm`, `${CATALOGUE_FILE}-journal`];

export interface LibraryPaths {
  root: string;
  catalogue: string;
  files: string;
  index: string;
  backups: string;
}

export function libraryPaths(root: string): LibraryPaths {
  const abs = path.resolve(root);
  return {
    root: abs,
    catalogue: path.join(abs, CATALOGUE_FILE),
    files: path.join(abs, 'files'),
    index: path.join(abs, 'index'),
    backups: path.join(abs, 'backups'),
  };
}

export interface Library {
  db: Database.Database;
  paths: LibraryPaths;
  schemaVersion: number;
  /** Backup taken before migrating, if one was needed. */
  backup: string | null;
  /** The automatic rotating backup taken (or not, and why) on this open (catalogue/backups.ts). */
  autoBackup: BackupOutcome;
  close(): void;
}

const refuse = (...why: Refusal): never => {
  throw new ArchiveFailure('library', ...why);
};

/** True when the file starts with the SQLite magic; read as bytes, so a foreign file is never opened. */
function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === 'SQLite format 3\0';
  } finally {
    fs.closeSync(fd);
  }
}

interface Look {
  check: string;
  tables: number;
  userVersion: number;
  applicationId: number;
}

/**
 * Reads the catalogue's identity and runs quick_check through a read-only connection.
 *
 * user_version and application_id are read with PRAGMAs, not from the file's header bytes: in
 * WAL mode the newest header lives in the -wal file until a checkpoint, so while another
 * process (the app, the host) writes, the main file's header can be stale. Reading the bytes
 * made the CLI refuse a live library as "another application" (seen in CI).
 *
 * The -wal and -shm files this read may create are never deleted here: another process may have
 * opened the library meanwhile and be writing through them (deleting them lost acknowledged
 * records). SQLite removes them when the last connection closes; see `releaseSidecars` for a
 * refused library.
 */
function lookReadOnly(file: string): Look {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    const opened = db;
    // One read transaction, so all four come from one snapshot: read one by one, a version of 0
    // and the tables another process's first migration had just committed made a new library look foreign.
    return withBusyRetry(() =>
      opened.transaction(() => {
        const userVersion = Number(opened.pragma('user_version', { simple: true }));
        const applicationId = Number(opened.pragma('application_id', { simple: true }));
        const check = String(opened.pragma('quick_check', { simple: true }));
        const tables = (
          opened.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }
        ).n;
        return { check, tables, userVersion, applicationId };
      })(),
    );
  } catch (error) {
    // A catalogue still locked after the wait is busy, not corrupt: say so rather than refuse it as damaged.
    if (isBusy(error)) refuse('library_busy', { file, seconds: BUSY_DEADLINE_MS / 1000 });
    return { check: (error as Error).message, tables: 0, userVersion: 0, applicationId: 0 };
  } finally {
    db?.close();
  }
}

/**
 * After refusing a library whose -wal/-shm files did not exist before we looked: lets SQLite
 * remove the ones our read-only look created, so the folder is left as it was found. A read-only
 * connection cannot do it, so a read-write one is opened, reads, writes nothing and closes: on
 * closing, SQLite deletes the sidecars only if it can take the exclusive lock, that is only if no
 * other process has the catalogue open. Deleting them ourselves could pull them from under such a
 * process. Best effort: a corrupt or foreign file may not even open.
 */
function releaseSidecars(file: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 1_000 });
    db.pragma('schema_version');
  } catch {
    /* unreadable: whatever SQLite created stays, the catalogue itself is untouched */
  } finally {
    try {
      db?.close();
    } catch {
      /* as above */
    }
  }
}

/** Looks at an existing catalogue without writing to it; returns its schema version or refuses it. */
function inspectCatalogue(paths: LibraryPaths): number {
  const where = paths.catalogue;
  const stat = fs.statSync(where);
  if (!stat.isFile()) refuse('library_not_file', { path: where });
  // An empty file is an empty SQLite database: another process creating this library has just made it.
  if (stat.size === 0) return 0;
  if (!hasSqliteHeader(where)) refuse('library_corrupt', { path: where, check: '', backups: paths.backups });
  const hadSidecars = fs.existsSync(`${where}-wal`) || fs.existsSync(`${where}-shm`);
  const look = lookReadOnly(where);
  try {
    return identify(paths, look);
  } catch (error) {
    if (!hadSidecars) releaseSidecars(where);
    throw error;
  }
}

/** Refuses a catalogue that is damaged, another application's, or newer than this version; else returns its version. */
function identify(paths: LibraryPaths, look: Look): number {
  const where = paths.catalogue;
  if (look.check !== 'ok') refuse('library_corrupt', { path: where, check: look.check, backups: paths.backups });
  const foreign = () => refuse('library_not_ours', { path: where });
  if (look.applicationId !== APPLICATION_ID && !(look.applicationId === 0 && look.userVersion === 0)) foreign();
  if (look.userVersion > LATEST_VERSION) {
    refuse('library_newer', { root: paths.root, version: look.userVersion, latest: LATEST_VERSION });
  }
  // Version 0 without our id: only an empty database may become a catalogue.
  if (look.userVersion === 0 && look.tables > 0) foreign();
  return look.userVersion;
}

/** A folder with no catalogue may become a library only if it is empty or holds nothing but our folders. */
function checkNewLibraryFolder(paths: LibraryPaths): void {
  if (!fs.existsSync(paths.root)) return;
  const foreign = fs
    .readdirSync(paths.root)
    // The catalogue and its sidecars can appear meanwhile: another process is creating this library.
    .filter(
      (name) =>
        !(LIBRARY_FOLDERS as readonly string[]).includes(name) &&
        !CATALOGUE_NAMES.includes(name) &&
        name !== '.DS_Store',
    );
  if (foreign.length > 0) {
    refuse('library_folder_foreign', {
      root: paths.root,
      catalogue: CATALOGUE_FILE,
      files: `${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}`,
    });
  }
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function configure(db: Database.Database): void {
  // First, so that every statement below (switching to WAL needs a lock too) waits for other processes.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  withBusyRetry(() => {
    // SQLite answers with the mode it kept when it could not switch (another connection was reading in the old mode).
    const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
    if (mode !== 'wal')
      throw Object.assign(new Error(`the catalogue stayed in journal mode ${mode}`), { code: 'SQLITE_BUSY' });
  });
  db.pragma('foreign_keys = ON');
  // NORMAL would survive an app crash but may lose the last commits on power loss; an archive owes more.
  db.pragma('synchronous = FULL');
}

/** The identity as seen through the read-write connection (inside the write lock when it matters). */
function lookAt(db: Database.Database): Look {
  return {
    check: 'ok',
    tables: (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n,
    userVersion: Number(db.pragma('user_version', { simple: true })),
    applicationId: Number(db.pragma('application_id', { simple: true })),
  };
}

function hasLibraryId(db: Database.Database): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get() !== undefined &&
    readLibraryId(db) !== undefined
  );
}

/**
 * Brings the catalogue to the latest schema and gives it its identity, under the write lock:
 * two processes opening a new (or old) library at once must not both run the migrations. The
 * version is read again inside the lock; whoever comes second finds the work done. All the
 * migrations due run in that one transaction, so a failing one leaves the catalogue as it was.
 * Returns the version the catalogue was at when the lock was taken.
 */
function migrate(db: Database.Database, paths: LibraryPaths): number {
  // Nothing to do (the usual case): no write lock is taken, so opening never waits for a writer.
  const seen = lookAt(db);
  if (seen.userVersion === LATEST_VERSION && seen.applicationId === APPLICATION_ID && hasLibraryId(db))
    return LATEST_VERSION;
  return inWriteTransaction(db, () => {
    const look = lookAt(db);
    // Between the read-only look and now the file may have been made by someone else: check it again.
    const from = identify(paths, look);
    for (const migration of MIGRATIONS) {
      if (migration.version <= from) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      const fk = db.pragma('foreign_key_check') as unknown[];
      if (fk.length > 0) throw new Error(`migration ${migration.version} left ${fk.length} broken foreign keys`);
      const integrity = db.pragma('integrity_check', { simple: true }) as string;
      if (integrity !== 'ok')
        throw new Error(`migration ${migration.version} failed the integrity check: ${integrity}`);
    }
    libraryId(db);
    return from;
  });
}

export interface OpenOptions {
  /** Take the automatic rotating backup if one is due (default true; the benchmarks' generated libraries do not). */
  automaticBackup?: boolean;
}

export async function openLibrary(root: string, opts: OpenOptions = {}): Promise<Library> {
  const paths = libraryPaths(root);
  if (fs.existsSync(paths.root) && !fs.statSync(paths.root).isDirectory()) {
    refuse('library_is_file', { root: paths.root });
  }
  const exists = fs.existsSync(paths.catalogue);
  const version = exists ? inspectCatalogue(paths) : (checkNewLibraryFolder(paths), 0);

  try {
    fs.mkdirSync(paths.root, { recursive: true });
  } catch (error) {
    refuse('library_create_failed', { root: paths.root, detail: (error as Error).message });
  }
  const db = new Database(paths.catalogue, { timeout: BUSY_TIMEOUT_MS });
  let backup: string | null = null;
  try {
    configure(db);
    if (version > 0 && version < LATEST_VERSION) {
      // Taken before the lock (a copy takes a while and others may be waiting to write); kept only if it is of the old version.
      fs.mkdirSync(paths.backups, { recursive: true });
      const name = `catalogue-v${version}-before-migration-${stamp()}.sqlite`;
      // Under a temp name until complete: a copy cut short must never pass for a backup.
      const temp = path.join(paths.backups, `.${name}.incoming`);
      try {
        await copyCatalogue(db, temp);
        backup = path.join(paths.backups, name);
        fs.renameSync(temp, backup);
      } finally {
        fs.rmSync(temp, { force: true });
      }
    }
    const from = migrate(db, paths);
    if (backup && from !== version) {
      // Another process migrated it meanwhile (and kept its own copy from before): this one may be of the new schema.
      fs.rmSync(backup, { force: true });
      backup = null;
    }
    for (const folder of LIBRARY_FOLDERS) fs.mkdirSync(paths[folder], { recursive: true });
  } catch (error) {
    db.close();
    if (error instanceof ArchiveFailure) throw error;
    throw new ArchiveFailure('library', 'library_open_failed', { root: paths.root, detail: (error as Error).message });
  }
  // Temp copies left by an import that was killed mid-copy (never one still being written).
  removeStaleTemps(paths.files);
  // After the checks and migrations: an automatic copy never fails the open (a full disk is reported, not fatal).
  let autoBackup: BackupOutcome;
  try {
    autoBackup = !exists
      ? { skipped: 'empty' }
      : opts.automaticBackup === false
        ? { skipped: 'off' }
        : await automaticBackup(db, paths, { catalogueChecked: true });
  } catch (error) {
    autoBackup = { refused: (error as Error).message };
  }
  return {
    db,
    paths,
    schemaVersion: LATEST_VERSION,
    backup,
    autoBackup,
    close: () => {
      if (db.open) db.close();
    },
  };
}

function readLibraryId(db: Database.Database): string | undefined {
  return (db.prepare("SELECT value FROM settings WHERE key = 'library.id'").get() as { value: string } | undefined)
    ?.value;
}

/** The library's identity, so a search snapshot copied from another library is never taken for this one's. */
export function libraryId(db: Database.Database): string {
  const id = readLibraryId(db);
  if (id !== undefined || db.readonly) return id ?? 'unknown';
  // OR IGNORE and read back: when two processes give a new library its id at once, the first one's stays.
  withBusyRetry(() =>
    db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('library.id', ?)").run(randomUUID()),
  );
  return readLibraryId(db)!;
}
