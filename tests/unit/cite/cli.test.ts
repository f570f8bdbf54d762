/** The CLI's cite and export commands, as a user runs them (real child processes, a real library). */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CslItem } from '../../../src/main/cite/csl-item';
import type { BuiltInStyle } from '../../../src/main/cite/styles';
import { catalogueState, openTestLibrary, tempDir } from '../../support/catalogue';
import { cliIn, jsonOf } from '../../support/cli';
import { expectedCitation, oracleDir } from './oracle';

let dir: string;
beforeAll(async () => {
  const lib = await openTestLibrary();
  dir = lib.dir;
  await lib.ok('loadSample', {});
  await lib.ok('updateSettings', { archiveName: 'West Yorkshire Archive Service', archivePlace: 'Leeds' });
  await lib.ok('updateRecord', { id: 2, patch: { referenceCode: 'LCC/IR/AG/2018/01' } });
  await lib.close();
});

/** What `cite` must print: the official style's output for the records' CSL items (the oracle), not hand-typed text. */
async function expectedOutput(style: BuiltInStyle, ids: string[]): Promise<string> {
  const items = JSON.parse((await cliIn(dir, ['export', '--format', 'csl-json', ...ids])).stdout) as CslItem[];
  const want = expectedCitation(style, items);
  return `${want.entries.map((e) => e.text).join('\n')}\n\nIn text: ${want.inText.text}\n`;
}

describe('cite', () => {
  it('prints the bibliography and the in-text citation in the chosen style, as the official style does', async () => {
    const r = await cliIn(dir, ['cite', '2', '--style', 'harvard-cite-them-right']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await expectedOutput('harvard-cite-them-right', ['2']));
    // Cite Them Right's archive material: the app's addition after the official entry.
    expect(r.stdout).toContain('LCC/IR/AG/2018/01. Leeds: West Yorkshire Archive Service.\n');
  });

  it('--format html prints the escaped HTML bibliography; --json prints only JSON', async () => {
    const html = await cliIn(dir, ['cite', '2', '--style', 'apa', '--format', 'html']);
    expect(html.stdout).toContain(
      '<div class="csl-entry">Leeds &#38; Hangzhou. (2018, September). <i>Memorandum of understanding',
    );
    const json = jsonOf<{ entries: { recordId: number }[] }>(await cliIn(dir, ['--json', 'cite', '1', '2']));
    expect(json.entries.map((e) => e.recordId).sort()).toEqual([1, 2]);
  });

  it('refuses a wrong call with exit 1 and one line', async () => {
    const r = await cliIn(dir, ['cite', '2', '--style', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'civic-archive: there is no citation style "nope" (see the list of styles: styles --all)',
    );
    const f = await cliIn(dir, ['cite', '2', '--format', 'pdf']);
    expect(f.code).toBe(1);
    expect(f.stderr.trim()).toBe('civic-archive: --format: "pdf" is not text or html');
  });
});

describe('export', () => {
  it('writes BibTeX of the records a --query finds to --out', async () => {
    const out = path.join(tempDir(), 'memoranda.bib');
    const r = await cliIn(dir, ['export', '--format', 'bibtex', '--query', 'memorandum', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bib = fs.readFileSync(out, 'utf8');
    // The same records the search engine finds for that query (the MoUs, and the press release that tells of them).
    const found = jsonOf<{ id: number }[]>(await cliIn(dir, ['--json', 'search', 'memorandum']));
    expect(found.length).toBeGreaterThan(1);
    expect(bib.match(/^@/gm)).toHaveLength(found.length);
    expect(bib).toContain('Memorandum of understanding between {Leeds} and {Hangzhou} (2018)');
    expect(bib).not.toContain('Hangzhou {TV} coverage');
  });

  it('prints RIS or CSL-JSON of the IDs given', async () => {
    const ris = await cliIn(dir, ['export', '--format', 'ris', '2', '5']);
    expect(ris.stdout.match(/^TY {2}- /gm)).toHaveLength(2);
    const csl = JSON.parse((await cliIn(dir, ['export', '--format', 'csl-json', '2'])).stdout) as CslItem[];
    expect(csl[0]).toMatchObject({
      type: 'document',
      genre: 'Memorandum of understanding',
      archive_location: 'LCC/IR/AG/2018/01',
      'event-place': 'Hangzhou',
    });
  });

  it('refuses an unknown format and a query that finds nothing', async () => {
    const f = await cliIn(dir, ['export', '--format', 'docx']);
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(/--format: "docx" is not one of/);
    const q = await cliIn(dir, ['export', '--format', 'ris', '--query', 'zzzzqqqq']);
    expect(q.code).toBe(1);
    expect(q.stderr.trim()).toBe('civic-archive: nothing matches "zzzzqqqq": nothing to export');
  });
});

describe('styles and settings', () => {
  it('install-style refuses a broken style file with the reason and the line, and lists the built-in styles', async () => {
    const file = path.join(tempDir(), 'broken.csl');
    fs.writeFileSync(
      file,
      '<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n<info><title>T</title><id>t</id></info>\n<citation><layout><text variable="title"></layout></citation>\n</style>\n',
    );
    const r = await cliIn(dir, ['install-style', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'civic-archive: this is not a usable CSL style: line 4: <text> (opened on line 4) is closed by </layout>',
    );
    const styles = await cliIn(dir, ['styles']);
    expect(
      styles.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(['apa', 'harvard-cite-them-right', 'chicago-author-date', 'modern-language-association', 'vancouver']);
  });

  it('settings shows and changes the holding archive and the default style', async () => {
    const set = await cliIn(dir, ['--json', 'settings', '--default-style', 'vancouver']);
    expect(JSON.parse(set.stdout)).toEqual({
      archiveName: 'West Yorkshire Archive Service',
      archivePlace: 'Leeds',
      defaultStyle: 'vancouver',
      backupsKept: 7,
    });
    const cite = await cliIn(dir, ['cite', '2']);
    expect(cite.stdout).toBe(await expectedOutput('vancouver', ['2']));
    await cliIn(dir, ['settings', '--default-style', 'apa']);
  });

  it('any official style the app carries can be the default', async () => {
    const ieee = await cliIn(dir, ['settings', '--default-style', 'ieee']);
    expect(ieee.code).toBe(0);
    expect((await cliIn(dir, ['cite', '2'])).stdout).toMatch(/^\[1\] /);
    await cliIn(dir, ['settings', '--default-style', 'apa']);
  });

  it('styles --all lists every official style; --find searches them', async () => {
    const all = await cliIn(dir, ['styles', '--all']);
    expect(all.code).toBe(0);
    const lines = all.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(2_500);
    expect(lines[0]).toMatch(/^apa\s+APA Style 7th edition \(built-in\)$/);
    const chicago = await cliIn(dir, ['styles', '--all', '--find', 'chicago']);
    const ids = chicago.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0]);
    expect(ids[0]).toBe('chicago-author-date');
    expect(ids).toContain('chicago-note-bibliography');
    expect(ids.length).toBeLessThan(60);
    const none = await cliIn(dir, ['styles', '--find', 'chicago note']);
    expect(none.stdout.trim()).toBe('No style matches "chicago note" (--all searches every official style).');
  });

  it('install-style keeps an official file with a built-in id beside the built-in and says which is used', async () => {
    const r = await cliIn(dir, ['install-style', path.join(oracleDir(), 'current', 'apa.csl')]);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('Installed the style "apa-2026-02-07" (APA Style 7th edition).');
    expect(r.stdout).toContain(
      '"apa" still cites with the built-in style; choose "apa-2026-02-07" to cite with this file.',
    );
    await cliIn(dir, ['remove-style', 'apa-2026-02-07']);
  });

  it('install-style refuses a 50 MB file without reading it, and writes nothing', async () => {
    const file = path.join(tempDir(), 'huge.csl');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(
      fd,
      '<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n<!--',
    );
    fs.ftruncateSync(fd, 50_000_000);
    fs.closeSync(fd);
    const before = catalogueState(dir);
    const r = await cliIn(dir, ['install-style', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `civic-archive: ${file} is 50.0 MB; a CSL style file is at most 2 MB (Chicago author-date, one of the largest official styles, is 0.17 MB), so this is not one`,
    );
    expect(catalogueState(dir)).toEqual(before);
  });
});
