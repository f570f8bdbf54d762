/**
 * On open, a quick integrity check (issue 7, "Crashes and faults"): a real catalogue of a few
 * thousand records with ONE damaged page in the middle of the records table (header and every
 * other page intact) is refused through the CLI with the way out — restore from backups/ — and
 * never written to. (library-open.test.ts covers a file of garbage and a catalogue whose pages
 * after the first are all overwritten, at the openLibrary level.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFingerprint, tempDir } from '../../support/catalogue';
import { cliIn } from '../../support/cli';
import { garbleRecordsPage } from '../../support/reliability';

describe('a catalogue damaged in one page', () => {
  it('is refused on open with a message naming backups/, and left byte for byte as it was', async () => {
    const lib = path.join(tempDir(), 'library');
    const csv = path.join(tempDir(), 'records.csv');
    const rows = ['Title,Date,Ref,Description'];
    for (let i = 0; i < 3_000; i++)
      rows.push(
        `Damaged page record ${i},${1990 + (i % 30)},PAGE/${i},${'A description long enough to fill pages. '.repeat(3)}`,
      );
    fs.writeFileSync(csv, rows.join('\n') + '\n');
    const imported = await cliIn(lib, ['import-metadata', csv, '--format', 'csv']);
    expect(imported.code, imported.stderr).toBe(0);

    const file = path.join(lib, 'catalogue.sqlite');
    const { leaves } = garbleRecordsPage(file);
    expect(fs.readdirSync(lib).filter((f) => f.startsWith('catalogue.sqlite-'))).toEqual([]);
    expect(leaves).toBeGreaterThan(10);

    const before = folderFingerprint(lib);
    for (const args of [
      ['list', '--limit', '1'],
      ['import-metadata', csv, '--format', 'csv'],
    ]) {
      const run = await cliIn(lib, args);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain(`${file} is corrupt (`);
      expect(run.stderr).toContain(`It was left untouched; restore the latest copy from ${path.join(lib, 'backups')}`);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(folderFingerprint(lib)).toEqual(before);
    }
  });
});
