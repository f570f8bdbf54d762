import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openLibrary, type Library } from '../../../src/main/catalogue/library';
import { LATEST_VERSION, MIGRATIONS } from '../../../src/main/catalogue/migrations';
import { folderFingerprint, tempDir } from '../../support/catalogue';

const opened: Library[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function open(dir: string): Promise<Library> {
  const lib = await openLibrary(dir);
  opened.push(lib);
  return lib;
}

/** A catalogue stopped at `version`, as an older app would have left it. */
function catalogueAt(dir: string, version: number): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'catalogue.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) m.up(db);
  db.pragma(`user_version = ${version}`);
  if (version > 0) db.pragma(`application_id = ${APPLICATION_ID}`);
  db.close();
  return file;
}

describe('opening a library', () => {
  it('creates a new library in a missing folder, with WAL, foreign keys and the latest schema', async () => {
    const dir = path.join(tempDir(), 'new-library');
    const lib = await open(dir);
    expect(lib.schemaVersion).toBe(LATEST_VERSION);
    expect(lib.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(lib.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(lib.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(lib.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    for (const folder of ['files', 'index', 'backups'])
      expect(fs.statSync(path.join(dir, folder)).isDirectory()).toBe(true);
    expect(lib.backup).toBeNull();
  });

  it('opens a library another process is writing, while its newest header is still only in the -wal file', async () => {
    const dir = path.join(tempDir(), 'live-library');
    const writer = await open(dir);
    // As a running app or host leaves it: nothing checkpointed yet, so the main file's header
    // still says "user_version 0, no application id" although the -wal file holds the schema.
    const main = fs.readFileSync(path.join(dir, 'catalogue.sqlite'));
    expect(main.length === 0 || main.readInt32BE(60) < LATEST_VERSION).toBe(true);
    const second = await open(dir);
    expect(second.schemaVersion).toBe(LATEST_VERSION);
    expect(second.backup).toBeNull();
    expect(writer.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it('reopens an up-to-date library without a backup or a migration', async () => {
    const dir = path.join(tempDir(), 'lib');
    (await open(dir)).close();
    opened.pop();
    const again = await open(dir);
    expect(again.backup).toBeNull();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });

  it('migrates from every earlier version, backing the catalogue up first', async () => {
    for (let from = 1; from < LATEST_VERSION; from++) {
      const dir = path.join(tempDir(), `from-${from}`);
      catalogueAt(dir, from);
      const lib = await open(dir);
      expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(lib.backup).not.toBeNull();
      const backup = new Database(lib.backup!, { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(from);
      backup.close();
    }
  });

  it('the migrations list is strictly increasing from 1', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('refuses a library made by a newer version and leaves it untouched', async () => {
    const dir = path.join(tempDir(), 'newer');
    catalogueAt(dir, LATEST_VERSION);
    const db = new Database(path.join(dir, 'catalogue.sqlite'));
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = folderFingerprint(dir);
    await expect(openLibrary(dir)).rejects.toThrow(
      new RegExp(`newer version of Civic Archive.*schema ${LATEST_VERSION + 5}.*left untouched`, 's'),
    );
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('refuses a corrupt catalogue.sqlite and leaves it untouched', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'catalogue.sqlite'), 'this is not a database, just some text that got here');
    const before = folderFingerprint(dir);
    await expect(openLibrary(dir)).rejects.toThrow(/corrupt.*untouched.*backups/s);
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('refuses a damaged SQLite catalogue (valid header, broken pages)', async () => {
    const dir = path.join(tempDir(), 'damaged');
    const lib = await open(dir);
    lib.db.exec("INSERT INTO settings VALUES ('a', 'b')");
    lib.close();
    opened.pop();
    const file = path.join(dir, 'catalogue.sqlite');
    const bytes = fs.readFileSync(file);
    // Overwrite the second page onward with garbage, keeping the 100-byte header intact.
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    fs.writeFileSync(file, bytes);
    const before = folderFingerprint(dir);
    await expect(openLibrary(dir)).rejects.toThrow(/corrupt|unreadable/);
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('refuses the SQLite database of another application', async () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'catalogue.sqlite'));
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    db.close();
    const before = folderFingerprint(dir);
    await expect(openLibrary(dir)).rejects.toThrow(/another application/);
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('refuses a path that is a file', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, 'hello');
    await expect(openLibrary(file)).rejects.toThrow(/is a file, not a library folder/);
    expect(fs.readFileSync(file, 'utf8')).toBe('hello');
  });

  it('refuses a folder of other files that is not a library, and writes nothing into it', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'thesis.docx'), 'draft');
    const before = folderFingerprint(dir);
    await expect(openLibrary(dir)).rejects.toThrow(/is not a Civic Archive library.*thesis\.docx/);
    expect(folderFingerprint(dir)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual(['thesis.docx']);
  });

  it('passes integrity and foreign-key checks after migrating', async () => {
    const lib = await open(path.join(tempDir(), 'lib'));
    expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(lib.db.pragma('foreign_key_check')).toEqual([]);
  });
});
