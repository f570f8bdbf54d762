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

  it('Latin-1 CSV, GBK BibTeX, UTF-16 RIS: found by themselves, and the report says which encoding', async () => {
    const latin1 = iconvFile(
      'latin1.csv',
      'Title,Date,Place\n"Über die Städtepartnerschaft Köln-Leeds",1990,Köln\n"Café littéraire à Besançon: procès-verbal",1991,Besançon\n"Año de la hermandad: Córdoba y Nîmes",1992,Córdoba\n',
      'LATIN1',
    );
    const run = await cliIn(dir, ['--json', 'import-metadata', latin1, '--format', 'csv', '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    const report = jsonOf<{ rows: { title: string }[]; encoding: { name: string; detected: boolean } }>(run);
    expect(report.rows.map((r) => r.title)).toEqual([
      'Über die Städtepartnerschaft Köln-Leeds',
      'Café littéraire à Besançon: procès-verbal',
      'Año de la hermandad: Córdoba y Nîmes',
    ]);
    // ISO-8859-1 is read as its superset windows-1252, as the WHATWG Encoding standard (and TextDecoder) does.
    expect(report.encoding).toEqual({ name: 'windows-1252', detected: true });

    const gbk = iconvFile(
      'gbk.bib',
      [
        '@book{hz2016, title = {杭州市人民政府关于友好城市交流工作的报告}, author = {王小明 and 李华}, publisher = {浙江人民出版社}, address = {杭州}, year = 2016}',
        '@article{lz2018, title = {利兹与杭州缔结友好城市三十周年纪念}, author = {陈静}, journal = {城市外交研究}, volume = 3, year = 2018}',
        '',
      ].join('\n'),
      'GBK',
    );
    const text = await cliIn(dir, ['import-metadata', gbk, '--dry-run']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Read as gb18030 (detected; --encoding NAME reads it as another)');
    expect(await titlesImported(gbk, '--dry-run')).toEqual([
      '杭州市人民政府关于友好城市交流工作的报告',
      '利兹与杭州缔结友好城市三十周年纪念',
    ]);

    const ris = iconvFile(
      'utf16.ris',
      'TY  - RPRT\r\nTI  - Zoë Müller: Leeds–Hangzhou twinning, 1988–2018\r\nAU  - Müller, Zoë\r\nPY  - 2018\r\nER  - \r\n',
      'UTF-16LE',
    );
    expect(fs.readFileSync(ris)[1]).toBe(0); // no BOM: found from the zero bytes
    expect(await titlesImported(ris, '--dry-run')).toEqual(['Zoë Müller: Leeds–Hangzhou twinning, 1988–2018']);
  });

  it('--encoding overrides the guess; a wrong one is refused with the line, nothing written', async () => {
    const cp1252 = iconvFile('cp1252.csv', 'Title,Date\n"Café – Zoë’s report",2017\n', 'WINDOWS-1252');
    // Read as Latin-2 on purpose: the user's word wins over the detector.
    expect(await titlesImported(cp1252, '--format', 'csv', '--encoding', 'iso-8859-2', '--dry-run')).toEqual([
      'Café \u0096 Zoë\u0092s report',
    ]);
    const gb = iconvFile('gb18030.csv', 'Title,Date\n杭州市人民政府报告,2016\n', 'GB18030');
    const before = catalogueState(dir);
    const refused = await cliIn(dir, ['import-metadata', gb, '--format', 'csv', '--encoding', 'utf-8']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(`civic-archive: ${gb}: line 2 is not utf-8 text: is the encoding right?`);
    const unknown = await cliIn(dir, ['import-metadata', gb, '--format', 'csv', '--encoding', 'klingon']);
    expect(unknown.stderr.trim()).toBe(
      `civic-archive: ${gb}: "klingon" is not an encoding this app knows (e.g. utf-8, windows-1252, gb18030)`,
    );
    expect(catalogueState(dir)).toEqual(before);
    expect(await titlesImported(gb, '--format', 'csv', '--encoding', 'gb18030')).toEqual(['杭州市人民政府报告']);
  });
});
