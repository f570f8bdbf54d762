/**
 * Files in the encodings people's tools save, made by a tool we did not write (iconv, from the C
 * library) and imported through the CLI: UTF-8 with a BOM, UTF-16 with and without one found by
 * themselves; Windows-1252 and GB18030 named with --encoding, and refused with one clear message
 * (the catalogue unchanged) when they are not named.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueState, openTestLibrary, tempDir } from '../../support/catalogue';
import { cliIn, jsonOf } from '../../support/cli';

let dir: string;
let work: string;
beforeAll(async () => {
  const lib = await openTestLibrary();
  dir = lib.dir;
  await lib.close();
  work = tempDir('civic-encodings-');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The UTF-8 text converted by iconv into `encoding`, written to a file. */
function iconvFile(name: string, text: string, encoding: string): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, execFileSync('iconv', ['-f', 'UTF-8', '-t', encoding], { input: text }));
  return file;
}

async function titlesImported(file: string, ...args: string[]): Promise<string[]> {
  const run = await cliIn(dir, ['--json', 'import-metadata', file, ...args]);
  expect(run.code, run.stderr).toBe(0);
  const report = jsonOf<{ rows: { title: string; status: string }[] }>(run);
  return report.rows.filter((r) => r.status === 'imported').map((r) => r.title);
}

describe('encodings found or named', () => {
  it('UTF-16 with a BOM (iconv -t UTF-16), semicolons: found by itself', async () => {
    const file = iconvFile('utf16.csv', 'Title;Date\n杭州与利兹友好城市协议;2018\n', 'UTF-16');
    expect(fs.readFileSync(file).subarray(0, 2)).toSatisfy((b: Buffer) => b[0] === 0xff || b[0] === 0xfe);
    expect(await titlesImported(file, '--format', 'csv')).toEqual(['杭州与利兹友好城市协议']);
  });

  it('UTF-16BE without a BOM, tabs: found by itself', async () => {
    const file = iconvFile('utf16be.csv', 'Title\tDate\nZoë Müller on the twinning\t2019\n', 'UTF-16BE');
    expect(await titlesImported(file, '--format', 'csv')).toEqual(['Zoë Müller on the twinning']);
  });

  it('UTF-8 with a BOM: a BibTeX file', async () => {
    const file = path.join(work, 'bom.bib');
    fs.writeFileSync(file, `\uFEFF@misc{k, title = {Caf{\\'e} culture in Leeds}, year = 2020}\n`);
    expect(await titlesImported(file)).toEqual(['Café culture in Leeds']);
  });

  it('Windows-1252 and GB18030: refused until named, then read as named', async () => {
    const cp1252 = iconvFile('cp1252.csv', 'Title,Date\n"Café – Zoë’s report",2017\n', 'WINDOWS-1252');
    const before = catalogueState(dir);
    const refused = await cliIn(dir, ['import-metadata', cp1252, '--format', 'csv']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `civic-archive: ${cp1252}: line 2 is not UTF-8 text: name its encoding (e.g. windows-1252, gb18030, big5, shift_jis), or save it as UTF-8 (--encoding NAME)`,
    );
    expect(catalogueState(dir)).toEqual(before);
    expect(await titlesImported(cp1252, '--format', 'csv', '--encoding', 'windows-1252')).toEqual([
      'Café – Zoë’s report',
    ]);
    const gb = iconvFile('gb18030.csv', 'Title,Date\n杭州市人民政府报告,2016\n', 'GB18030');
    expect(await titlesImported(gb, '--format', 'csv', '--encoding', 'gb18030')).toEqual(['杭州市人民政府报告']);
  });
});
