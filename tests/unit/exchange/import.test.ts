/**
 * Importing metadata: round trips through CSL-JSON, BibTeX and RIS; duplicates; all-or-nothing;
 * broken files refused with the line, leaving the library exactly as it was.
 */
import fs from 'node:fs';
import { englishPlace } from '../../../src/shared/reports/en';
import { englishRowNote } from '../../../src/shared/reports/row-note';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueState, type TestLibrary } from '../../support/catalogue';
import { librariesPerTest } from '../../support/per-test';
import { cliIn } from '../../support/cli';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'exchange');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const freshLibrary = librariesPerTest();

async function library(withSample = false): Promise<TestLibrary> {
  const lib = await freshLibrary();
  await lib.ok('updateSettings', { archiveName: 'West Yorkshire Archive Service', archivePlace: 'Leeds' });
  if (withSample) await lib.ok('loadSample', {});
  return lib;
}

async function allIds(lib: TestLibrary): Promise<number[]> {
  return (await lib.ok('listRecords', { sort: 'createdAt', direction: 'asc', limit: 1000 })).items.map((r) => r.id);
}

describe('round trips', () => {
  it('records -> CSL-JSON -> import -> CSL-JSON gives the same CSL-JSON', async () => {
    const a = await library(true);
    await a.ok('updateRecord', { id: 2, patch: { referenceCode: 'LCC/IR/AG/2018/01', physicalLocation: 'Box 4' } });
    const first = await a.ok('exportCitations', { ids: await allIds(a), format: 'csl-json' });
    const b = await library();
    const report = await b.ok('importMetadata', { content: first.content, format: 'csl-json' });
    expect(report.imported).toBe(5);
    const second = await b.ok('exportCitations', { ids: await allIds(b), format: 'csl-json' });
    expect(JSON.parse(second.content)).toEqual(JSON.parse(first.content));
  });

  for (const format of ['bibtex', 'ris'] as const) {
    it(`${format}: title, date, authors, type and URL survive the round trip`, async () => {
      const a = await library(true);
      const web = await a.ok('createRecord', {
        type: 'media-coverage',
        medium: 'web',
        title: 'Leeds and Hangzhou renew their partnership',
        outlet: 'Yorkshire Evening Post',
        date: '2018-09-14',
        url: 'https://example.org/leeds-hangzhou',
      });
      const person = await a.ok('createAuthority', { kind: 'person', name: 'Zoë Müller' });
      const report = await a.ok('createRecord', {
        type: 'report',
        title: 'Annual report on the partnership',
        date: '2019',
        links: [{ authorityId: person.id, role: 'author' }],
      });
      await a.ok('updateRecord', { id: 2, patch: { referenceCode: 'LCC/IR/AG/2018/01' } });
      const ids = [2, 5, web.id, report.id];
      const exported = await a.ok('exportCitations', { ids, format });
      const b = await library();
      const imported = await b.ok('importMetadata', { content: exported.content, format });
      expect(imported.imported).toBe(4);
      const before = await Promise.all(ids.map((id) => a.ok('getRecord', { id })));
      const after = await Promise.all((await allIds(b)).map((id) => b.ok('getRecord', { id })));
      const key = (r: (typeof before)[number]) => ({
        title: r.title,
        date: r.date,
        type: r.type,
        medium: r.medium,
        url: r.url,
        // RIS carries the reference code (AV); BibTeX has no field for it.
        ...(format === 'ris' ? { referenceCode: r.referenceCode } : {}),
        authors: r.links.filter((l) => ['author', 'party', 'issuer'].includes(l.role)).map((l) => l.name),
      });
      const sortByTitle = <T extends { title: string }>(xs: T[]) =>
        [...xs].sort((x, y) => x.title.localeCompare(y.title));
      expect(sortByTitle(after.map(key))).toEqual(sortByTitle(before.map(key)));
    });
  }
});

describe('duplicates, the preview and the report', () => {
  const csl = (items: object[]) => JSON.stringify(items);
  const item = {
    id: 'x',
    type: 'report',
    title: 'Trade mission report',
    issued: { 'date-parts': [[2018, 9]] },
    author: [{ family: 'Blake', given: 'Judith' }],
  };

  it('a preview reports what the import would do and writes nothing', async () => {
    const lib = await library(true);
    const state = catalogueState(lib.dir);
    const preview = await lib.ok('previewMetadataImport', {
      content: csl([item, { ...item, id: 'y', title: 'New one', author: [{ literal: 'Leeds Civic Trust' }] }]),
    });
    expect(preview).toMatchObject({ dryRun: true, imported: 2, failed: 0 });
    // Judith Blake is matched (she is in the sample); Leeds Civic Trust would be created.
    expect(preview.createdAuthorities.map((a) => [a.kind, a.name])).toEqual([['organisation', 'Leeds Civic Trust']]);
    expect(catalogueState(lib.dir)).toEqual(state);
  });

  it('a record with the same reference code, DOI, ISBN or citation key is skipped or merged as chosen', async () => {
    const lib = await library();
    await lib.ok('createRecord', { type: 'report', title: 'Other', referenceCode: 'R/1' });
    await lib.ok('createRecord', { type: 'other', title: 'Twinning in practice', doi: '10.1000/ABC.1' });
    await lib.ok('createRecord', { type: 'other', title: 'Sister cities', isbn: '978-0-19-852663-6' });
    await lib.ok('importMetadata', {
      content: csl([{ id: 'k', 'citation-key': 'blake2018', type: 'report', title: 'Keyed' }]),
    });
    const authoritiesBefore = (await lib.ok('listAuthorities', {})).total;
    const items = [
      { id: 'z', type: 'report', title: 'Different title', archive_location: 'R/1', abstract: 'Filled in' },
      // The DOI as a link and in other case; the ISBN without hyphens; titles that differ.
      { id: 'd', type: 'book', title: 'Another title', DOI: 'https://doi.org/10.1000/abc.1' },
      { id: 'i', type: 'book', title: 'Sister Cities (2nd printing)', ISBN: '9780198526636' },
      { id: 'k2', 'citation-key': 'blake2018', type: 'report', title: 'Keyed, retitled' },
    ].map((i) => ({ ...i, author: [{ literal: 'Someone Not Yet Known' }] }));
    const skipped = await lib.ok('importMetadata', { content: csl(items) });
    expect(skipped.skipped).toBe(4);
    expect(skipped.rows.map((r) => [r.duplicate, englishRowNote(r)])).toEqual([
      ['referenceCode', 'duplicate: the same reference code as record #1'],
      ['doi', 'duplicate: the same DOI as record #2'],
      ['isbn', 'duplicate: the same ISBN as record #3'],
      ['citationKey', 'duplicate: the same citation key as record #4'],
    ]);
    // Skipped rows leave no authority behind.
    expect((await lib.ok('listAuthorities', {})).total).toBe(authoritiesBefore);
    expect((await lib.ok('getRecord', { id: 1 })).description).toBeNull();
    const merged = await lib.ok('importMetadata', { content: csl(items), duplicates: 'merge' });
    expect(merged.merged).toBe(4);
    expect((await lib.ok('getRecord', { id: 1 })).description).toBe('Filled in');
    expect((await lib.ok('listRecords', {})).total).toBe(4);
  });

  it('a row repeating the DOI of an earlier row of the same file is its duplicate; a refused row’s DOI is nobody’s', async () => {
    const lib = await library();
    const items = [
      { id: 'a', type: 'book', title: 'First', DOI: '10.5555/Twin' },
      // Refused (a date that is not one): its DOI is no record's, so the last row is new.
      { id: 'b', type: 'book', title: 'Broken', DOI: '10.5555/other', issued: { 'date-parts': [[2018, 13]] } },
      { id: 'c', type: 'book', title: 'Second', DOI: 'doi:10.5555/twin' },
      { id: 'd', type: 'book', title: 'Third', DOI: 'https://doi.org/10.5555/OTHER' },
    ];
    const report = await lib.ok('importMetadata', { content: csl(items), skipBadRows: true });
    expect(report.rows.map((r) => [r.status, englishRowNote(r)])).toEqual([
      ['imported', ''],
      ['error', expect.stringMatching(/month 13/)],
      ['skipped', 'duplicate: the same DOI as record #1'],
      ['imported', ''],
    ]);
  });

  it('the same title and date is only a possible duplicate: named in the preview, imported or skipped as chosen', async () => {
    const lib = await library();
    await lib.ok('createRecord', { type: 'report', title: 'Trade mission report', date: '2018-09' });
    const preview = await lib.ok('previewMetadataImport', { content: csl([item]) });
    expect(preview.rows.map((r) => [r.status, r.possibleDuplicateOf])).toEqual([['imported', 1]]);
    expect(englishRowNote(preview.rows[0]!)).toBe('possible duplicate: the same title and date as record #1');
    const skipped = await lib.ok('importMetadata', { content: csl([item]), possibleDuplicates: 'skip' });
    expect([skipped.imported, skipped.skipped]).toEqual([0, 1]);
    const imported = await lib.ok('importMetadata', { content: csl([item]) });
    expect(imported.imported).toBe(1);
    expect((await lib.ok('listRecords', {})).total).toBe(2);
  });

  it('reads CSL dates given as date-parts, ranges, "raw" text and "circa"', async () => {
    const lib = await library();
    const items = [
      { id: 'a', type: 'report', title: 'Parts', issued: { 'date-parts': [[2018, 9, 14]] } },
      {
        id: 'b',
        type: 'report',
        title: 'Range',
        issued: {
          'date-parts': [
            [2018, 9],
            [2019, 3],
          ],
        },
      },
      { id: 'c', type: 'report', title: 'Raw', issued: { raw: 'September 2018' } },
      { id: 'd', type: 'report', title: 'Circa', issued: { 'date-parts': [[1988]], circa: true } },
    ];
    const report = await lib.ok('importMetadata', { content: csl(items) });
    const got = await Promise.all(report.rows.map((r) => lib.ok('getRecord', { id: r.recordId! })));
    expect(got.map((r) => [r.title, r.date, r.dateEnd, r.dateApproximate])).toEqual([
      ['Parts', '2018-09-14', null, false],
      ['Range', '2018-09', '2019-03', false],
      ['Raw', '2018-09', null, false],
      ['Circa', '1988', null, true],
    ]);
  });

  it('a file with a bad row imports nothing, unless asked to skip bad rows', async () => {
    const lib = await library();
    const bad = { id: 'b', type: 'report', title: 'Bad date', issued: { 'date-parts': [[2018, 13]] } };
    const state = catalogueState(lib.dir);
    const refused = await lib.service.call('importMetadata', { content: csl([item, bad]) });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /1 of 2 rows cannot be imported \(first: item 2: date: "2018-13" is not a date: month 13 does not exist\); nothing was imported/,
    );
    expect(catalogueState(lib.dir)).toEqual(state);
    const partial = await lib.ok('importMetadata', { content: csl([item, bad]), skipBadRows: true });
    expect(partial).toMatchObject({ imported: 1, failed: 1 });
  });
});

describe('broken input is refused with the line, and the library is unchanged', () => {
  it('BibTeX with unbalanced braces: that entry is reported by key and line, the others can be imported', async () => {
    const lib = await library(true);
    const state = catalogueState(lib.dir);
    const r = await lib.service.call('importMetadata', { content: fixture('broken-braces.bib'), format: 'bibtex' });
    expect(r.ok ? '' : r.error.message).toMatch(
      /^1 of 3 rows cannot be imported \(first: line 6 \(broken2018\): this entry cannot be read: .*\); nothing was imported/,
    );
    expect(catalogueState(lib.dir)).toEqual(state);
    const preview = await lib.ok('previewMetadataImport', { content: fixture('broken-braces.bib'), format: 'bibtex' });
    expect(preview.rows.map((row) => [englishPlace(row.where), row.status])).toEqual([
      ['line 1 (good2019)', 'imported'],
      ['line 6 (broken2018)', 'error'],
      ['line 11 (after2020)', 'imported'],
    ]);
    const partial = await lib.ok('importMetadata', {
      content: fixture('broken-braces.bib'),
      format: 'bibtex',
      skipBadRows: true,
    });
    expect(partial).toMatchObject({ imported: 2, failed: 1 });
  });

  it('RIS without an end tag', async () => {
    const lib = await library(true);
    const state = catalogueState(lib.dir);
    const r = await lib.service.call('importMetadata', { content: fixture('no-end-tag.ris'), format: 'ris' });
    expect(r.ok ? '' : r.error.message).toBe(
      'RIS: the record starting on line 6 has no end tag (ER  -): the file may be cut short',
    );
    expect(catalogueState(lib.dir)).toEqual(state);
  });

  it('CSL-JSON that is not JSON', async () => {
    const lib = await library();
    const r = await lib.service.call('importMetadata', { content: '[\n {"title": "x",}\n]', format: 'csl-json' });
    expect(r.ok ? '' : r.error.message).toMatch(/^CSL-JSON: the file is not valid JSON \(line 2\)/);
  });

  it('the CLI refuses the same files with exit 1 and one line, and --dry-run writes nothing', async () => {
    const lib = await library(true);
    const dir = lib.dir;
    await freshLibrary.closeNow(lib);
    const state = catalogueState(dir);
    const bib = await cliIn(dir, ['import-metadata', path.join(FIXTURES, 'broken-braces.bib')]);
    expect(bib.code).toBe(1);
    expect(bib.stderr.trim()).toMatch(
      /^civic-archive: 1 of 3 rows cannot be imported \(first: line 6 \(broken2018\): this entry cannot be read: [^\n]*; nothing was imported\. Fix the file, or skip the bad rows\.$/,
    );
    const ris = await cliIn(dir, ['import-metadata', path.join(FIXTURES, 'no-end-tag.ris')]);
    expect(ris.code).toBe(1);
    expect(ris.stderr).toMatch(/line 6 has no end tag/);
    // Latin-1 is found by itself now; named as UTF-8 it is refused with its line.
    const latin1 = await cliIn(dir, ['import-metadata', path.join(FIXTURES, 'latin1.csv'), '--encoding', 'utf-8']);
    expect(latin1.code).toBe(1);
    expect(latin1.stderr).toMatch(/latin1\.csv: line 2 is not utf-8 text/);
    const dry = await cliIn(dir, [
      '--json',
      'import-metadata',
      '--dry-run',
      path.join(FIXTURES, 'broken-braces.bib').replace('broken-braces.bib', 'no-end-tag.ris'),
    ]);
    expect(dry.code).toBe(1);
    expect(catalogueState(dir)).toEqual(state);
  });
});

describe('query plans of the import lookups', () => {
  it('find authorities by name and duplicates by reference code or title through indexes, never a table scan', async () => {
    const { AUTHORITY_BY_NAME, RECORD_BY_REFERENCE, RECORD_BY_TITLE_AND_DATE } =
      await import('../../../src/main/exchange/import-records');
    const lib = await library();
    const dir = lib.dir;
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dir, 'catalogue.sqlite'), { readonly: true });
    try {
      const plan = (sql: string, ...params: unknown[]) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
          .map((r) => r.detail)
          .join('\n');
      for (const [sql, params] of [
        [AUTHORITY_BY_NAME, ['Leeds', 'Leeds', 'place']],
        [RECORD_BY_REFERENCE, ['R/1']],
        [RECORD_BY_TITLE_AND_DATE, ['A title', '2018']],
      ] as const) {
        const p = plan(sql, ...params);
        // A scan of a table, or of a whole index ("SCAN authorities USING COVERING INDEX ..."), would be
        // one per imported name; only the scan of the small UNION's own result is fine.
        expect(p).not.toMatch(/SCAN (?!\(subquery)/);
        expect(p).toMatch(/SEARCH \w+ USING (COVERING )?INDEX/);
      }
    } finally {
      db.close();
    }
  });
});
