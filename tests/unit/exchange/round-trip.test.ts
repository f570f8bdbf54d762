/**
 * Round trips lose nothing (issue 11): a rich library — the sample, real files with their text
 * (a PDF with a text layer, an image with its thumbnail, two records with the same title and date
 * but different files), authorities with other names and places, links, tags, collections,
 * settings, a saved search, edits, a deleted record, a detached file — goes out as a BagIt package
 * and into a new library, and out as a backup and back by restore; the libraries are then compared
 * table by table (compare-libraries.ts says which columns are left out and why). A word of the PDF
 * is found by search in the imported library, and verify finds nothing wrong.
 */
import { createHash } from 'node:crypto';
import { englishRowNote } from '../../../src/shared/reports/row-note';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreLibrary } from '../../../src/main/exchange/backup';
import { JobRunner } from '../../../src/main/documents/jobs/runner';
import { listStorage } from '../../../src/main/documents/store';
import { fixityProblems, verifyLibrary } from '../../../src/main/documents/verify';
import { catalogueState, folderFingerprint, openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { cliIn } from '../../support/cli';
import { query, sha256Of } from '../../support/reliability';
import { makePdf, textImage } from '../../fixtures/documents/generate';
import { importAndWait, importBagAndWait } from '../../fixtures/documents/run';
import { rawTables, RULES, snapshot } from './compare-libraries';

/** A word no sample record holds: found only through the PDF's page text. */
const WORD = 'Zephyrantheum';
const SCAN_A = 'Letter from Hangzhou, first page of box one.\n';
const SCAN_B = 'Letter to Hangzhou, a different letter in box two.\n';

const open: TestLibrary[] = [];
let source: TestLibrary;
let bag: string;

async function fresh(dir = path.join(tempDir(), 'library')): Promise<TestLibrary> {
  const lib = await openTestLibrary(dir);
  open.push(lib);
  return lib;
}

async function buildSource(): Promise<TestLibrary> {
  const lib = await fresh();
  await lib.ok('loadSample', {});
  // A signatory who signed for a council: the bag must carry whom (record_links.on_behalf_of).
  const signatory = await lib.ok('createAuthority', { kind: 'person', name: 'Wang Guoping' });
  const council = await lib.ok('createAuthority', { kind: 'organisation', name: 'Hangzhou Municipal Government' });
  await lib.ok('createRecord', {
    type: 'agreement',
    title: 'Renewal of the friendship agreement',
    links: [{ authorityId: signatory.id, role: 'signatory', onBehalfOf: council.id }],
  });
  await lib.ok('updateSettings', {
    archiveName: 'West Yorkshire Archive Service',
    archivePlace: 'Leeds',
    defaultStyle: 'chicago-author-date',
    backupsKept: 3,
  });

  const folder = tempDir('round-trip-files-');
  const write = (name: string, content: Buffer | string) => {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
    return path.join(folder, name);
  };
  const pdf = write(
    'delegation-report.pdf',
    makePdf(
      [
        { lines: ['Report of the Leeds delegation to Hangzhou', `The ${WORD} agreement was discussed.`] },
        { lines: ['Second page of the report.'] },
      ],
      {
        title: 'Delegation report 2018',
      },
    ),
  );
  const image = write('signing.png', textImage(['Signing ceremony']).png);
  // Two files of one name in two folders: two records with the same title (and, below, the same date) whose files differ.
  const scanA = write('box-1/scan.txt', SCAN_A);
  const scanB = write('box-2/scan.txt', SCAN_B);
  const extra = write('notes.txt', 'Working notes, later detached from their record.\n');
  const { jobs } = await importAndWait(lib, { paths: [pdf, image, scanA, scanB, extra], recordType: 'report' });
  expect(jobs.filter((j) => j.status !== 'done').map((j) => `${j.kind} ${j.name}: ${j.status} ${j.error}`)).toEqual([]);
  const recordOf = (name: string) => {
    const j = jobs.find((x) => x.kind === 'import' && x.source === name)!;
    return j.result as { recordId: number; fileId: number };
  };

  // Authorities with other names and a place; links with notes; tags; collections; edits.
  const person = await lib.ok('createAuthority', {
    kind: 'person',
    name: 'Xu Liping',
    altNames: [{ name: '徐立平', language: 'zh' }],
    description: 'Interpreter',
  });
  const place = await lib.ok('createAuthority', { kind: 'place', name: 'West Lake' });
  const event = await lib.ok('createAuthority', {
    kind: 'event',
    name: 'Lakeside reception',
    date: '2018-09-15',
    placeId: place.id,
  });
  await lib.ok('createAuthority', { kind: 'organisation', name: 'Linked to no record' });
  const fonds = await lib.ok('createCollection', {
    name: 'International partnerships',
    level: 'fonds',
    referenceCode: 'IP',
  });
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
  for (const scan of [scanA, scanB])
    await lib.ok('updateRecord', {
      id: recordOf(scan).recordId,
      patch: { date: '2018-10-01', collectionId: series.id },
    });
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
    const thumbnails = snapshot(source.dir)
      .rows.files!.map((f) => (JSON.parse(f) as { thumbnail_sha256: string | null }).thumbnail_sha256)
      .filter(Boolean);
    expect(thumbnails.length).toBeGreaterThan(0);
    const files = storedFiles(restoredDir);
    expect(files).toEqual(storedFiles(source.dir));
    for (const t of thumbnails) expect(files).toContain(t);
    const restored = await fresh(restoredDir);
    expect(
      (await restored.ok('searchText', { query: WORD.toLowerCase() })).hits.some((h) => h.foundIn === 'page'),
    ).toBe(true);
    const fixity = await verifyLibrary(restored.service, restored.dir);
    expect(fixityProblems(fixity), JSON.stringify(fixity)).toBe(0);
  });
});

/** verify's findings (missing, altered, orphaned files, temp copies) as a list: empty when the library is sound. */
async function problems(lib: TestLibrary): Promise<string[]> {
  const r = await verifyLibrary(lib.service, lib.dir);
  return [
    ...r.missing.map((p) => `missing ${p.sha256}`),
    ...r.altered.map((p) => `altered ${p.sha256}`),
    ...r.orphaned.map((p) => `orphaned ${p}`),
  ];
}

/** The id of the source's record holding a file of this content. */
function recordHolding(lib: TestLibrary, content: string): number {
  const sha = createHash('sha256').update(content).digest('hex');
  return query<{ id: number }>(
    lib.dir,
    'SELECT rf.record_id AS id FROM record_files rf JOIN files f ON f.id = rf.file_id WHERE f.sha256 = ?',
    sha,
  )[0]!.id;
}

describe('duplicates on import', () => {
  it('are decided by reference code or by content, never by title and date; a skipped record leaves no stored file', async () => {
    const target = await fresh();
    // Already here: a record with the PDF record's reference code (but no file), and the first "scan" record (from a bag of it alone).
    await target.ok('createRecord', { type: 'report', title: 'Catalogued here first', referenceCode: 'IP/HZ/7' });
    const one = path.join(tempDir(), 'one-record-bag');
    await source.ok('exportBag', { dir: one, ids: [recordHolding(source, SCAN_A)] });
    expect((await importBagAndWait(target, one)).report).toMatchObject({ imported: 1 });

    const { report } = await importBagAndWait(target, bag);
    const byTitle = (title: string) => report.rows.filter((r) => r.title === title);
    expect(byTitle('Delegation report 2018')).toMatchObject([
      { status: 'skipped', duplicate: 'referenceCode', recordId: 1 },
    ]);
    // Same title and date, other file: one is the record already here, the other is new.
    expect(
      byTitle('scan')
        .map((r) => r.status)
        .sort(),
    ).toEqual(['imported', 'skipped']);
    expect(englishRowNote(byTitle('scan').find((r) => r.status === 'skipped')!)).toMatch(
      /^duplicate: the same files \(by content hash\) and description as record #2$/,
    );
    expect(report).toMatchObject({ skipped: 2, failed: 0 });

    // The skipped PDF was never stored, nor its thumbnail: nothing in storage that no row names.
    const pdf = query<{ sha256: string; thumb: string }>(
      source.dir,
      "SELECT sha256, thumbnail_sha256 AS thumb FROM files WHERE media_type = 'application/pdf'",
    )[0]!;
    expect(fs.existsSync(path.join(target.dir, 'files', pdf.sha256.slice(0, 2), pdf.sha256))).toBe(false);
    expect(fs.existsSync(path.join(target.dir, 'files', pdf.thumb.slice(0, 2), pdf.thumb))).toBe(false);
    expect(await problems(target)).toEqual([]);

    // The same bag again: everything is already here, nothing is added, nothing is left over.
    const records = (await target.ok('listRecords', {})).total;
    const again = await importBagAndWait(target, bag);
    expect(again.report).toMatchObject({ imported: 0, failed: 0 });
    expect((await target.ok('listRecords', {})).total).toBe(records);
    expect(await problems(target)).toEqual([]);
  });
});

describe('a bad bag is refused with a clear message, and nothing is written', () => {
  function copyOfBag(): string {
    const dir = path.join(tempDir(), 'bad-bag');
    fs.cpSync(bag, dir, { recursive: true });
    return dir;
  }
  const payload = (dir: string, prefix: string) => {
    const line = fs
      .readFileSync(path.join(dir, 'manifest-sha256.txt'), 'utf8')
      .split('\n')
      .find((l) => l.slice(66).startsWith(prefix))!;
    return line.slice(66);
  };

  it('a wrong checksum, a missing payload file, a link in data/, another tool’s bag (through the CLI)', async () => {
    const target = await fresh();
    await target.ok('createRecord', { type: 'letter', title: 'Already here' });
    const dir = target.dir;
    await target.close();
    open.splice(open.indexOf(target), 1);
    const state = catalogueState(dir);
    const files = folderFingerprint(path.join(dir, 'files'));
    const refused = async (bagDir: string, message: RegExp) => {
      const r = await cliIn(dir, ['import-bag', bagDir]);
      expect(r.code, r.stdout).toBe(1);
      expect(r.stderr.trim()).toMatch(message);
      expect(catalogueState(dir)).toEqual(state);
      expect(folderFingerprint(path.join(dir, 'files'))).toEqual(files);
    };

    const altered = copyOfBag();
    const pdfPath = payload(altered, 'data/files/');
    fs.appendFileSync(path.join(altered, pdfPath), 'x');
    await refused(
      altered,
      new RegExp(
        `^civic-archive: bag ${altered}: ${pdfPath.replace(/[.()]/g, '\\$&')} does not match its checksum in manifest-sha256\\.txt \\(it was altered or damaged\\); nothing was imported$`,
      ),
    );

    const missing = copyOfBag();
    const textPath = payload(missing, 'data/text/');
    fs.rmSync(path.join(missing, textPath));
    await refused(
      missing,
      new RegExp(
        `${textPath.replace(/[.]/g, '\\.')} is listed in manifest-sha256\\.txt but missing; nothing was imported$`,
      ),
    );

    const linked = copyOfBag();
    fs.symlinkSync('/etc/passwd', path.join(linked, 'data', 'passwd'));
    await refused(
      linked,
      /data\/passwd is a symbolic link; a bag's payload must be its own files; nothing was imported$/,
    );

    // A bag made by another tool, with tag files of its own: valid BagIt, but not ours to read as records.
    const other = path.join(tempDir(), 'other-tool-bag');
    fs.mkdirSync(path.join(other, 'data', 'photos'), { recursive: true });
    const photo = Buffer.from('not really a JPEG');
    fs.writeFileSync(path.join(other, 'data', 'photos', 'delegation.jpg'), photo);
    const sum = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
    const tagFiles: [string, string][] = [
      ['bagit.txt', 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n'],
      ['bag-info.txt', `Bag-Software-Agent: bagit.py v1.8.1\nPayload-Oxum: ${photo.length}.1\n`],
      ['manifest-sha256.txt', `${sum(photo)}  data/photos/delegation.jpg\n`],
      ['aptrust-info.txt', 'Title: Delegation photographs\nAccess: Institution\n'],
    ];
    for (const [name, content] of tagFiles) fs.writeFileSync(path.join(other, name), content);
    fs.writeFileSync(
      path.join(other, 'tagmanifest-sha256.txt'),
      tagFiles.map(([n, c]) => `${sum(c)}  ${n}\n`).join(''),
    );
    await refused(
      other,
      /it has no data\/records\.json, so it is not a Civic Archive bag \(it was made by bagit\.py v1\.8\.1\); its other tag files \(aptrust-info\.txt\) are not ones this app reads\. Its 1 payload files checked out; import them as files with `import .*other-tool-bag\/data`; nothing was imported$/,
    );
  });

  it('a payload file changed after the bag was checked fails the import job, leaving nothing behind', async () => {
    const target = await fresh();
    const changed = copyOfBag();
    const planned = await target.ok('importBag', { dir: changed });
    fs.appendFileSync(path.join(changed, payload(changed, 'data/files/')), 'changed meanwhile');
    const runner = new JobRunner({ service: target.service, libraryRoot: target.dir, ocr: false });
    try {
      await runner.runBatch(planned.batch!);
    } finally {
      await runner.stop();
    }
    const { jobs } = await target.ok('listJobs', { batch: planned.batch!, limit: 100 });
    expect(jobs.map((j) => [j.kind, j.status])).toEqual([['import', 'failed']]);
    expect(jobs[0]!.error).toMatch(
      /does not match its checksum in manifest-sha256\.txt \(it changed after the bag was checked\); nothing was imported$/,
    );
    expect((await target.ok('listRecords', {})).total).toBe(0);
    expect(await problems(target)).toEqual([]);
    expect(listStorage(path.join(target.dir, 'files'))).toEqual({ hashes: new Set(), strays: [] });
  });
});

/** Rewrites a bag's manifests, Payload-Oxum and tag manifest after its payload was changed, as a tool making such a bag would. */
function rebag(dir: string): void {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else files.push(path.relative(dir, path.join(d, e.name)).split(path.sep).join('/'));
    }
  };
  walk(path.join(dir, 'data'));
  const sum = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
  const manifest = files
    .sort()
    .map((f) => `${sum(fs.readFileSync(path.join(dir, f)))}  ${f}\n`)
    .join('');
  const octets = files.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  fs.writeFileSync(path.join(dir, 'manifest-sha256.txt'), manifest);
  const info = fs
    .readFileSync(path.join(dir, 'bag-info.txt'), 'utf8')
    .replace(/^Payload-Oxum: .*$/m, `Payload-Oxum: ${octets}.${files.length}`);
  fs.writeFileSync(path.join(dir, 'bag-info.txt'), info);
  const tags = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt'];
  fs.writeFileSync(
    path.join(dir, 'tagmanifest-sha256.txt'),
    tags.map((t) => `${sum(fs.readFileSync(path.join(dir, t)))}  ${t}\n`).join(''),
  );
}

describe('a bag of an earlier version (records and files only)', () => {
  it('imports its records and files, and rebuilds the page text with extraction jobs the import queues and runs', async () => {
    const old = path.join(tempDir(), 'old-bag');
    fs.cpSync(bag, old, { recursive: true });
    for (const d of ['library.json', 'text', 'derived']) fs.rmSync(path.join(old, 'data', d), { recursive: true });
    rebag(old);
    const target = await fresh();
    const { report, jobs } = await importBagAndWait(target, old);
    // Records with their files (the detached file went with library.json: no record holds it).
    const inBag = (JSON.parse(fs.readFileSync(path.join(old, 'data', 'records.json'), 'utf8')) as unknown[]).length;
    expect(report).toMatchObject({ imported: inBag, skipped: 0, failed: 0 });
    const extracts = jobs.filter((j) => j.kind === 'extract');
    expect(extracts.map((j) => j.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(
      query<{ s: string }>(target.dir, 'SELECT DISTINCT text_status AS s FROM files WHERE text_status = ?', 'pending'),
    ).toEqual([]);
    const found = await target.ok('searchText', { query: WORD.toLowerCase() });
    expect(found.hits.map((h) => [h.foundIn, h.fileName, h.page])).toContainEqual(['page', 'delegation-report.pdf', 1]);
    expect(await problems(target)).toEqual([]);
  });
});
