/**
 * Kill test (issue 7, "Crashes and faults"): a 200-file ingest through the CLI (`import FOLDER
 * --no-wait`), SIGKILLed at random points (on fresh copies, then re-run on the same library). After every kill
 * the catalogue is intact and no record points at a missing or altered file; the most an
 * interrupted copy can leave is the one file it was working on (renamed into place but not yet
 * registered, which the next import of the same content adopts) and its `.incoming-` temp copy,
 * which the next open of the library removes. A final run completes the ingest: 200 records,
 * 200 files, no duplicates, no orphan, no temp copy left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/catalogue';
import { catalogueHealth, cliKilledAfter, query, seededRandom, sha256Of, storeState } from '../../support/reliability';

const FILES = 200;

function writeFolder(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const hashes: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const file = path.join(dir, `letter-${String(i).padStart(3, '0')}.txt`);
    // Distinct contents of a few KB each.
    fs.writeFileSync(
      file,
      `Letter ${i} of the kill test.\n` + `line ${i} of the partnership correspondence\n`.repeat(40 + (i % 60)),
    );
    hashes.push(sha256Of(file));
  }
  return hashes;
}

describe('SIGKILL during a 200-file ingest', () => {
  it('never leaves a record pointing at a missing file, and a re-run completes the ingest without duplicates', async () => {
    const rnd = seededRandom('kill-ingest');
    const pristine = path.join(tempDir(), 'library');
    const folder = path.join(tempDir(), 'incoming');
    const hashes = writeFolder(folder);
    const init = await cliKilledAfter(pristine, ['init'], undefined);
    expect(init.code, init.stderr).toBe(0);

    // The first three kills each hit a fresh copy of the empty library (so each lands in a real
    // ingest, not in a re-run that only finds what is already stored); the last two, and the final
    // run, re-run the import on the third copy, killed again.
    const outcomes: string[] = [];
    let lib = pristine;
    let killsOnLib = 0;
    for (let k = 0; k < 5; k++) {
      if (k < 3) {
        lib = path.join(tempDir(), 'library');
        fs.cpSync(pristine, lib, { recursive: true });
        killsOnLib = 0;
      }
      const delay = rnd.between(900, 3_000);
      const run = await cliKilledAfter(lib, ['import', folder, '--no-wait', '--no-ocr'], delay);
      if (run.killed) killsOnLib++;
      const health = catalogueHealth(lib);
      const store = storeState(lib);
      const [counts] = query<{ records: number; files: number; links: number }>(
        lib,
        'SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM files) AS files, (SELECT count(*) FROM record_files) AS links',
      );
      outcomes.push(
        `kill ${k + 1} after ${delay} ms: ${run.killed ? 'killed' : `finished (exit ${run.code})`}; ${counts!.records} records, ${counts!.files} files, ${counts!.links} links; orphans ${store.orphans.length}, strays ${store.strays.join(' ') || 'none'}`,
      );
      console.log(outcomes.at(-1));
      const why = outcomes.join('\n');
      if (!run.killed) expect(run.code, run.stderr).toBe(0);
      expect(health, why).toEqual({ integrity: ['ok'], foreignKeys: [] });
      expect(store.broken, why).toEqual([]);
      expect(store.danglingLinks, why).toBe(0);
      // Every record was made with its file in one transaction: one link each, never a duplicate.
      expect(counts!.records, why).toBe(counts!.links);
      expect(counts!.files, why).toBe(counts!.links);
      expect(counts!.files, why).toBeLessThanOrEqual(FILES);
      // What one interrupted copy may leave: the file it had renamed into place, and its temp copy.
      expect(store.orphans.length, why).toBeLessThanOrEqual(1);
      expect(
        store.orphans.every((h) => hashes.includes(h)),
        why,
      ).toBe(true);
      expect(
        store.strays.every((s) => /^\.incoming-\d+-[0-9a-f]+$/.test(s)),
        why,
      ).toBe(true);
      // Each run removes the copies earlier kills left: at most the last kill's remains.
      expect(store.strays.length, why).toBeLessThanOrEqual(Math.min(1, killsOnLib));
    }

    const done = await cliKilledAfter(lib, ['--json', 'import', folder, '--no-wait', '--no-ocr'], undefined);
    expect(done.code, done.stderr).toBe(0);
    const report = JSON.parse(done.stdout) as { imported: number; failed: number };
    expect(report).toMatchObject({ imported: FILES, failed: 0 });
    expect(catalogueHealth(lib)).toEqual({ integrity: ['ok'], foreignKeys: [] });
    const store = storeState(lib);
    expect(store.broken).toEqual([]);
    expect(store.orphans).toEqual([]);
    expect(store.strays, 'temp copies left by the kills were removed').toEqual([]);
    const stored = query<{ sha256: string; holders: number }>(
      lib,
      'SELECT f.sha256, count(rf.record_id) AS holders FROM files f LEFT JOIN record_files rf ON rf.file_id = f.id GROUP BY f.id',
    );
    expect(stored.map((s) => s.sha256).sort()).toEqual([...hashes].sort());
    expect(stored.every((s) => s.holders === 1)).toBe(true);
    expect(query<{ n: number }>(lib, 'SELECT count(*) AS n FROM records')[0]!.n).toBe(FILES);

    // verify agrees: nothing missing, altered or orphaned.
    const verify = await cliKilledAfter(lib, ['--json', 'verify'], undefined);
    expect(verify.code, verify.stderr).toBe(0);
    const fixity = JSON.parse(verify.stdout) as {
      checked: number;
      ok: number;
      missing: unknown[];
      altered: unknown[];
      orphaned: string[];
    };
    expect(fixity).toMatchObject({ checked: FILES, ok: FILES, missing: [], altered: [], orphaned: [] });
  }, 120_000);
});
