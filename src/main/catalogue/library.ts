/**
 * A library is a folder: catalogue.sqlite, files/, index/, backups/. Opening one checks, before
 * touching anything, that it is ours, not corrupt and not made by a newer version; only then is
 * it opened for writing, backed up and migrated.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ArchiveFailure } from '../../shared/result';
import { removeStaleTemps } from '../documents/store';
import { automaticBackup, type BackupOutcome } from './backups';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

/** PRAGMA application_id of every Civic Archive catalogue ("CIVA"), so a foreign SQLite file is recognised. */
export const APPLICATION_ID = 0x43495641;
export const CATALOGUE_FILE = 'catalogue.sqlite';
const LIBRARY_FOLDERS = ['files', 'index', 'backups'] as const;

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

const refuse = (message: string): never => {
  throw new ArchiveFailure('library', message);
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
 * Reads the catalogue's identity and runs quick_check through a read-only connection; removes
 * the -wal/-shm files such a read creates, so a refused library is left exactly as found.
 *
 * user_version and application_id are read with PRAGMAs, not from the file's header bytes: in
 * WAL mode the newest header lives in the -wal file until a checkpoint, so while another
 * process (the app, the host) writes, the main file's header can be stale. Reading the bytes
 * made the CLI refuse a live library as "another application" (seen in CI).
 */
function lookReadOnly(file: string): Look {
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const userVersion = Number(db.pragma('user_version', { simple: true }));
    const applicationId = Number(db.pragma('application_id', { simple: true }));
    const check = String(db.pragma('quick_check', { simple: true }));
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    return { check, tables, userVersion, applicationId };
  } catch (error) {
    return { check: (error as Error).message, tables: 0, userVersion: 0, applicationId: 0 };
  } finally {
    db?.close();
    for (const f of sidecars) {
      if (fs.existsSync(f) && (f.endsWith('-shm') || fs.statSync(f).size === 0)) fs.rmSync(f);
    }
  }
}

/** Looks at an existing catalogue without writing to it; returns its schema version or refuses it. */
function inspectCatalogue(paths: LibraryPaths): number {
  const where = paths.catalogue;
  if (!fs.statSync(where).isFile()) refuse(`${where} is not a file`);
  const restore = `It was left untouched; restore the latest copy from ${paths.backups}.`;
  if (!hasSqliteHeader(where)) refuse(`${where} is corrupt or not a catalogue (no SQLite header). ${restore}`);
  const look = lookReadOnly(where);
  if (look.check !== 'ok') refuse(`${where} is corrupt (${look.check}). ${restore}`);
  const foreign = `${where} is an SQLite database of another application, not a Civic Archive catalogue; it was left untouched`;
  if (look.applicationId !== APPLICATION_ID && !(look.applicationId === 0 && look.userVersion === 0)) refuse(foreign);
  if (look.userVersion > LATEST_VERSION) {
    refuse(
      `${paths.root} was made by a newer version of Civic Archive (catalogue schema ${look.userVersion}; this version knows up to ${LATEST_VERSION}). Update the app to open it; the library was left untouched.`,
    );
  }
  // Version 0 without our id: only an empty database may become a catalogue.
  if (look.userVersion === 0 && look.tables > 0) refuse(foreign);
  return look.userVersion;
}

/** A folder with no catalogue may become a library only if it is empty or holds nothing but our folders. */
function checkNewLibraryFolder(paths: LibraryPaths): void {
  if (!fs.existsSync(paths.root)) return;
  const foreign = fs
    .readdirSync(paths.root)
    .filter((name) => !(LIBRARY_FOLDERS as readonly string[]).includes(name) && name !== '.DS_Store');
  if (foreign.length > 0) {
    refuse(
      `${paths.root} is not a Civic Archive library: it has no ${CATALOGUE_FILE} and already holds other files (${foreign
        .slice(0, 3)
        .join(', ')}${foreign.length > 3 ? ', …' : ''}). Choose an empty folder or an existing library.`,
    );
  }
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // NORMAL would survive an app crash but may lose the last commits on power loss; an archive owes more.
  db.pragma('synchronous = FULL');
}

function migrate(db: Database.Database, from: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      const fk = db.pragma('foreign_key_check') as unknown[];
      if (fk.length > 0) throw new Error(`migration ${migration.version} left ${fk.length} broken foreign keys`);
      const integrity = db.pragma('integrity_check', { simple: true }) as string;
      if (integrity !== 'ok') throw new Error(`migration ${migration.version} failed the integrity check: ${integrity}`);
    })();
  }
}

export interface OpenOptions {
  /** Take the automatic rotating backup if one is due (default true; the benchmarks' generated libraries do not). */
  automaticBackup?: boolean;
}

export async function openLibrary(root: string, opts: OpenOptions = {}): Promise<Library> {
  const paths = libraryPaths(root);
  if (fs.existsSync(paths.root) && !fs.statSync(paths.root).isDirectory()) {
    refuse(`${paths.root} is a file, not a library folder`);
  }
  const exists = fs.existsSync(paths.catalogue);
  const version = exists ? inspectCatalogue(paths) : (checkNewLibraryFolder(paths), 0);

  try {
    fs.mkdirSync(paths.root, { recursive: true });
  } catch (error) {
    refuse(`cannot create the library folder ${paths.root}: ${(error as Error).message}`);
  }
  const db = new Database(paths.catalogue);
  let backup: string | null = null;
  try {
    configure(db);
    if (version > 0 && version < LATEST_VERSION) {
      fs.mkdirSync(paths.backups, { recursive: true });
      backup = path.join(paths.backups, `catalogue-v${version}-before-migration-${stamp()}.sqlite`);
      await db.backup(backup);
    }
    migrate(db, version);
    libraryId(db);
    for (const folder of LIBRARY_FOLDERS) fs.mkdirSync(paths[folder], { recursive: true });
  } catch (error) {
    db.close();
    if (error instanceof ArchiveFailure) throw error;
    throw new ArchiveFailure('library', `cannot open the library at ${paths.root}: ${(error as Error).message}`);
  }
  // Temp copies left by an import that was killed mid-copy (never one still being written).
  removeStaleTemps(paths.files);
  // After the checks and migrations: an automatic copy never fails the open (a full disk is reported, not fatal).
  let autoBackup: BackupOutcome;
  try {
    autoBackup = !exists ? { skipped: 'empty' } : opts.automaticBackup === false ? { skipped: 'off' } : await automaticBackup(db, paths, { catalogueChecked: true });
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

/** The library's identity, so a search snapshot copied from another library is never taken for this one's. */
export function libraryId(db: Database.Database): string {
  const read = () => db.prepare("SELECT value FROM settings WHERE key = 'library.id'").get() as { value: string } | undefined;
  const row = read();
  if (row || db.readonly) return row?.value ?? 'unknown';
  db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('library.id', ?)").run(randomUUID());
  return read()!.value;
}
