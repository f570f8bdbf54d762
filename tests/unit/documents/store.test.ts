/**
 * The file store through the real service: import (files and folders), attach, dedup, fixity,
 * and bad input that must be refused with a reason and leave no orphan file nor dangling record.
 */
import { createHash } from 'node:crypto';
import { englishSkip } from '../../../src/shared/reports/en';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanName } from '../../../src/main/documents/file-records';
import { storedPath } from '../../../src/main/documents/store';
import { verifyLibrary, fixityProblems } from '../../../src/main/documents/verify';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { runCliProcess } from '../../support/cli';
import { makePdf } from '../../fixtures/documents/generate';
import { importAndWait } from '../../fixtures/documents/run';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
let lib: TestLibrary | null = null;
afterEach(async () => {
  await lib?.close();
  lib = null;
});

function write(dir: string, name: string, content: Buffer | string): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

/** Every row of files and record_files points at something real, and storage holds nothing else. */
async function expectConsistent(l: TestLibrary): Promise<void> {
  const report = await verifyLibrary(l.service, l.dir);
  expect(report.missing).toEqual([]);
  expect(report.altered).toEqual([]);
  expect(report.orphaned).toEqual([]);
}

describe('importing files', () => {
  it('imports a folder recursively, one record per file, typed by content, stored by hash', async () => {
    lib = await openTestLibrary();
    const src = tempDir('docs-in-');
    const text = 'Leeds and Hangzhou renewed their friendship.\n';
    const html =
      '<!doctype html><html><head><title>Delegation visits Hangzhou</title></head><body><p>Officers met.</p></body></html>';
    const pdf = makePdf([{ lines: ['A memorandum of understanding.'] }]);
    write(src, 'note.txt', text);
    write(src, 'web/saved page.html', html);
    write(src, 'deep/er/mou.pdf', pdf);
    write(src, 'looks-like.pdf', 'plain text wearing a pdf name\n');
    const { queued, jobs } = await importAndWait(lib, { paths: [src] });
    expect(queued.files.map((f) => path.relative(src, f.path)).sort()).toEqual([
      'deep/er/mou.pdf',
      'looks-like.pdf',
      'note.txt',
      'web/saved page.html',
    ]);
    const imports = jobs.filter((j) => j.kind === 'import');
    expect(imports.map((j) => j.status)).toEqual(['done', 'done', 'done', 'done']);
    const records = await lib.ok('listRecords', { sort: 'createdAt', direction: 'asc' });
    expect(records.total).toBe(4);

    const byName = new Map<string, { mediaType: string; sha256: string; size: number; recordId: number }>();
    for (const r of records.items) {
      const [f] = await lib.ok('recordFiles', { recordId: r.id });
      expect(f).toBeDefined();
      byName.set(f!.originalName, { mediaType: f!.mediaType, sha256: f!.sha256, size: f!.size, recordId: r.id });
    }
    expect(byName.get('mou.pdf')?.mediaType).toBe('application/pdf');
    expect(byName.get('saved page.html')?.mediaType).toBe('text/html');
    expect(byName.get('note.txt')?.mediaType).toBe('text/plain');
    expect(byName.get('looks-like.pdf')?.mediaType).toBe('text/plain'); // the name lies; the content decides
    const stored = storedPath(path.join(lib.dir, 'files'), sha(pdf));
    expect(stored).toBe(path.join(lib.dir, 'files', sha(pdf).slice(0, 2), sha(pdf)));
    expect(fs.readFileSync(stored).equals(pdf)).toBe(true);
    expect(byName.get('mou.pdf')).toMatchObject({ sha256: sha(pdf), size: pdf.length });
    // The title starts as the file name without its extension.
    expect((await lib.ok('getRecord', { id: byName.get('note.txt')!.recordId })).title).toBe('note');
    // No temporary copies are left behind.
    expect(fs.readdirSync(path.join(lib.dir, 'files')).filter((n) => n.startsWith('.'))).toEqual([]);
    await expectConsistent(lib);
  });

  it('stores the same content once and says which record already holds it', async () => {
    lib = await openTestLibrary();
    const src = tempDir('docs-in-');
    const a = write(src, 'a.txt', 'the same words\n');
    const b = write(src, 'copy of a.txt', 'the same words\n');
    const first = await importAndWait(lib, { paths: [a] });
    const firstRecord = (first.jobs[0]!.result as { recordId: number }).recordId;
    const second = await importAndWait(lib, { paths: [b] });
    const r = second.jobs.find((j) => j.kind === 'import')!.result as {
      recordId: number | null;
      alreadyIn: number[];
      duplicate: boolean;
    };
    expect(r).toMatchObject({ recordId: null, alreadyIn: [firstRecord], duplicate: true });
    expect((await lib.ok('listRecords', {})).total).toBe(1);

    // Attaching the same content to another record links it there, still stored once.
    const other = await lib.ok('createRecord', { type: 'letter', title: 'Covering letter' });
    const attached = await importAndWait(lib, { paths: [b], recordId: other.id });
    expect(attached.jobs[0]!.result).toMatchObject({ recordId: other.id, alreadyIn: [firstRecord] });
    const files = await lib.ok('recordFiles', { recordId: other.id });
    expect(files.map((f) => f.originalName)).toEqual(['copy of a.txt']);
    const info = await lib.ok('fileInfo', { sha256: sha('the same words\n') });
    expect(info.records.map((h) => h.recordId)).toEqual([firstRecord, other.id]);
    const db = new Database(path.join(lib.dir, 'catalogue.sqlite'), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n).toBe(1);
    db.close();
    // The attachment is in the record's audit trail.
    const audit = await lib.ok('auditTrail', { entity: 'record', id: other.id });
    expect(audit.some((e) => e.field === 'file 1' && e.newValue?.includes('copy of a.txt'))).toBe(true);
  });

  it('keeps odd names (unicode, backslashes, 255 bytes) and cleans names from elsewhere (folders, control characters, 300 characters)', async () => {
    lib = await openTestLibrary();
    const src = tempDir('docs-in-');
    // The longest name Linux allows (255 bytes); 300-character names only arrive from elsewhere (below).
    const long = `${'长'.repeat(40)}${'x'.repeat(131)}.txt`;
    const names = ['杭州 备忘录.txt', 'back\\slash.txt', long];
    for (const [i, n] of names.entries()) write(src, n, `file ${i}\n`);
    const { jobs } = await importAndWait(lib, { paths: [src] });
    expect(jobs.filter((j) => j.kind === 'import').every((j) => j.status === 'done')).toBe(true);
    const kept = [];
    for (const r of (await lib.ok('listRecords', {})).items)
      kept.push(...(await lib.ok('recordFiles', { recordId: r.id })).map((f) => f.originalName));
    expect(kept.sort()).toEqual([...names].sort());
    // Names that arrive from a browser or an archive may carry folders and control characters.
    expect(cleanName('../../etc/passwd')).toBe('passwd');
    expect(cleanName('C:\\Users\\me\\scan.pdf')).toBe('scan.pdf');
    expect(cleanName('a\u0000b\u001f.txt')).toBe('ab.txt');
    const three = `${'n'.repeat(300)}.pdf`;
    expect(cleanName(three)).toHaveLength(255);
    expect(cleanName(three).endsWith('.pdf')).toBe(true);
    expect(cleanName('..')).toBe('unnamed');
  });
});

describe('bad input', () => {
  it('refuses empty files, files over the size limit and missing paths, with reasons, leaving nothing behind', async () => {
    lib = await openTestLibrary();
    const src = tempDir('docs-in-');
    const empty = write(src, 'empty.pdf', '');
    const big = write(src, 'big.bin', Buffer.alloc(5_000, 7));
    const fine = write(src, 'fine.txt', 'fine\n');
    const before = process.env.CIVIC_ARCHIVE_MAX_FILE_BYTES;
    process.env.CIVIC_ARCHIVE_MAX_FILE_BYTES = '4096';
    try {
      const preview = await lib.ok('previewImport', { paths: [src, path.join(src, 'nope.pdf')] });
      expect(preview.files.map((f) => f.name)).toEqual(['fine.txt']);
      // Reasons travel as keys and numbers; each door words them (the CLI in English, below).
      const reasons = Object.fromEntries(preview.skipped.map(({ path: p, ...why }) => [path.basename(p), why]));
      expect(reasons['empty.pdf']).toEqual({ reason: 'empty' });
      expect(reasons['big.bin']).toEqual({ reason: 'too_large', size: 5000, limit: 4096 });
      expect(englishSkip(preview.skipped.find((s) => s.reason === 'too_large')!)).toBe(
        '5000 bytes, over the size limit of 4096 bytes',
      );
      expect(reasons['nope.pdf']).toEqual({ reason: 'missing' });
      expect((await lib.ok('previewImport', { paths: ['/'] })).skipped[0]!.reason).toBe('filesystem_root');
      // The library's own folder is never imported into itself.
      const self = await lib.ok('previewImport', { paths: [path.dirname(lib.dir)] });
      expect(self.files).toEqual([]);
      expect(self.skipped).toEqual([{ path: lib.dir, reason: 'inside_library' }]);
      const { queued } = await importAndWait(lib, { paths: [empty, big, fine] });
      expect(queued.queued).toBe(1);
      expect(queued.skipped).toHaveLength(2);
    } finally {
      if (before === undefined) delete process.env.CIVIC_ARCHIVE_MAX_FILE_BYTES;
      else process.env.CIVIC_ARCHIVE_MAX_FILE_BYTES = before;
    }
    expect((await lib.ok('listRecords', {})).total).toBe(1);
    await expectConsistent(lib);
  });

  it('the size limit is a library setting; the CLI shows it, sets it, and previews an import with --dry-run', async () => {
    const dir = path.join(tempDir(), 'library');
    lib = await openTestLibrary(dir);
    expect(await lib.ok('documentSettings', {})).toEqual({ maxFileBytes: 2 * 1024 ** 3, source: 'default' });
    expect(await lib.ok('updateDocumentSettings', { maxFileBytes: 4096 })).toEqual({
      maxFileBytes: 4096,
      source: 'library',
    });
    const src = tempDir('docs-in-');
    write(src, 'small.txt', 'small\n');
    write(src, 'large.bin', Buffer.alloc(5_000, 1));
    const preview = await lib.ok('previewImport', { paths: [src] });
    expect(preview.files.map((f) => f.name)).toEqual(['small.txt']);
    expect(preview.skipped[0]).toMatchObject({ reason: 'too_large', size: 5000, limit: 4096 });
    await lib.close();
    lib = null;

    const shown = await runCliProcess(['--library', dir, 'file-limit']);
    expect(shown.stdout.trim()).toBe('File size limit: 4096 bytes (library)');
    const dry = await runCliProcess(['--library', dir, 'import', '--dry-run', src]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/large\.bin: would be skipped — 5000 bytes, over the size limit of 4096 bytes/);
    expect(dry.stdout).toMatch(/Would import 1 file \(6 bytes\): 1 new record\. Nothing was changed\./);
    const reset = await runCliProcess(['--library', dir, '--json', 'file-limit', 'default']);
    expect(JSON.parse(reset.stdout)).toEqual({ maxFileBytes: 2 * 1024 ** 3, source: 'default' });
    lib = await openTestLibrary(dir);
    expect((await lib.ok('listJobs', {})).jobs).toEqual([]);
    expect((await lib.ok('listRecords', {})).total).toBe(0);
  });

  it('a file that vanishes or changes before it is copied fails its job with the reason; the queue goes on', async () => {
    lib = await openTestLibrary();
    const src = tempDir('docs-in-');
    const gone = write(src, 'gone.txt', 'soon gone\n');
    const grows = write(src, 'grows.txt', 'x');
    const ok = write(src, 'ok.txt', 'stays\n');
    await lib.ok('updateDocumentSettings', { maxFileBytes: 4096 });
    const queued = await lib.ok('importFiles', { paths: [gone, grows, ok] });
    fs.rmSync(gone);
    fs.writeFileSync(grows, Buffer.alloc(10_000, 1));
    const { JobRunner } = await import('../../../src/main/documents/jobs/runner');
    const runner = new JobRunner({ service: lib.service, libraryRoot: lib.dir, ocr: false });
    try {
      await runner.runBatch(queued.batch);
    } finally {
      await runner.stop();
    }
    const { jobs } = await lib.ok('listJobs', { batch: queued.batch });
    const byName = Object.fromEntries(jobs.filter((j) => j.kind === 'import').map((j) => [j.name, j]));
    expect(byName['gone.txt']).toMatchObject({ status: 'failed' });
    expect(byName['gone.txt']!.error).toMatch(/does not exist/);
    expect(byName['grows.txt']).toMatchObject({ status: 'failed' });
    expect(byName['grows.txt']!.error).toMatch(/size limit/);
    expect(byName['ok.txt']).toMatchObject({ status: 'done' });
    expect((await lib.ok('listRecords', {})).total).toBe(1);
    await expectConsistent(lib);
  });

  it('when registering fails (the record was deleted meanwhile) the copied file is removed', async () => {
    lib = await openTestLibrary();
    const src = tempDir('docs-in-');
    const file = write(src, 'orphan-to-be.txt', 'nobody will hold me\n');
    const record = await lib.ok('createRecord', { type: 'report', title: 'Soon deleted' });
    const queued = await lib.ok('importFiles', { paths: [file], recordId: record.id });
    await lib.ok('deleteRecord', { id: record.id });
    const { JobRunner } = await import('../../../src/main/documents/jobs/runner');
    const runner = new JobRunner({ service: lib.service, libraryRoot: lib.dir, ocr: false });
    await runner.runBatch(queued.batch);
    await runner.stop();
    const { jobs } = await lib.ok('listJobs', { batch: queued.batch });
    expect(jobs[0]).toMatchObject({ status: 'failed' });
    expect(jobs[0]!.error).toMatch(/record #\d+|no record/i);
    expect(fs.existsSync(storedPath(path.join(lib.dir, 'files'), sha('nobody will hold me\n')))).toBe(false);
    await expectConsistent(lib);
  });

  it('refuses relative paths and an unknown record before queueing anything', async () => {
    lib = await openTestLibrary();
    const rel = await lib.service.call('importFiles', { paths: ['relative/file.pdf'] });
    expect(rel).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'paths.0' } });
    const none = await lib.service.call('importFiles', { paths: [tempDir()], recordId: 999 });
    expect(none).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await lib.ok('listJobs', {})).jobs).toEqual([]);
  });
});

describe('fixity', () => {
  it('verify finds a one-byte change, a deleted file and an orphan; the CLI exits 1 and repairs nothing', async () => {
    const dir = path.join(tempDir(), 'library');
    lib = await openTestLibrary(dir);
    const src = tempDir('docs-in-');
    const one = write(src, 'one.txt', 'first document\n');
    const two = write(src, 'two.txt', 'second document\n');
    const three = write(src, 'three.txt', 'third document\n');
    await importAndWait(lib, { paths: [one, two, three] });
    let report = await verifyLibrary(lib.service, dir);
    expect(fixityProblems(report)).toBe(0);
    expect(report.checked).toBe(3);

    const filesDir = path.join(dir, 'files');
    const altered = storedPath(filesDir, sha('first document\n'));
    const bytes = fs.readFileSync(altered);
    bytes[0] = bytes[0]! ^ 1; // one bit of one byte
    fs.writeFileSync(altered, bytes);
    fs.rmSync(storedPath(filesDir, sha('second document\n')));
    const stray = storedPath(filesDir, sha('nobody knows me'));
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, 'nobody knows me');
    await lib.close();
    lib = null;

    const run = await runCliProcess(['--library', dir, '--json', 'verify']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/verify found 3 problems/);
    const out = JSON.parse(run.stdout) as {
      altered: { sha256: string; records: number[] }[];
      missing: { sha256: string }[];
      orphaned: string[];
      ok: number;
    };
    expect(out.altered.map((p) => p.sha256)).toEqual([sha('first document\n')]);
    expect(out.altered[0]!.records).toHaveLength(1);
    expect(out.missing.map((p) => p.sha256)).toEqual([sha('second document\n')]);
    expect(out.orphaned).toEqual([stray]);
    expect(out.ok).toBe(1);
    // Nothing was repaired or removed.
    expect(fs.readFileSync(altered).equals(bytes)).toBe(true);
    expect(fs.existsSync(stray)).toBe(true);
    // The catalogue keeps the outcome of the check.
    lib = await openTestLibrary(dir);
    const records = await lib.ok('listRecords', {});
    const statuses = [];
    for (const r of records.items)
      statuses.push(
        ...(await lib.ok('recordFiles', { recordId: r.id })).map((f) => [
          f.originalName,
          f.fixityStatus,
          Boolean(f.lastFixityCheck),
        ]),
      );
    expect(statuses.sort()).toEqual([
      ['one.txt', 'altered', true],
      ['three.txt', 'ok', true],
      ['two.txt', 'missing', true],
    ]);
    report = await verifyLibrary(lib.service, dir);
    expect(fixityProblems(report)).toBe(3);
  });
});

describe('long text and detaching', () => {
  it('a long text becomes pages of about 100,000 characters; detaching keeps the stored file', async () => {
    lib = await openTestLibrary();
    const src = tempDir('docs-in-');
    const line = 'The partnership between Leeds and Hangzhou continues.\n';
    const long = write(src, 'minutes.txt', line.repeat(5_000)); // 270,000 characters
    const { jobs } = await importAndWait(lib, { paths: [long] });
    const { recordId, fileId } = jobs[0]!.result as { recordId: number; fileId: number };
    const pages = await lib.ok('filePages', { fileId });
    expect(pages.length).toBe(3);
    expect(pages.every((p) => p.text.length <= 100_000 && p.text.endsWith('continues.'))).toBe(true);
    expect(pages.map((p) => p.text).join('\n').length).toBe(line.repeat(5_000).trim().length);

    const detached = await lib.ok('detachFile', { recordId, fileId });
    expect(detached.revision).toBeGreaterThan(0);
    expect(await lib.ok('recordFiles', { recordId })).toEqual([]);
    const audit = await lib.ok('auditTrail', { entity: 'record', id: recordId });
    expect(
      audit.some((e) => e.field === 'file 1' && e.newValue === null && e.oldValue?.startsWith('minutes.txt')),
    ).toBe(true);
    // Never deleted silently: the stored file stays (and is still intact and known).
    expect((await lib.ok('fileInfo', { id: fileId })).records).toEqual([]);
    await expectConsistent(lib);
  });
});
