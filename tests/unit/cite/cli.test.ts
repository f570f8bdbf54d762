/** The CLI's cite and export commands, as a user runs them (real child processes, a real library). */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestLibrary, tempDir } from '../../support/catalogue';
import { cliIn, jsonOf } from '../../support/cli';

let dir: string;
beforeAll(async () => {
  const lib = await openTestLibrary();
  dir = lib.dir;
  await lib.ok('loadSample', {});
  await lib.ok('updateSettings', { archiveName: 'West Yorkshire Archive Service', archivePlace: 'Leeds' });
  await lib.ok('updateRecord', { id: 2, patch: { referenceCode: 'LCC/IR/AG/2018/01' } });
  await lib.close();
});

describe('cite', () => {
  it('prints the bibliography and the in-text citation in the chosen style', async () => {
    const r = await cliIn(dir, ['cite', '2', '--style', 'harvard-cite-them-right']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Leeds and Hangzhou (2018) Memorandum of understanding between Leeds and Hangzhou (2018). Memorandum of understanding. ' +
        'LCC/IR/AG/2018/01. Leeds: West Yorkshire Archive Service.\n\nIn text: (Leeds and Hangzhou, 2018)\n',
    );
  });

  it('--format html prints the escaped HTML bibliography; --json prints only JSON', async () => {
    const html = await cliIn(dir, ['cite', '2', '--style', 'apa', '--format', 'html']);
    expect(html.stdout).toContain('<div class="csl-entry">Leeds &#38; Hangzhou. (2018, September). <i>Memorandum of understanding');
    const json = jsonOf<{ entries: { recordId: number }[] }>(await cliIn(dir, ['--json', 'cite', '1', '2']));
    expect(json.entries.map((e) => e.recordId).sort()).toEqual([1, 2]);
  });

  it('refuses a wrong call with exit 1 and one line', async () => {
    const r = await cliIn(dir, ['cite', '2', '--style', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('civic-archive: there is no citation style "nope" (see the list of styles)');
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
    const csl = JSON.parse((await cliIn(dir, ['export', '--format', 'csl-json', '2'])).stdout);
    expect(csl[0]).toMatchObject({ type: 'document', genre: 'Memorandum of understanding', archive_location: 'LCC/IR/AG/2018/01', 'event-place': 'Hangzhou' });
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
    expect(r.stderr.trim()).toBe('civic-archive: this is not a usable CSL style: line 4: <text> (opened on line 4) is closed by </layout>');
    const styles = await cliIn(dir, ['styles']);
    expect(styles.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual([
      'apa',
      'harvard-cite-them-right',
      'chicago-author-date',
      'modern-language-association',
      'vancouver',
    ]);
  });

  it('settings shows and changes the holding archive and the default style', async () => {
    const set = await cliIn(dir, ['--json', 'settings', '--default-style', 'vancouver']);
    expect(JSON.parse(set.stdout)).toEqual({ archiveName: 'West Yorkshire Archive Service', archivePlace: 'Leeds', defaultStyle: 'vancouver', backupsKept: 7 });
    const cite = await cliIn(dir, ['cite', '2']);
    expect(cite.stdout).toMatch(/^1\. Leeds, Hangzhou\. Memorandum of understanding/);
    await cliIn(dir, ['settings', '--default-style', 'apa']);
  });
});
