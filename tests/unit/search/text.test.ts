/** Full-text search of documents' pages (FTS5), its agreement with the record-level engine, saved searches and the snapshot. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryPaths } from '../../../src/main/catalogue/library';
import { writePageText } from '../../../src/main/search/fulltext';
import { snapshotFile, writeSnapshotFor } from '../../../src/main/search/snapshot';
import { RecordSearch } from '../../../src/shared/search/engine';
import { segmentsText } from '../../../src/shared/search/snippet';
import { catalogueState, openTestLibrary, type TestLibrary } from '../../support/catalogue';
import { cliIn } from '../../support/cli';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

let nextHash = 1;
/** Attaches a "file" with the given pages to a record, writing rows the way the file store does. */
function attachPages(recordId: number, name: string, pages: string[]): number {
  const db = new Database(path.join(lib.dir, 'catalogue.sqlite'));
  try {
    return db.transaction(() => {
      const sha = (nextHash++).toString(16).padStart(64, '0');
      const fileId = Number(
        db
          .prepare(
            "INSERT INTO files (sha256, size, media_type, page_count, text_status, created_at) VALUES (?, 100, 'application/pdf', ?, 'done', ?)",
          )
          .run(sha, pages.length, new Date().toISOString()).lastInsertRowid,
      );
      db.prepare(
        'INSERT INTO record_files (record_id, file_id, original_name, position, added_at) VALUES (?, ?, ?, 0, ?)',
      ).run(recordId, fileId, name, new Date().toISOString());
      pages.forEach((text, i) =>
        writePageText(db, {
          fileId,
          page: i + 1,
          text,
          source: i === 0 ? 'text-layer' : 'ocr',
          confidence: i === 0 ? null : 91,
        }),
      );
      return fileId;
    })();
  } finally {
    db.close();
  }
}

describe('full-text search of document pages', () => {
  it('finds words, prefixes, phrases and Chinese in page text, with a marked snippet and the page', async () => {
    const mou = await lib.ok('createRecord', { type: 'agreement', title: 'Scanned MoU', date: '2018-09' });
    const other = await lib.ok('createRecord', { type: 'report', title: 'Annual report', date: '2019' });
    attachPages(mou.id, 'mou-scan.pdf', [
      'Memorandum of understanding between Leeds and Hangzhou.',
      '双方签署了谅解备忘录，加强友好城市合作。',
    ]);
    attachPages(other.id, 'report.pdf', ['The library services of both cities were linked in 2019.']);
    const text = async (query: string) => (await lib.ok('searchText', { query })).hits;

    const hits = await text('understanding Hangzhou');
    expect(hits.map((h) => [h.recordId, h.page, h.fileName])).toEqual([[mou.id, 1, 'mou-scan.pdf']]);
    expect(hits[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['understanding', 'Hangzhou']);
    expect((await text('memor')).map((h) => h.recordId)).toEqual([mou.id]);
    expect((await text('"both cities"')).map((h) => h.recordId)).toEqual([other.id]);
    expect(await text('"cities both"')).toEqual([]);
    const zh = await text('谅解备忘录');
    expect(zh.map((h) => [h.recordId, h.page])).toEqual([[mou.id, 2]]);
    expect(segmentsText(zh[0]!.snippet)).toContain('谅解备忘录');
    expect((await text('友好城市')).map((h) => h.page)).toEqual([2]);
    expect((await text('library OR memorandum')).map((h) => h.recordId).sort()).toEqual([mou.id, other.id].sort());
    expect((await text('cities -library')).map((h) => h.recordId)).toEqual([]);
    expect((await text('leeds year:2019')).map((h) => h.recordId)).toEqual([]);
    expect((await text('linked type:report')).map((h) => h.recordId)).toEqual([other.id]);
    // Field scopes describe records, not pages: document text does not answer them.
    expect(await lib.ok('searchText', { query: 'title:memorandum' })).toEqual({
      hits: [],
      expression: null,
      suggestions: [],
    });
  });

  it('a record with document text counts as having text; the text itself stays with FTS5', async () => {
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Letter from Hangzhou' });
    attachPages(r.id, 'letter.pdf', ['Dear Councillor Blake, thank you for your visit.']);
    const doc = (await lib.ok('searchDocuments', { sinceRevision: 0 })).upserts.find((d) => d.id === r.id)!;
    expect(doc).toMatchObject({ hasFile: true, hasText: true });
    expect(JSON.stringify(doc)).not.toContain('Councillor');
    expect((await lib.ok('searchText', { query: 'Councillor Blake' })).hits.map((h) => h.recordId)).toEqual([r.id]);
  });

  it("marks one snippet a record, its best page's, and names its other matching pages", async () => {
    const r = await lib.ok('createRecord', { type: 'report', title: 'Visit programme', date: '1989' });
    attachPages(r.id, 'programme.pdf', [
      'Day one: Kirkstall Abbey, Kirkstall Abbey again, and the Kirkstall forge.',
      'Day two: a walk by Kirkstall lock.',
      'Day three: no abbey today.',
    ]);
    const hits = (await lib.ok('searchText', { query: 'kirkstall' })).hits;
    expect(hits.map((h) => [h.recordId, h.page])).toEqual([
      [r.id, 1],
      [r.id, 2],
    ]);
    expect(hits[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['Kirkstall', 'Kirkstall', 'Kirkstall']);
    expect(hits[1]!.snippet).toEqual([]);
  });

  it('a word on more pages than it is worth ranking returns the newest pages, unranked, and a rarer word is still ranked', async () => {
    const r = await lib.ok('createRecord', { type: 'report', title: 'Council minutes, bound volume' });
    const pages = Array.from({ length: 5_050 }, (_, i) =>
      i % 2 === 0
        ? `Minutes of meeting ${i}: the council met.`
        : `Meeting ${i}: the council met; rare word zephyrine zephyrine.`,
    );
    attachPages(r.id, 'minutes.pdf', pages);
    const common = (await lib.ok('searchText', { query: 'council', limit: 6 })).hits;
    // The record's own title first, then its pages, newest first.
    expect(common.map((h) => [h.foundIn, h.page])).toEqual([
      ['record', 0],
      ['page', 5050],
      ['page', 5049],
      ['page', 5048],
      ['page', 5047],
      ['page', 5046],
    ]);
    const rare = (await lib.ok('searchText', { query: 'zephyrine', limit: 3 })).hits;
    expect(rare).toHaveLength(3);
    expect(rare.every((h) => h.foundIn === 'page' && h.page % 2 === 0)).toBe(true);
  });

  it('a type filter finds the pages of records of that type, however many others rank above them', async () => {
    for (let i = 0; i < 30; i++) {
      const report = await lib.ok('createRecord', { type: 'report', title: `Report ${i}` });
      attachPages(report.id, `report-${i}.pdf`, ['Partnership, partnership: the partnership.']);
    }
    const agreements = [];
    for (const title of ['MoU', 'Accord']) {
      const agreement = await lib.ok('createRecord', { type: 'agreement', title });
      attachPages(agreement.id, `${title}.pdf`, ['Signed in the partnership year, with much else besides.']);
      agreements.push(agreement);
    }
    const typed = (await lib.ok('searchText', { query: 'type:agreement partnership', limit: 6 })).hits;
    expect(typed.map((h) => h.recordId).sort()).toEqual(agreements.map((a) => a.id).sort());
    expect(typed.every((h) => h.foundIn === 'page' && h.page === 1)).toBe(true);
    expect(
      (await lib.ok('searchText', { query: 'partnership', limit: 6 })).hits.every((h) => h.type === 'report'),
    ).toBe(true);
  });

  it('rebuilds the text index from the stored pages', async () => {
    const r = await lib.ok('createRecord', { type: 'report', title: 'R' });
    attachPages(r.id, 'r.pdf', ['Hisense headquarters in Leeds', 'second page']);
    const db = new Database(path.join(lib.dir, 'catalogue.sqlite'));
    db.exec("INSERT INTO pages_fts (pages_fts) VALUES ('delete-all')");
    db.close();
    expect((await lib.ok('searchText', { query: 'hisense' })).hits).toEqual([]);
    expect(await lib.ok('rebuildTextIndex', {})).toEqual({ pages: 2, records: 1 });
    expect((await lib.ok('searchText', { query: 'hisense' })).hits.map((h) => h.recordId)).toEqual([r.id]);
  });

  it('the CLI merges both engines: record hits first, then records found by their text, saying which page', async () => {
    const a = await lib.ok('createRecord', { type: 'agreement', title: 'Memorandum with Qingdao', date: '2018-09' });
    const b = await lib.ok('createRecord', { type: 'photograph', title: 'Signing photo', date: '2018-09' });
    // Page 2 is not in the record's excerpt: only the text engine can find it.
    attachPages(b.id, 'scan.pdf', ['Photographs of the visit', 'Caption: the memorandum is signed in Qingdao.']);
    await lib.close();
    const run = await cliIn(lib.dir, ['--json', 'search', 'memorandum', 'qingdao']);
    expect(run.code, run.stderr).toBe(0);
    const hits = JSON.parse(run.stdout) as { id: number; matchedIn: string[]; snippet: string; score: number }[];
    expect(hits.map((h) => h.id)).toEqual([a.id, b.id]);
    expect(hits[1]!.matchedIn).toEqual(['page 2 of scan.pdf']);
    expect(hits[1]!.snippet).toContain('memorandum is signed in Qingdao');
    lib = await openTestLibrary(lib.dir);
  });
});

describe("full-text search of records' own words (records_fts)", () => {
  const found = async (query: string) =>
    (await lib.ok('searchText', { query })).hits.map((h) => [h.recordId, h.foundIn]);

  it('finds description and body text, and words spread across a linked name and the description', async () => {
    const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    const a = await lib.ok('createRecord', {
      type: 'press-release',
      title: 'Leeds welcomes a delegation',
      description: 'The delegation attended the Light Night festival.',
      bodyText: '杭州市代表团访问利兹，签署了谅解备忘录。',
      links: [{ authorityId: blake.id, role: 'speaker' }],
    });
    const b = await lib.ok('createRecord', {
      type: 'report',
      title: 'Annual report',
      description: 'Nothing about the light show here.',
    });
    expect(await found('festival')).toEqual([[a.id, 'description']]);
    expect(await found('festiv')).toEqual([[a.id, 'description']]);
    expect((await found('light')).sort()).toEqual([
      [a.id, 'description'],
      [b.id, 'description'],
    ]);
    expect(await found('谅解备忘录')).toEqual([[a.id, 'text']]);
    expect(await found('Blake festival')).toEqual([[a.id, 'description']]);
    expect(await found('"light night festival"')).toEqual([[a.id, 'description']]);
    expect(await found('festival -blake')).toEqual([]);
    const hit = (await lib.ok('searchText', { query: 'festival' })).hits[0]!;
    expect(hit).toMatchObject({ title: 'Leeds welcomes a delegation', type: 'press-release', fileName: '', page: 0 });
    expect(hit.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['festival']);
  });

  it('a type filter finds the best matches of that type, however many others rank above them', async () => {
    // Thirty reports say "partnership" over and over; two agreements say it once. The agreements
    // rank below every report, beyond four times the list asked for (what was read before).
    for (let i = 0; i < 30; i++)
      await lib.ok('createRecord', {
        type: 'report',
        title: `Report ${i}`,
        description: 'Partnership, partnership: the partnership.',
      });
    const agreements = [
      await lib.ok('createRecord', {
        type: 'agreement',
        title: 'MoU',
        description: 'A partnership and much else besides.',
      }),
      await lib.ok('createRecord', {
        type: 'agreement',
        title: 'Accord',
        description: 'Signed in the partnership year.',
      }),
    ];
    const typed = (await lib.ok('searchText', { query: 'type:agreement partnership', limit: 6 })).hits;
    expect(typed.map((h) => h.recordId).sort()).toEqual(agreements.map((a) => a.id).sort());
    expect(typed.every((h) => h.type === 'agreement' && h.foundIn === 'description')).toBe(true);
    // Unfiltered, the reports lead; both types together, the list is full.
    const all = (await lib.ok('searchText', { query: 'partnership', limit: 6 })).hits;
    expect(all.every((h) => h.type === 'report')).toBe(true);
    expect(
      (await lib.ok('searchText', { query: 'type:agreement type:report partnership', limit: 6 })).hits,
    ).toHaveLength(6);
  });

  it('finds a word near the end of a long body text and shows the neighbourhood of the match', async () => {
    const filler = 'The council met and discussed the budget. '.repeat(40_000); // ~1.7 MB
    const r = await lib.ok('createRecord', {
      type: 'report',
      title: 'Minutes',
      bodyText: `${filler}Finally the Qiantang river delegation was welcomed.`,
    });
    const hit = (await lib.ok('searchText', { query: 'qiantang' })).hits[0]!;
    expect([hit.recordId, hit.foundIn]).toEqual([r.id, 'text']);
    expect(hit.snippet[0]).toEqual({ text: '…', match: false });
    expect(hit.snippet.filter((x) => x.match).map((x) => x.text)).toEqual(['Qiantang']);
    expect(segmentsText(hit.snippet).length).toBeLessThan(260);
  });

  it('follows edits, deletes and a renamed authority in the same call that made them', async () => {
    const org = await lib.ok('createAuthority', { kind: 'organisation', name: 'Hisense' });
    const r = await lib.ok('createRecord', {
      type: 'report',
      title: 'Factory visit',
      description: 'A visit to the factory.',
      links: [{ authorityId: org.id, role: 'subject' }],
    });
    expect(await found('hisense factory')).toEqual([[r.id, 'description']]);
    await lib.ok('updateRecord', { id: r.id, patch: { description: 'A tour of the research centre.' } });
    expect(await found('factory')).toEqual([[r.id, 'record']]);
    expect(await found('research centre')).toEqual([[r.id, 'description']]);
    await lib.ok('updateAuthority', { id: org.id, patch: { name: 'Hisense Group' } });
    expect(await found('group research')).toEqual([[r.id, 'description']]);
    await lib.ok('deleteRecord', { id: r.id });
    expect(await found('research')).toEqual([]);
  });

  it('is filled for a catalogue that never had it, and rebuilt when asked', async () => {
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Letter', description: 'Greetings from Hangzhou' });
    await lib.close();
    // As a catalogue from before records_fts: the index empty, its state "never built".
    const db = new Database(path.join(lib.dir, 'catalogue.sqlite'));
    db.exec("INSERT INTO records_fts (records_fts) VALUES ('delete-all'); UPDATE record_text_state SET revision = -1");
    db.close();
    lib = await openTestLibrary(lib.dir);
    expect(await found('greetings')).toEqual([[r.id, 'description']]);
    expect(await lib.ok('rebuildTextIndex', {})).toEqual({ pages: 0, records: 1 });
    expect(await found('greetings')).toEqual([[r.id, 'description']]);
  });
});

describe('saved searches', () => {
  it('are saved by name (again = replace), listed and deleted', async () => {
    const first = await lib.ok('saveSearch', {
      name: 'Hangzhou MoUs',
      query: 'hangzhou type:agreement',
      filters: { years: [2018] },
    });
    expect(first).toMatchObject({
      name: 'Hangzhou MoUs',
      query: 'hangzhou type:agreement',
      filters: { years: [2018] },
    });
    await lib.ok('saveSearch', { name: 'hangzhou mous', query: 'hangzhou', filters: {} });
    expect((await lib.ok('listSavedSearches', {})).map((s) => [s.name, s.query])).toEqual([
      ['Hangzhou MoUs', 'hangzhou'],
    ]);
    await lib.ok('deleteSavedSearch', { id: first.id });
    expect(await lib.ok('listSavedSearches', {})).toEqual([]);
    const before = catalogueState(lib.dir);
    const bad = await lib.service.call('saveSearch', { name: '  ', query: 'x' });
    expect(bad.ok ? null : bad.error.field).toBe('name');
    expect(catalogueState(lib.dir)).toEqual(before);
  });
});

describe('the index snapshot', () => {
  it('is written atomically, loads as the same index, and is ignored when corrupt or foreign', async () => {
    await lib.ok('loadSample', {});
    const paths = libraryPaths(lib.dir);
    expect(await lib.ok('loadSearchSnapshot', {})).toBeNull();
    const written = writeSnapshotFor(paths);
    expect(written.documents).toBe(5);
    const snap = await lib.ok('loadSearchSnapshot', {});
    expect(snap?.revision).toBe(written.revision);
    const fromSnapshot = RecordSearch.fromJSON(snap!.data);
    const fresh = new RecordSearch();
    fresh.addAll((await lib.ok('searchDocuments', { sinceRevision: 0 })).upserts);
    for (const q of ['Hangzou', '杭州', 'person:blake', 'type:agreement year:2018']) {
      expect(fromSnapshot.search(q).hits.map((h) => h.id)).toEqual(fresh.search(q).hits.map((h) => h.id));
    }
    expect(fs.readdirSync(paths.index).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // Corrupt: cut in half.
    const file = snapshotFile(paths);
    const whole = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, whole.slice(0, whole.length / 2));
    expect(await lib.ok('loadSearchSnapshot', {})).toBeNull();
    // Foreign: another library's snapshot.
    const header = JSON.parse(whole.slice(0, whole.indexOf('\n'))) as Record<string, unknown>;
    fs.writeFileSync(
      file,
      `${JSON.stringify({ ...header, libraryId: 'someone-else' })}${whole.slice(whole.indexOf('\n'))}`,
    );
    expect(await lib.ok('loadSearchSnapshot', {})).toBeNull();
  });
});
