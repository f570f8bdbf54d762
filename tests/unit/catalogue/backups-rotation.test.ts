/**
 * Automatic rotating backups (catalogue/backups.ts): at most one a day, only when the catalogue
 * changed, exactly N kept, copies taken before a migration and by hand never touched, a catalogue
 * failing quick_check never copied over a good backup, and a copy that opens as a library.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { automaticBackup, automaticBackups } from '../../../src/main/catalogue/backups';
import { openLibrary, type Library } from '../../../src/main/catalogue/library';
import { openTestLibrary, tempDir } from '../../support/catalogue';
import { cliIn } from '../../support/cli';
import { garbleRecordsPage } from '../../support/reliability';

const opened: Library[] = [];
afterEach(() => {
  for (const l of opened.splice(0)) l.close();
});

async function open(dir: string): Promise<Library> {
  const lib = await openLibrary(dir);
  opened.push(lib);
  return lib;
}

/** A library with a few records, written through the service, then closed. */
async function libraryWithRecords(n = 3): Promise<string> {
  const lib = await openTestLibrary();
  const rows = ['Title,Date,Description'];
  for (let i = 0; i < n; i++)
    rows.push(`Report ${i},${1990 + (i % 30)},${'A description long enough to fill pages. '.repeat(3)}`);
  await lib.ok('importMetadata', { content: rows.join('\n') + '\n', format: 'csv' });
  await lib.close();
  return lib.dir;
}

const day = (d: number) => new Date(Date.UTC(2026, 0, d, 9));

describe('automatic backups', () => {
  it('are taken on open when the catalogue changed, at most once a day', async () => {
    const dir = await libraryWithRecords();
    const first = await open(dir);
    expect(first.autoBackup).toMatchObject({ made: expect.stringMatching(/backups\/auto-.*-r\d+\.sqlite$/) });
    first.close();
    // Reopened the same day with no change: nothing new.
    const second = await open(dir);
    expect(second.autoBackup).toEqual({ skipped: 'unchanged' });
    expect(automaticBackups(path.join(dir, 'backups'))).toHaveLength(1);
  });

  it('a new, empty library is not backed up', async () => {
    const lib = await open(path.join(tempDir(), 'fresh'));
    expect(lib.autoBackup).toEqual({ skipped: 'empty' });
    expect(fs.readdirSync(path.join(lib.paths.root, 'backups'))).toEqual([]);
  });

  it('keep exactly N, never deleting copies taken before a migration or by hand', async () => {
    const dir = await libraryWithRecords();
    const lib = await open(dir);
    const backups = lib.paths.backups;
    for (const f of fs.readdirSync(backups)) fs.rmSync(path.join(backups, f));
    const kept = ['catalogue-v3-before-migration-2025-01-01T00-00-00-000Z.sqlite', 'my-copy.sqlite', 'auto-notes.txt'];
    for (const f of kept) fs.writeFileSync(path.join(backups, f), 'kept by hand');
    const insert = lib.db.prepare(
      "INSERT INTO changes (at, actor, entity, entity_id, action) VALUES (?, 'test', 'record', 1, 'update')",
    );
    for (let d = 1; d <= 10; d++) {
      insert.run(day(d).toISOString());
      const r = await automaticBackup(lib.db, lib.paths, { now: day(d), keep: 4 });
      expect(r).toHaveProperty('made');
    }
    const autos = automaticBackups(backups);
    expect(autos).toHaveLength(4);
    expect(autos.map((a) => a.at.toISOString())).toEqual([day(10), day(9), day(8), day(7)].map((d) => d.toISOString()));
    for (const f of kept) expect(fs.readFileSync(path.join(backups, f), 'utf8')).toBe('kept by hand');
    // Within a day of the latest copy, even after a change: no new copy.
    insert.run(day(10).toISOString());
    expect(await automaticBackup(lib.db, lib.paths, { now: new Date(day(10).getTime() + 3_600_000), keep: 4 })).toEqual(
      { skipped: 'recent' },
    );
    // 0 turns them off (and deletes nothing).
    expect(await automaticBackup(lib.db, lib.paths, { now: day(20), keep: 0 })).toEqual({ skipped: 'off' });
    expect(automaticBackups(backups)).toHaveLength(4);
  });

  it('a catalogue failing quick_check is never copied over a good backup', async () => {
    const dir = await libraryWithRecords(2_000);
    const good = await open(dir);
    expect(good.autoBackup).toHaveProperty('made');
    const goodCopy = automaticBackups(good.paths.backups)[0]!;
    const goodBytes = fs.readFileSync(goodCopy.file);
    good.close();
    opened.pop();

    // Damage one leaf page of the records table, then open it for writing as the app would have.
    const file = path.join(dir, 'catalogue.sqlite');
    garbleRecordsPage(file);
    const db = new Database(file);
    try {
      db.prepare(
        "INSERT INTO changes (at, actor, entity, entity_id, action) VALUES (?, 'test', 'record', 1, 'update')",
      ).run(day(30).toISOString());
    } catch {
      /* the damaged page may refuse the write too; the catalogue is corrupt either way */
    }
    const r = await automaticBackup(
      db,
      { backups: path.join(dir, 'backups') },
      { now: new Date(Date.now() + 3 * 86_400_000), keep: 1 },
    );
    db.close();
    expect(r).toMatchObject({ refused: expect.stringMatching(/quick_check.*older ones are kept/) });
    const autos = automaticBackups(path.join(dir, 'backups'));
    expect(autos.map((a) => a.file)).toEqual([goodCopy.file]);
    expect(fs.readFileSync(goodCopy.file).equals(goodBytes)).toBe(true);
  });

  it('a copy opens as a library, with every record', async () => {
    const dir = await libraryWithRecords(5);
    const lib = await open(dir);
    const copy = (lib.autoBackup as { made: string }).made;
    const restored = path.join(tempDir(), 'restored');
    fs.mkdirSync(restored);
    fs.copyFileSync(copy, path.join(restored, 'catalogue.sqlite'));
    const again = await open(restored);
    expect((again.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(5);
  });

  it('the setting travels through the settings channel and the CLI', async () => {
    const lib = await openTestLibrary();
    expect((await lib.ok('getSettings', {})).backupsKept).toBe(7);
    expect((await lib.ok('updateSettings', { backupsKept: 0 })).backupsKept).toBe(0);
    const bad = await lib.service.call('updateSettings', { backupsKept: -1 });
    expect(bad.ok).toBe(false);
    await lib.close();
    const set = await cliIn(lib.dir, ['--json', 'settings', '--backups-kept', '3']);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ backupsKept: 3 });
    const wrong = await cliIn(lib.dir, ['settings', '--backups-kept', 'many']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/--backups-kept takes a number/);
  });
});
