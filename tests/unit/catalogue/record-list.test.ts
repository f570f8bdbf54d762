/** The workspace's list queries: windows of a sorted list, id ranges, records per year, and their filters. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../src/main/documents/jobs/runner';
import { makePdf } from '../../fixtures/documents/generate';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary | null = null;
let runner: JobRunner | null = null;
afterEach(async () => {
  await runner?.stop();
  runner = null;
  await lib?.close();
  lib = null;
});

async function seeded(): Promise<TestLibrary> {
  const l = await openTestLibrary();
  lib = l;
  const fonds = await l.ok('createCollection', { name: 'Partnerships', level: 'fonds' });
  const series = await l.ok('createCollection', { name: 'Hangzhou', level: 'series', parentId: fonds.id });
  const rows: [string, string | undefined, string, number | undefined][] = [
    ['Twinning agreement', '1988-05-12', 'LCC/1', fonds.id],
    ['Delegation photograph', '1988', 'LCC/2', series.id],
    ['Letter of thanks', '1989-01', 'LCC/3', series.id],
    ['Anniversary press release', '2018-09-14', 'LCC/4', undefined],
    ['Undated note', undefined, 'LCC/5', undefined],
  ];
  for (const [title, date, ref, collectionId] of rows) {
    await l.ok('createRecord', {
      type: 'other',
      title,
      ...(date ? { date } : {}),
      referenceCode: ref,
      ...(collectionId ? { collectionId } : {}),
    });
  }
  return l;
}

describe('records per year', () => {
  it('counts records by the year of their date, undated apart, under the same filters as the list', async () => {
    const l = await seeded();
    expect(await l.ok('recordsPerYear', {})).toEqual({
      years: [
        { year: 1988, count: 2 },
        { year: 1989, count: 1 },
        { year: 2018, count: 1 },
      ],
      undated: 1,
      total: 5,
    });
    const collections = await l.ok('listCollections', {});
    const fonds = collections.find((c) => c.name === 'Partnerships')!;
    expect((await l.ok('recordsPerYear', { collectionId: fonds.id })).years).toEqual([{ year: 1988, count: 1 }]);
    expect((await l.ok('recordsPerYear', { collectionId: fonds.id, subcollections: true })).years).toEqual([
      { year: 1988, count: 2 },
      { year: 1989, count: 1 },
    ]);
  });

  it('an empty library has no years', async () => {
    lib = await openTestLibrary();
    expect(await lib.ok('recordsPerYear', {})).toEqual({ years: [], undated: 0, total: 0 });
  });

  it('refuses a year that is not a year, and says which field', async () => {
    const l = await seeded();
    const r = await l.service.call('recordsPerYear', { year: 12_345 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('year');
  });
});

describe('list filters and ids', () => {
  it('filters by year (a partial date of that year, and nothing from the next)', async () => {
    const l = await seeded();
    const list = await l.ok('listRecords', { year: 1988, sort: 'title', direction: 'asc' });
    expect(list.items.map((r) => r.title)).toEqual(['Delegation photograph', 'Twinning agreement']);
    expect(list.total).toBe(2);
    expect((await l.ok('listRecords', { year: 1990 })).total).toBe(0);
  });

  it('sorts by every column, both ways, with ties broken by id', async () => {
    const l = await seeded();
    const refs = async (sort: 'referenceCode' | 'title' | 'date' | 'type' | 'updatedAt', direction: 'asc' | 'desc') =>
      (await l.ok('listRecords', { sort, direction })).items.map((r) => r.referenceCode);
    expect(await refs('referenceCode', 'asc')).toEqual(['LCC/1', 'LCC/2', 'LCC/3', 'LCC/4', 'LCC/5']);
    expect(await refs('referenceCode', 'desc')).toEqual(['LCC/5', 'LCC/4', 'LCC/3', 'LCC/2', 'LCC/1']);
    expect(await refs('title', 'asc')).toEqual(['LCC/4', 'LCC/2', 'LCC/3', 'LCC/1', 'LCC/5']);
    // Undated sorts first ascending (NULL is lowest), then by date, a year before its days.
    expect(await refs('date', 'asc')).toEqual(['LCC/5', 'LCC/2', 'LCC/1', 'LCC/3', 'LCC/4']);
    expect(await refs('type', 'asc')).toEqual(['LCC/5', 'LCC/2', 'LCC/1', 'LCC/3', 'LCC/4']);
    // The last one written is updated last.
    await l.ok('updateRecord', { id: 2, patch: { notes: 'touched' } });
    expect((await refs('updatedAt', 'desc'))[0]).toBe('LCC/2');
  });

  it('gives the ids of a range of the list in its order, with the total', async () => {
    const l = await seeded();
    const all = await l.ok('listRecords', { sort: 'referenceCode', direction: 'asc' });
    const ids = await l.ok('recordIds', { sort: 'referenceCode', direction: 'asc', offset: 1, limit: 3 });
    expect(ids).toEqual({ total: 5, ids: all.items.slice(1, 4).map((r) => r.id) });
  });

  it('filters by import batch: the records holding files of that import', async () => {
    const l = await seeded();
    const src = tempDir('record-list-');
    fs.writeFileSync(path.join(src, 'minutes.txt'), 'Minutes of the 1988 meeting\n');
    fs.writeFileSync(path.join(src, 'notes.txt'), 'Notes from Hangzhou\n');
    const queued = await l.ok('importFiles', { paths: [src] });
    runner = new JobRunner({ service: l.service, libraryRoot: l.dir, ocr: false });
    await runner.runBatch(queued.batch);
    const list = await l.ok('listRecords', { importBatch: queued.batch, sort: 'title', direction: 'asc' });
    expect(list.items.map((r) => r.title)).toEqual(['minutes', 'notes']);
    expect((await l.ok('listRecords', { importBatch: 'no-such-batch' })).total).toBe(0);
    // The sidebar's recent imports name it after its first file, newest first.
    fs.writeFileSync(path.join(src, 'later.txt'), 'A later import\n');
    const later = await l.ok('importFiles', { paths: [path.join(src, 'later.txt')] });
    const recent = await l.ok('recentImports', {});
    expect(recent.map((b) => [b.batch, b.name, b.files])).toEqual([
      [later.batch, 'later.txt', 1],
      [queued.batch, 'minutes.txt', 2],
    ]);
  });
});

describe('thumbnails in the list', () => {
  it("gives the thumbnail of a record's first file that has one, and nothing for records without", async () => {
    const l = await seeded();
    const src = tempDir('record-thumbs-');
    fs.writeFileSync(path.join(src, 'scan.pdf'), makePdf([{ lines: ['Memorandum of understanding'] }]));
    fs.writeFileSync(path.join(src, 'plain.txt'), 'no picture here\n');
    const queued = await l.ok('importFiles', { paths: [src] });
    runner = new JobRunner({ service: l.service, libraryRoot: l.dir, ocr: false });
    await runner.runBatch(queued.batch);
    const list = await l.ok('listRecords', { importBatch: queued.batch, sort: 'title', direction: 'asc' });
    const [plain, scan] = list.items;
    expect([plain!.title, scan!.title]).toEqual(['plain', 'scan']);
    const files = await l.ok('recordFiles', { recordId: scan!.id });
    const thumbs = await l.ok('recordThumbnails', { ids: [1, plain!.id, scan!.id] });
    expect(files[0]!.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(thumbs).toEqual([{ id: scan!.id, sha256: files[0]!.thumbnailSha256 }]);
  });
});

describe('the rows of the list', () => {
  it('carry their creators in link order, their collection and their tags, read for the whole page at once', async () => {
    const l = await seeded();
    const person = await l.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    const council = await l.ok('createAuthority', { kind: 'organisation', name: 'Leeds City Council' });
    const city = await l.ok('createAuthority', { kind: 'place', name: 'Hangzhou' });
    const [series] = (await l.ok('listCollections', {})).filter((c) => c.name === 'Hangzhou');
    const signed = await l.ok('createRecord', {
      type: 'other',
      title: 'Signed memorandum',
      date: '2030',
      collectionId: series!.id,
      tags: ['mou', 'Anniversary'],
      links: [
        { authorityId: council.id, role: 'party' },
        { authorityId: city.id, role: 'mentioned' },
        { authorityId: person.id, role: 'signatory' },
        // The same council again in another creating role: named once.
        { authorityId: council.id, role: 'issuer' },
      ],
    });
    const page = await l.ok('listRecords', { sort: 'date', direction: 'desc', limit: 3 });
    expect(page.items[0]).toMatchObject({
      id: signed.id,
      creators: ['Leeds City Council', 'Judith Blake'],
      collection: { id: series!.id, name: 'Hangzhou' },
      tags: ['Anniversary', 'mou'],
    });
    // Neither filed nor tagged nor linked: empty, not missing.
    const bare = page.items.find((r) => r.title === 'Anniversary press release')!;
    expect(bare).toMatchObject({ creators: [], collection: null, tags: [] });
    // Every row of a later page has them too, each its own.
    const rest = await l.ok('listRecords', { sort: 'title', direction: 'asc', offset: 2, limit: 10 });
    expect(rest.items.map((r) => [r.title, r.collection?.name ?? null])).toEqual([
      ['Letter of thanks', 'Hangzhou'],
      ['Signed memorandum', 'Hangzhou'],
      ['Twinning agreement', 'Partnerships'],
      ['Undated note', null],
    ]);
  });
});
