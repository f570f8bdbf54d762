/**
 * A disk that fills up mid-import (issue 7, "Crashes and faults"): libraries on 3 MB tmpfs mounts
 * (this test mounts them, so it needs root, as on the project's CI machine; without the permission
 * it fails saying so). Importing files or records until the disk is full gives a clear error (exit
 * status 1, one sentence naming the full disk, never an internal error) and leaves nothing
 * half-written: the catalogue intact, every record's file present and whole, no orphan, no temp copy.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueState, tempDir } from '../../support/catalogue';
import { catalogueHealth, cliKilledAfter, query, sha256Of, storeState } from '../../support/reliability';

const mounts: string[] = [];

/** A fresh 3 MB tmpfs; fails the test with the reason when mounting is not permitted. */
function smallDisk(size = '3m'): string {
  const dir = tempDir('civic-full-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `the disk-full tests mount a small tmpfs and need root (or CAP_SYS_ADMIN): ${(error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error)}`,
    );
  }
  mounts.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir]);
});

const cli = (lib: string, args: string[]) => cliKilledAfter(lib, args, undefined);

describe('a disk that fills up', () => {
  let sources: string;
  const hashes: string[] = [];
  beforeAll(() => {
    sources = tempDir('civic-full-src-');
    // 30 × 200 KB of random bytes: 6 MB, twice what the disk holds.
    for (let i = 0; i < 30; i++) {
      const file = path.join(sources, `scan-${String(i).padStart(2, '0')}.bin`);
      fs.writeFileSync(file, randomBytes(200 * 1024));
      hashes.push(sha256Of(file));
    }
  });

  it('importing files: a clear error, the files that fitted stored whole, nothing half-written; with more room a re-run completes it', async () => {
    const lib = path.join(smallDisk(), 'library');
    expect((await cli(lib, ['init'])).code).toBe(0);
    const run = await cli(lib, ['import', sources, '--no-wait', '--no-ocr']);
    const output = run.stdout + run.stderr;
    expect(output).not.toMatch(/internal error/);
    expect(run.code, output).toBe(1);
    expect(output).toMatch(/no space left on the disk holding the library|the disk holding the library is full/);
    expect(output).not.toMatch(/cannot read/); // the source files were readable: the library's disk was full

    expect(catalogueHealth(lib)).toEqual({ integrity: ['ok'], foreignKeys: [] });
    const store = storeState(lib);
    expect(store).toEqual({ broken: [], danglingLinks: 0, orphans: [], strays: [] });
    const [counts] = query<{ records: number; files: number; links: number }>(
      lib,
      'SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM files) AS files, (SELECT count(*) FROM record_files) AS links',
    );
    expect(counts!.files).toBeGreaterThan(0);
    expect(counts!.files).toBeLessThan(hashes.length);
    expect(counts!.records).toBe(counts!.files);
    expect(counts!.links).toBe(counts!.files);

    // More room (the same mount, grown): the re-run stores the rest, and nothing twice.
    execFileSync('mount', ['-o', 'remount,size=20m', path.dirname(lib)]);
    const again = await cli(lib, ['--json', 'import', sources, '--no-wait', '--no-ocr']);
    expect(again.code, again.stderr).toBe(0);
    expect(catalogueHealth(lib)).toEqual({ integrity: ['ok'], foreignKeys: [] });
    expect(storeState(lib)).toEqual({ broken: [], danglingLinks: 0, orphans: [], strays: [] });
    const stored = query<{ sha256: string }>(lib, 'SELECT sha256 FROM files').map((r) => r.sha256);
    expect(stored.sort()).toEqual([...hashes].sort());
    expect(query<{ n: number }>(lib, 'SELECT count(*) AS n FROM records')[0]!.n).toBe(hashes.length);
    expect(query<{ n: number }>(lib, 'SELECT count(*) AS n FROM record_files')[0]!.n).toBe(hashes.length);
  });

  it('importing 20,000 records: a clear error and not one record written', async () => {
    const lib = path.join(smallDisk(), 'library');
    expect((await cli(lib, ['init'])).code).toBe(0);
    const csv = path.join(tempDir(), 'records.csv');
    const rows = ['Title,Date,Ref,Author'];
    for (let i = 0; i < 20_000; i++)
      rows.push(`Disk full record ${i},${1990 + (i % 30)},FULL/${i},Full Person ${i % 50}`);
    fs.writeFileSync(csv, rows.join('\n') + '\n');
    const before = catalogueState(lib);

    const run = await cli(lib, ['import-metadata', csv, '--format', 'csv']);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.trim()).toBe(
      'civic-archive: the disk holding the library is full: nothing was changed (free some space and try again)',
    );
    expect(catalogueHealth(lib)).toEqual({ integrity: ['ok'], foreignKeys: [] });
    expect(catalogueState(lib)).toEqual(before);
  });
});
