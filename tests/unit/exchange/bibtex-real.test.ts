/**
 * Real bibliographies, taken from Debian's TeX Live packages at test time (not committed):
 * Beebe's tugboat.bib (texlive-bibtex-extra: thousands of entries, @string macros, @preamble,
 * `\TUB\ ` at line ends, # concatenation, text between entries) and Patashnik's xampl.bib
 * (texlive-base: the classic example, crossref, text outside entries). The number of entries each
 * holds comes from BibTool (Debian's `bibtool`, its own parser), not from the parser under test.
 */
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src/shared/channels/exchange';
import { englishRowNote } from '../../../src/shared/reports/row-note';
import { englishPlace } from '../../../src/shared/reports/en';
import { readBibtex } from '../../../src/main/exchange/bibtex';
import { catalogueState, openTestLibrary } from '../../support/catalogue';
import { cliIn } from '../../support/cli';
import { bibtoolCounts, debianFiles } from '../../support/debian-files';
import fs from 'node:fs';

const TUGBOAT = '/usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib';
const XAMPL = '/usr/share/texlive/texmf-dist/bibtex/bib/base/xampl.bib';

/** Entries that are works (BibTool counts @string and @preamble too). */
function worksIn(counts: Record<string, number>): number {
  return Object.entries(counts)
    .filter(([type]) => !['string', 'preamble', 'comment'].includes(type))
    .reduce((sum, [, n]) => sum + n, 0);
}

describe('real BibTeX files from Debian', () => {
  it('xampl.bib: every entry BibTool finds is read, crossref and macros applied; the CLI imports it', async () => {
    const [file] = debianFiles('texlive-base', [XAMPL]);
    const held = worksIn(bibtoolCounts(file!));
    expect(held).toBeGreaterThan(30);
    const content = fs.readFileSync(file!, 'utf8');
    const { items, problems } = readBibtex(content);
    console.log(`xampl.bib: ${items.length} entries read, ${problems.length} not, of ${held} BibTool counts`);
    expect(problems).toEqual([]);
    expect(items.length).toBe(held);
    const byKey = new Map(items.map((i) => [i.key, i.item]));
    // @string macros joined with #, month macros, \mbox, and crossref inheritance (article-crossref
    // names WHOLE-JOURNAL in capitals, the entry is whole-journal: BibTeX keys ignore case;
    // BibLaTeX's inheritance rules, which the parser follows, do not pass a journal to an article).
    expect(byKey.get('inproceedings-crossref')).toMatchObject({
      type: 'paper-conference',
      'container-title': 'Proc. Fifteenth Annual Symposium on the Theory of Computing',
    });
    expect(byKey.get('article-full')).toMatchObject({
      type: 'article-journal',
      title: 'The Gnats and Gnus Document Preparation System',
      'container-title': "G-Animal's Journal",
      issued: { 'date-parts': [[1986, 7]] },
    });
    expect(byKey.get('article-crossref')).toMatchObject({
      volume: '41',
      issue: '7',
      issued: { 'date-parts': [[1986, 7]] },
    });
    // What CSL has no variable for is kept verbatim (xampl's KEY field, a sort key).
    expect(byKey.get('whole-journal')!.custom).toEqual({
      bibtex: { type: 'article', key: 'whole-journal', fields: { key: 'GAJ' } },
    });
    // \noopsort{1973b} only sorts: it prints nothing.
    expect(byKey.get('inbook-minimal')).toMatchObject({ issued: { 'date-parts': [[1973]] } });
    expect(byKey.get('book-full')).toMatchObject({
      author: [{ given: 'Donald E.', family: 'Knuth' }],
      'collection-title': 'The Art of Computer Programming',
    });
    // No TeX left in what is read: no backslashes, no braces.
    for (const { key, item } of items) expect(`${key}: ${JSON.stringify(item.title ?? '')}`).not.toMatch(/[\\{}]/);

    const lib = await openTestLibrary();
    const dir = lib.dir;
    await lib.close();
    const before = catalogueState(dir);
    const preview = await cliIn(dir, ['import-metadata', file!, '--dry-run', '--json']);
    expect(preview.code).toBe(0);
    expect(catalogueState(dir)).toEqual(before);
    const run = await cliIn(dir, ['import-metadata', file!, '--skip-bad-rows', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ImportReport;
    console.log(
      `xampl.bib via the CLI: ${report.imported} imported, ${report.skipped} skipped as duplicates, ${report.failed} refused`,
    );
    // Every entry has a row; the ones refused are the entries without a title (xampl's crossref
    // targets and misc-minimal), each named with its line and key.
    expect(report.rows.length).toBe(held);
    expect(report.imported + report.skipped + report.failed).toBe(held);
    const minimal = report.rows.find((r) => englishPlace(r.where) === 'line 226 (misc-minimal)')!;
    expect(minimal).toMatchObject({
      status: 'error',
      problem: { reason: 'field_invalid', params: { field: 'title', problem: 'empty' } },
    });
    expect(englishRowNote(minimal)).toBe('title: must not be empty');
    expect(catalogueState(dir).records).toBe(before.records! + report.imported);
  });

  it("tugboat.bib: all of BibTool's entries import, with \\TUB and TeX decoded", async () => {
    const [file] = debianFiles('texlive-bibtex-extra', [TUGBOAT]);
    const held = worksIn(bibtoolCounts(file!));
    expect(held).toBeGreaterThan(2_700);
    const content = fs.readFileSync(file!, 'utf8');
    const lib = await openTestLibrary();
    try {
      const started = performance.now();
      const report = await lib.ok('importMetadata', { content, format: 'bibtex', skipBadRows: true });
      const seconds = (performance.now() - started) / 1000;
      const refused = report.rows.filter((r) => r.status === 'error');
      console.log(
        `tugboat.bib: ${report.imported} of ${held} entries imported (BibTool's count), ${report.skipped} skipped as duplicates, ${report.failed} refused, in ${seconds.toFixed(1)} s`,
        refused.map((r) => `${englishPlace(r.where)}: ${englishRowNote(r)}`),
      );
      expect(report.rows.length).toBe(held);
      expect(report.imported + report.skipped + report.failed).toBe(held);
      // Every entry is read; the only ones refused have an ftp:// URL, which a record's URL may not be.
      expect(refused.length).toBeLessThan(5);
      for (const r of refused) expect(englishRowNote(r)).toMatch(/^url: "ftp:\/\/.*is not a web address/);
      const row = report.rows.find((r) => r.where.key === 'Beeton:TB2-1-53-2')!;
      expect((await lib.ok('getRecord', { id: row.recordId! })).title).toBe(
        'How to prepare a file for publication in TUGboat',
      );
      const { items } = readBibtex(content);
      const tub = items.find((i) => i.key === 'Beeton:TB2-1-53-2')!.item;
      expect(tub.title).toBe('How to prepare a file for publication in TUGboat');
      expect(tub).toMatchObject({ 'container-title': 'TUGboat', volume: '2', issue: '1', page: '53–54' });
      const tour = items.find((i) => i.key === 'Beeton:TB2-3-23')!.item;
      expect(tour.title).toBe("A TUGboat tour: Excerpts from the TeXnician's log");
      // What CSL has no variable for is kept, verbatim.
      expect(tour.custom).toMatchObject({ bibtex: { fields: { bibdate: expect.any(String) as unknown } } });
    } finally {
      await lib.close();
    }
  }, 900_000);
});
