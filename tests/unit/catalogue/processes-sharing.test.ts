/**
 * The pieces that let several processes share one library, each tested against a real second
 * process or connection: a writer waits for another process's write lock instead of failing; the
 * automatic backup is taken by one holder of its lock, as a plain file, and duplicates of one
 * revision never push another revision's copy out; a library being created by another process
 * (an empty catalogue file) is opened, not refused; a bag import's temp copy is not removed while
 * it may still be hashed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  automaticBackup,
  automaticBackups,
  BACKUP_LOCK_FILE,
  rotation,
  type AutomaticBackup,
} from '../../../src/main/catalogue/backups';
import { openLibrary, type Library } from '../../../src/main/catalogue/library';
import { LATEST_VERSION, MIGRATIONS } from '../../../src/main/catalogue/migrations';
import { removeStaleTemps } from '../../../src/main/documents/store';
import { openTestLibrary, tempDir } from '../../support/catalogue';
import { REPO_ROOT } from '../../support/cli';

const opened: Library[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const l of opened.splice(0)) l.close();
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/**
 * Another process that opens `file` and holds SQLite's write lock on it (BEGIN IMMEDIATE) until
 * told to let go, or for `holdMs` (a writer waiting in this process blocks its own event loop, so
 * it could not tell it); resolves once the lock is held.
 */
async function holdWriteLock(
  file: string,
  journal: 'wal' | 'memory',
  holdMs?: number,
): Promise<{ release(): Promise<void>; exited: Promise<unknown> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1], { timeout: 5000 });
    db.pragma('journal_mode = ${journal === 'wal' ? 'WAL' : 'MEMORY'}');
    db.exec('BEGIN IMMEDIATE');
    console.log('held');
    const release = () => { db.exec('COMMIT'); db.close(); process.exit(0); };
    ${holdMs === undefined ? "process.stdin.once('data', release);" : `setTimeout(release, ${holdMs});`}
  `;
  const child = spawn(process.execPath, ['-e', script, file], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
  expect(line).toBe('held');
  const exited = new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve),
  );
  return {
    exited,
    release: async () => {
      child.stdin.write('go\n');
      await exited;
    },
  };
}

/** A library with a few records and a change not yet backed up. */
async function libraryWithChanges(): Promise<string> {
  const lib = await openTestLibrary();
  for (let i = 0; i < 3; i++) await lib.ok('createRecord', { type: 'report', title: `Report ${i}` });
  await lib.close();
  return lib.dir;
}

describe('a writer that finds the catalogue busy', () => {
  it('waits for another process to finish writing instead of failing', async () => {
    const lib = await openTestLibrary();
    await lib.ok('createRecord', { type: 'letter', title: 'Before' });
    // Longer than the 5 seconds a writer used to wait before answering "busy".
    const holder = await holdWriteLock(path.join(lib.dir, 'catalogue.sqlite'), 'wal', 7_000);
    const result = await lib.service.call('createRecord', { type: 'letter', title: 'While another process writes' });
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    await holder.exited;
    const list = await lib.ok('listRecords', { type: 'letter', limit: 10 });
    expect(list.items.map((r) => r.title).sort()).toEqual(['Before', 'While another process writes']);
    await lib.close();
  }, 60_000);
});

describe('automatic backups shared by several processes', () => {
  it('are taken by whoever holds the backup lock; the others skip, and nothing is left behind', async () => {
    const dir = await libraryWithChanges();
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const holder = await holdWriteLock(path.join(backups, BACKUP_LOCK_FILE), 'memory');
    const db = new Database(path.join(dir, 'catalogue.sqlite'));
    try {
      expect(await automaticBackup(db, { backups })).toEqual({ skipped: 'busy' });
      expect(automaticBackups(backups)).toEqual([]);
      await holder.release();
      // A copy killed half way (its temp file and the sidecars a WAL-flagged copy gets when opened) is cleared under the lock.
      for (const leftover of [
        '.auto-2026-01-01T00-00-00-000Z.sqlite.incoming',
        '.auto-2026-01-01T00-00-00-000Z.sqlite.incoming-wal',
      ]) {
        fs.writeFileSync(path.join(backups, leftover), 'partial');
      }
      const made = await automaticBackup(db, { backups });
      expect(made).toHaveProperty('made');
      // Two connections at once (as two processes opening together): one copy of the revision.
      const other = new Database(path.join(dir, 'catalogue.sqlite'));
      db.prepare(
        "INSERT INTO changes (at, actor, entity, entity_id, action) VALUES (?, 'test', 'record', 1, 'update')",
      ).run(new Date().toISOString());
      const both = await Promise.all([
        automaticBackup(db, { backups }, { force: true }),
        automaticBackup(other, { backups }, { force: true }),
      ]);
      other.close();
      expect(both.filter((r) => 'made' in r)).toHaveLength(1);
      expect(both.filter((r) => !('made' in r))).toEqual([{ skipped: 'busy' }]);
    } finally {
      db.close();
    }
    const autos = automaticBackups(backups);
    expect(autos).toHaveLength(2);
    expect(new Set(autos.map((a) => a.revision)).size).toBe(2);
    expect(fs.readdirSync(backups).filter((n) => !/^auto-.*\.sqlite$/.test(n))).toEqual([BACKUP_LOCK_FILE]);
    // Each copy is a plain SQLite file: opening it makes no -wal/-shm beside it.
    for (const a of autos) {
      const copy = new Database(a.file, { readonly: true });
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 3 });
      copy.close();
    }
    expect(fs.readdirSync(backups).filter((n) => /-(wal|shm|journal)$/.test(n))).toEqual([]);
  });

  it('count one copy per revision toward keep: duplicates never push another revision out', async () => {
    const at = (d: number, revision: number): AutomaticBackup => ({
      file: `auto-d${d}-r${revision}`,
      at: new Date(Date.UTC(2026, 0, d)),
      revision,
    });
    // Newest first, as automaticBackups lists them: three copies of revision 5, as racing processes made them.
    const autos = [at(9, 6), at(8, 5), at(7, 5), at(6, 5), at(5, 4), at(4, 3)];
    expect(rotation(autos, 3).map((a) => a.file)).toEqual(['auto-d7-r5', 'auto-d6-r5', 'auto-d4-r3']);
    expect(rotation(autos, 10).map((a) => a.file)).toEqual(['auto-d7-r5', 'auto-d6-r5']);

    // The same through a real backup: the duplicates go, revisions 4 and 3 stay.
    const dir = await libraryWithChanges();
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const lib = await openLibrary(dir, { automaticBackup: false });
    opened.push(lib);
    for (const [d, revision] of [
      [8, 2],
      [7, 2],
      [6, 2],
      [5, 1],
    ] as const) {
      fs.writeFileSync(path.join(backups, `auto-2026-01-0${d}T00-00-00-000Z-r${revision}.sqlite`), 'a copy');
    }
    const r = await automaticBackup(lib.db, lib.paths, { keep: 3, force: true });
    expect(r).toHaveProperty('made');
    expect(automaticBackups(backups).map((a) => a.revision)).toEqual([3, 2, 1]);
  });
});

describe('opening a library another process is creating', () => {
  it('takes an empty catalogue file for a new library, not a corrupt one', async () => {
    const dir = path.join(tempDir(), 'being-made');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'catalogue.sqlite'), '');
    const lib = await openLibrary(dir);
    opened.push(lib);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it('gives the migration backup as a plain file', async () => {
    const dir = path.join(tempDir(), 'old');
    fs.mkdirSync(dir);
    const db = new Database(path.join(dir, 'catalogue.sqlite'));
    db.pragma('journal_mode = WAL');
    MIGRATIONS[0]!.up(db);
    db.pragma('user_version = 1');
    db.pragma('application_id = 0x43495641');
    db.close();
    const lib = await openLibrary(dir);
    opened.push(lib);
    const copy = new Database(lib.backup!, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => /-(wal|shm)$/.test(n))).toEqual([]);
  });
});

describe('temp copies in files/', () => {
  it('one named without a pid is kept while it may still be hashed by a live import', () => {
    const dir = tempDir('temps-');
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const recent = '.incoming-0a1b2c3d4e5f';
    const old = '.incoming-a1b2c3d4e5f6';
    fs.writeFileSync(path.join(dir, recent), 'copied, now being hashed');
    fs.utimesSync(path.join(dir, recent), minutesAgo(2), minutesAgo(2));
    fs.writeFileSync(path.join(dir, old), 'left by a killed import');
    fs.utimesSync(path.join(dir, old), minutesAgo(90), minutesAgo(90));
    expect(removeStaleTemps(dir, Date.now() - 1_000)).toEqual([old]);
    expect(fs.readdirSync(dir)).toEqual([recent]);
  });
});
