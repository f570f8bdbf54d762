/**
 * Round trips lose nothing (issue 11): a rich library — the sample, real files with their text
 * (a PDF with a text layer, an image with its thumbnail, two records with the same title and date
 * but different files), authorities with other names and places, links, tags, collections,
 * settings, a saved search, edits, a deleted record, a detached file — goes out as a BagIt package
 * and into a new library, and out as a backup and back by restore; the libraries are then compared
 * table by table (compare-libraries.ts says which columns are left out and why). A word of the PDF
 * is found by search in the imported library, and verify finds nothing wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../src/shared/contract';
import { restoreLibrary } from '../../../src/main/exchange/backup';
import { JobRunner } from '../../../src/main/files/jobs/runner';
import { listStorage } from '../../../src/main/files/store';
import { fixityProblems, verifyLibrary } from '../../../src/main/files/verify';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { sha256Of, storeState } from '../../support/reliability';
import { makePdf, textImage } from '../../fixtures/documents/generate';
import { importAndWait } from '../../fixtures/documents/run';
import { rawTables, RULES, snapshot } from './compare-libraries';

/** A word no sample record holds: found only through the PDF's page text. */
const WORD = 'Zephyrantheum';

const open: TestLibrary[] = [];
let source: TestLibrary;
let bag: string;

async function importBagAndWait(lib: TestLibrary, dir: string): Promise<{ report: OutputOf<'importBag'>; jobs: OutputOf<'listJobs'>['jobs'] }> {
  const planned = await lib.ok('importBag', { dir });
  expect(planned.batch).toEqual(expect.any(String));
  const runner = new JobRunner({ service: lib.service, libraryRoot: lib.dir, ocr: false });
  try {
    await runner.runBatch(planned.batch!);
  } finally {
    await runner.stop();
  }
  const { jobs } = await lib.ok('listJobs', { batch: planned.batch!, limit: 1_000 });
  const job = jobs.find((j) => j.kind === 'import')!;
  expect(job.status, job.error ?? '').toBe('done');
  return { report: job.result as OutputOf<'importBag'>, jobs };
}

async function fresh(dir = path.join(tempDir(), 'library')): Promise<TestLibrary> {
  const lib = await openTestLibrary(dir);
  open.push(lib);
  return lib;
}

async function buildSource(): Promise<TestLibrary> {
  const lib = await fresh();
  await lib.ok('loadSample', {});
  await lib.ok('updateSettings', { archiveName: 'West Yorkshire Archive Service', archivePlace: 'Leeds', defaultStyle: 'chicago-author-date', backupsKept: 3 });

  const folder = tempDir('round-trip-files-');
  const write = (name: string, content: Buffer | string) => {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
    return path.join(folder, name);
  };
  const pdf = write(
    'delegation-report.pdf',
    makePdf([{ lines: ['Report of the Leeds delegation to Hangzhou', `The ${WORD} agreement was discussed.`] }, { lines: ['Second page of the report.'] }], {
      title: 'Delegation report 2018',
    }),
  );
  const image = write('signing.png', textImage(['Signing ceremony']).png);
  // Two files of one name in two folders: two records with the same title (and, below, the same date) whose files differ.
  const scanA = write('box-1/scan.txt', 'Letter from Hangzhou, first page of box one.\n');
  const scanB = write('box-2/scan.txt', 'Letter to Hangzhou, a different letter in box two.\n');
  const extra = write('notes.txt', 'Working notes, later detached from their record.\n');
  const { jobs } = await importAndWait(lib, { paths: [pdf, image, scanA, scanB, extra], recordType: 'report' });
  expect(jobs.filter((j) => j.status !== 'done').map((j) => `${j.kind} ${j.name}: ${j.status} ${j.error}`)).toEqual([]);
  const recordOf = (name: string) => {
    const j = jobs.find((x) => x.kind === 'import' && x.source === name)!;
    return j.result as { recordId: number; fileId: number };
  };

  // Authorities with other names and a place; links with notes; tags; collections; edits.
  const person = await lib.ok('createAuthority', { kind: 'person', name: 'Xu Liping', altNames: [{ name: '徐立平', language: 'zh' }], description: 'Interpreter' });
  const place = await lib.ok('createAuthority', { kind: 'place', name: 'West Lake' });
  const event = await lib.ok('createAuthority', { kind: 'event', name: 'Lakeside reception', date: '2018-09-15', placeId: place.id });
  await lib.ok('createAuthority', { kind: 'organisation', name: 'Linked to no record' });
  const fonds = await lib.ok('createCollection', { name: 'International partnerships', level: 'fonds', referenceCode: 'IP' });
  const series = await lib.ok('createCollection', { name: 'Hangzhou', level: 'series', parentId: fonds.id });
  const report = recordOf(pdf);
  const r = await lib.ok('getRecord', { id: report.recordId });
  await lib.ok('updateRecord', {
    id: r.id,
    patch: {
      date: '2018-09',
      referenceCode: 'IP/HZ/7',
      tags: ['delegation', 'report'],
      collectionId: series.id,
      links: [
        { authorityId: person.id, role: 'author', note: 'translated the annex' },
        { authorityId: event.id, role: 'subject', note: null },
      ],
    },
  });
  await lib.ok('updateRecord', { id: r.id, patch: { description: 'Written after the 2018 visit.' } });
  for (const scan of [scanA, scanB]) await lib.ok('updateRecord', { id: recordOf(scan).recordId, patch: { date: '2018-10-01', collectionId: series.id } });
  await lib.ok('saveSearch', { name: 'Hangzhou agreements', query: 'Hangzhou', filters: { types: ['agreement'] } });
  // A record deleted (its history stays), and a file detached from its record (it stays in the library).
  const gone = await lib.ok('createRecord', { type: 'letter', title: 'A letter catalogued twice by mistake' });
  await lib.ok('deleteRecord', { id: gone.id });
  const notes = recordOf(extra);
  await lib.ok('detachFile', { recordId: notes.recordId, fileId: notes.fileId });
  return lib;
}

beforeAll(async () => {
  source = await buildSource();
  bag = path.join(tempDir(), 'bag');
  await source.ok('exportBag', { dir: bag });
}, 300_000);

afterAll(async () => {
  while (open.length) await open.pop()!.close();
});

describe('BagIt export -> import into a new library', () => {
  it('gives the same records, files, authorities, links, page text, history and settings, table by table', async () => {
    const target = await fresh();
    const startedAt = new Date().toISOString();
    const { report, jobs } = await importBagAndWait(target, bag);
    const s = snapshot(source.dir);
    const t = snapshot(target.dir);

    // Every table has a rule: compared, or left out for a stated reason.
    expect(t.tables.filter((name) => !(name in RULES))).toEqual([]);
    expect(s.tables).toEqual(t.tables);
    for (const table of Object.keys(s.rows)) expect(t.rows[table], table).toEqual(s.rows[table]);
    expect(s.rows.pages!.length).toBeGreaterThan(0);
    expect(s.rows.files!.length).toBe(5);
    expect(t.fts).toEqual(s.fts);

    // The history comes first, as it was (deleted records' included); then the import's own changes.
    expect(t.history.slice(0, s.history.length)).toEqual(s.history);
    const own = t.history.slice(s.history.length) as { at: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((c) => c.at >= startedAt)).toBe(true);

    // Nothing skipped as a duplicate: the two "scan" records (same title and date, other files) both came across.
    expect(report).toMatchObject({ skipped: 0, failed: 0, merged: 0 });
    const scans = (await target.ok('listRecords', { limit: 100 })).items.filter((x) => x.title === 'scan');
    expect(scans).toHaveLength(2);
    // The page text came in the bag: no extraction job was needed.
    expect(jobs.filter((j) => j.kind === 'extract')).toEqual([]);

    const found = await target.ok('searchText', { query: WORD.toLowerCase() });
    expect(found.hits.map((h) => [h.foundIn, h.fileName, h.page])).toContainEqual(['page', 'delegation-report.pdf', 1]);
    const fixity = await verifyLibrary(target.service, target.dir);
    expect(fixityProblems(fixity), JSON.stringify(fixity)).toBe(0);
    expect(fixity.checked).toBe(5);
  });
});

/** Every stored file (files/<xx>/<sha256>), each checked against its name. */
function storedFiles(libraryDir: string): string[] {
  const { hashes, strays } = listStorage(path.join(libraryDir, 'files'));
  expect(strays).toEqual([]);
  for (const h of hashes) expect(sha256Of(path.join(libraryDir, 'files', h.slice(0, 2), h))).toBe(h);
  return [...hashes].sort();
}

describe('backup -> restore', () => {
  it('restores every table row for row, and every stored file with the thumbnails', async () => {
    const archive = path.join(tempDir(), 'library.tar.gz');
    await source.ok('backupLibrary', { out: archive });
    const restoredDir = path.join(tempDir(), 'restored');
    restoreLibrary(archive, restoredDir, false);
    expect(rawTables(restoredDir)).toEqual(rawTables(source.dir));
    const thumbnails = snapshot(source.dir).rows.files!.map((f) => (JSON.parse(f) as { thumbnail_sha256: string | null }).thumbnail_sha256).filter(Boolean);
    expect(thumbnails.length).toBeGreaterThan(0);
    const files = storedFiles(restoredDir);
    expect(files).toEqual(storedFiles(source.dir));
    for (const t of thumbnails) expect(files).toContain(t);
    const restored = await fresh(restoredDir);
    expect((await restored.ok('searchText', { query: WORD.toLowerCase() })).hits.some((h) => h.foundIn === 'page')).toBe(true);
    const fixity = await verifyLibrary(restored.service, restored.dir);
    expect(fixityProblems(fixity), JSON.stringify(fixity)).toBe(0);
  });
});
