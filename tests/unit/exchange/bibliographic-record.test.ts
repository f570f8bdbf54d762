/**
 * The bibliographic record in the catalogue and in every way out (issue 10): an imported chapter,
 * article and translated book keep their CSL type beside the archival type, their container, volume,
 * pages and DOI in fields of their own, their editors and translators as links with those roles to
 * authority records that keep the name's parts; `show` prints them, the CSV export has their
 * columns, and our JSON export carries them into another library whole.
 */
import path from 'node:path';
import Papa from 'papaparse';
import { JobRunner } from '../../../src/main/documents/jobs/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CslItem } from '../../../src/main/cite/csl-item';
import { ORACLE_ITEMS } from '../cite/oracle-items';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { cliIn } from '../../support/cli';

const picked = ['chapter-trans', 'article-1', 'book-1', 'season-1', 'book-ed', 'book-ja'].map((id) =>
  ORACLE_ITEMS.find((i) => i.id === id)!,
);
let lib: TestLibrary;
let ids: number[];

beforeAll(async () => {
  lib = await openTestLibrary();
  const report = await lib.ok('importMetadata', { content: JSON.stringify(picked), format: 'csl-json' });
  ids = report.rows.map((r) => r.recordId!);
});
afterAll(async () => {
  await lib.close();
});

const cslOf = async (l: TestLibrary, recordIds: number[]) =>
  (JSON.parse((await l.ok('exportCitations', { ids: recordIds, format: 'csl-json' })).content) as CslItem[]).map(
    ({ id: _id, ...rest }) => rest,
  );

describe('an imported bibliography', () => {
  it('keeps the description in fields, and the names as linked authorities with their roles and parts', async () => {
    const chapter = await lib.ok('getRecord', { id: ids[0]! });
    expect(chapter).toMatchObject({
      type: 'other',
      cslType: 'chapter',
      containerTitle: 'Cities in conversation',
      page: '101–120',
      edition: '2',
      publisher: 'Polity',
      publisherPlace: 'Cambridge',
      extraCsl: null,
    });
    expect(chapter.links.map((l) => [l.role, l.name])).toEqual([
      ['author', 'Maja Lindqvist'],
      ['editor', 'Li Chen'],
      ['translator', 'Aoife Fitzgerald'],
    ]);
    const article = await lib.ok('getRecord', { id: ids[1]! });
    expect(article).toMatchObject({
      cslType: 'article-journal',
      containerTitle: 'Urban History',
      volume: '38',
      issue: '2',
      page: '297-318',
      doi: '10.1017/S0963926811000368',
      date: '2011-08',
    });
    const book = await lib.ok('getRecord', { id: ids[2]! });
    const author = book.links.find((l) => l.role === 'author')!;
    expect([author.name, author.kind, author.nameParts]).toEqual([
      'Arnold van Gennep',
      'person',
      { family: 'Gennep', given: 'Arnold', 'non-dropping-particle': 'van' },
    ]);
    // What has no field of its own is kept as it was: the original date, a season, a series number.
    expect(book.extraCsl).toEqual({ 'original-date': { 'date-parts': [[1909]] } });
    const season = await lib.ok('getRecord', { id: ids[3]! });
    expect([season.date, season.cslForms?.issued?.[0]]).toEqual(['1999', { 'date-parts': [[1999]], season: 4 }]);
    const edited = await lib.ok('getRecord', { id: ids[4]! });
    expect(edited.extraCsl).toMatchObject({ 'collection-number': '12', 'number-of-pages': '312' });
    expect(edited.collectionTitle).toBe('Studies in urban history');
  });

  it('an edited field is cited as edited, not as the source wrote it', async () => {
    const season = await lib.ok('getRecord', { id: ids[3]! });
    await lib.ok('updateRecord', { id: season.id, patch: { date: '2000' } });
    const [item] = await cslOf(lib, [season.id]);
    expect(item!.issued).toEqual({ 'date-parts': [[2000]] });
    await lib.ok('updateRecord', { id: season.id, patch: { date: '1999' } });
    const [back] = await cslOf(lib, [season.id]);
    expect(back!.issued).toEqual({ 'date-parts': [[1999]], season: 4 });
  });

  it('renaming an authority changes its citations (its old name parts no longer apply)', async () => {
    const book = await lib.ok('getRecord', { id: ids[2]! });
    const author = book.links.find((l) => l.role === 'author')!;
    const renamed = await lib.ok('updateAuthority', { id: author.authorityId, patch: { name: 'Arnold Van Gennep' } });
    expect(renamed.nameParts).toBeNull();
    const [item] = await cslOf(lib, [book.id]);
    expect(item!.author).toEqual([{ family: 'Van Gennep', given: 'Arnold' }]);
    await lib.ok('updateAuthority', {
      id: author.authorityId,
      patch: {
        name: 'Arnold van Gennep',
        nameParts: { family: 'Gennep', given: 'Arnold', 'non-dropping-particle': 'van' },
      },
    });
  });

  it('the CSV export has the bibliographic columns and the name roles', async () => {
    const out = await lib.ok('exportRecords', { ids, format: 'csv' });
    const [header, ...rows] = Papa.parse<string[]>(out.content, { skipEmptyLines: true }).data;
    const cell = (row: number, name: string) => rows[row]![header!.indexOf(name)];
    for (const h of [
      'Publication type',
      'Container title',
      'Volume',
      'Issue',
      'Pages',
      'DOI',
      'Place of publication',
      'Editor',
      'Translator',
    ])
      expect(header, h).toContain(h);
    expect([cell(1, 'Container title'), cell(1, 'Volume'), cell(1, 'Issue'), cell(1, 'Pages'), cell(1, 'DOI')]).toEqual(
      ['Urban History', '38', '2', '297-318', '10.1017/S0963926811000368'],
    );
    expect([cell(0, 'Editor'), cell(0, 'Translator'), cell(0, 'Publication type')]).toEqual([
      'Li Chen',
      'Aoife Fitzgerald',
      'chapter',
    ]);
  });

  it('our JSON export carries the whole description into another library', async () => {
    const json = await lib.ok('exportRecords', { ids, format: 'json' });
    const other = await openTestLibrary();
    const report = await other.ok('importMetadata', { content: json.content });
    expect(report.imported).toBe(ids.length);
    expect(
      await cslOf(
        other,
        report.rows.map((r) => r.recordId!),
      ),
    ).toEqual(await cslOf(lib, ids));
    await other.close();
  });

  it('a BagIt package carries it, the names’ parts too', async () => {
    const dir = path.join(tempDir(), 'bag');
    await lib.ok('exportBag', { dir });
    const other = await openTestLibrary();
    const planned = await other.ok('importBag', { dir });
    const runner = new JobRunner({ service: other.service, libraryRoot: other.dir, ocr: false });
    try {
      await runner.runBatch(planned.batch!);
    } finally {
      await runner.stop();
    }
    const list = await other.ok('listRecords', { limit: 100 });
    const byTitle = new Map(list.items.map((r) => [r.title, r.id]));
    const theirs = await Promise.all(ids.map((id) => lib.ok('getRecord', { id })));
    // A Japanese name written without a space cannot be split again from its name alone: its parts must travel.
    const ja = await other.ok('getRecord', { id: byTitle.get('都市の記録と記憶')! });
    expect(ja.links[0]).toMatchObject({ name: '村上春樹', nameParts: { family: '村上', given: '春樹' } });
    expect(
      await cslOf(
        other,
        theirs.map((r) => byTitle.get(r.title)!),
      ),
    ).toEqual(await cslOf(lib, ids));
    await other.close();
  });

  it('two chapters of one title and year in two books are two records, not duplicates', async () => {
    const other = await openTestLibrary();
    const chapter = (book: string) => ({
      type: 'chapter',
      title: 'Introduction',
      'container-title': book,
      issued: { 'date-parts': [[2020]] },
    });
    const report = await other.ok('importMetadata', {
      content: JSON.stringify([chapter('Records of the twin cities'), chapter('Cities in conversation')]),
      format: 'csl-json',
    });
    expect([report.imported, report.skipped]).toEqual([2, 0]);
    // The same chapter again: same title and date, so a possible duplicate, skipped when asked.
    const again = await other.ok('importMetadata', {
      content: JSON.stringify([chapter('Cities in conversation')]),
      format: 'csl-json',
      possibleDuplicates: 'skip',
    });
    expect([again.imported, again.skipped]).toEqual([0, 1]);
    await other.close();
  });

  it('`show` prints the publication fields', async () => {
    await lib.close();
    const run = await cliIn(lib.dir, ['show', String(ids[1])]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /Publication\n {2}Publication type +article-journal\n {2}Container title +Urban History\n {2}Volume +38\n {2}Issue +2\n {2}Pages +297-318\n/,
    );
    expect(run.stdout).toMatch(/DOI +10\.1017\/S0963926811000368/);
    lib = await openTestLibrary(lib.dir);
  });
});
