/**
 * The job queue with real worker threads: progress page by page, cancelling a running job (its
 * thread is stopped, the queue goes on), a job that fails marks its file "text failed: reason",
 * and jobs left running by a process that stopped resume on the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JobRunner, type RunnerEvent } from '../../../src/main/documents/jobs/runner';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { makePdf, textImage } from '../../fixtures/documents/generate';

let lib: TestLibrary | null = null;
let runner: JobRunner | null = null;
afterEach(async () => {
  await runner?.stop();
  runner = null;
  await lib?.close();
  lib = null;
});

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A PDF of `n` scanned pages (no text layer), so each page goes through OCR. */
function scannedPdf(n: number): Buffer {
  const img = textImage(['A scanned page of the archive.'], { fontSize: 30, width: 612 });
  const grey = Buffer.alloc(612 * 792, 255);
  img.grey.copy(grey, 0, 0, Math.min(img.grey.length, grey.length));
  return makePdf(Array.from({ length: n }, () => ({ image: { width: 612, height: 792, grey } })));
}

describe('job queue', () => {
  it('reports progress page by page, and a cancelled job stops while the queue goes on', async () => {
    lib = await openTestLibrary();
    const src = tempDir('docs-jobs-');
    const long = path.join(src, 'a-long-scan.pdf');
    fs.writeFileSync(long, scannedPdf(6));
    const next = path.join(src, 'b-next.txt');
    fs.writeFileSync(next, 'after the cancelled one\n');
    const queued = await lib.ok('importFiles', { paths: [long, next] });
    const events: RunnerEvent[] = [];
    runner = new JobRunner({
      service: lib.service,
      libraryRoot: lib.dir,
      ocr: true,
      idlePollMs: 50,
      onEvent: (e) => events.push(e),
    });
    runner.start();
    const l = lib;
    // Wait until the scan's extraction has reported a page in the catalogue, then cancel it.
    const running = await until('progress of the scan', async () => {
      const { jobs } = await l.ok('listJobs', { batch: queued.batch });
      return jobs.find(
        (j) => j.kind === 'extract' && j.name === 'a-long-scan.pdf' && j.status === 'running' && j.progressDone >= 1,
      );
    });
    expect(running.progressTotal).toBe(6);
    expect(running.progressLabel).toMatch(/page \d+ of 6/);
    expect(await lib.ok('cancelJobs', { ids: [running.id] })).toEqual({ cancelled: 1 });
    const done = await until('the rest of the queue', async () => {
      const r = await l.ok('listJobs', { batch: queued.batch });
      return r.counts.pending === 0 && r.counts.running === 0 && r;
    });
    const byKey = Object.fromEntries(done.jobs.map((j) => [`${j.kind} ${j.name}`, j]));
    expect(byKey['extract a-long-scan.pdf']).toMatchObject({ status: 'cancelled' });
    expect(byKey['extract b-next.txt']).toMatchObject({ status: 'done' });
    const scan = await lib.ok('fileInfo', { id: running.fileId! });
    expect(scan).toMatchObject({ textStatus: 'skipped', textError: 'text skipped: the job was cancelled' });
    // It stopped before the last page, and no page was stored afterwards.
    const pagesSeen = events.filter((e) => e.job.id === running.id && e.phase === 'progress').map((e) => e.done ?? 0);
    expect(Math.max(...pagesSeen)).toBeLessThan(6);
    expect(await lib.ok('filePages', { fileId: running.fileId! })).toEqual([]);
  });

  it('a job that fails (here: times out) marks its file "text failed: reason" and the queue goes on', async () => {
    lib = await openTestLibrary();
    const src = tempDir('docs-jobs-');
    fs.writeFileSync(path.join(src, 'a-slow.pdf'), scannedPdf(3));
    const queued = await lib.ok('importFiles', { paths: [src] });
    runner = new JobRunner({ service: lib.service, libraryRoot: lib.dir, ocr: true, jobTimeoutMs: 300 });
    await runner.runBatch(queued.batch);
    const { jobs } = await lib.ok('listJobs', { batch: queued.batch });
    const extract = jobs.find((j) => j.kind === 'extract')!;
    expect(extract).toMatchObject({ status: 'failed', error: 'timed out after 0 s' });
    expect(await lib.ok('fileInfo', { id: extract.fileId! })).toMatchObject({
      textStatus: 'failed',
      textError: 'text failed: timed out after 0 s',
    });
    // The queue goes on (with a new worker thread, since the stuck one was stopped).
    await runner.stop();
    runner = new JobRunner({ service: lib.service, libraryRoot: lib.dir, ocr: true });
    fs.writeFileSync(path.join(src, 'b.txt'), 'next one\n');
    const again = await lib.ok('importFiles', { paths: [path.join(src, 'b.txt')] });
    await runner.runBatch(again.batch);
    expect((await lib.ok('listJobs', { batch: again.batch })).jobs.map((j) => j.status)).toEqual(['done', 'done']);
  });

  it('jobs left running when the process stopped resume on the next start', async () => {
    const dir = path.join(tempDir(), 'library');
    lib = await openTestLibrary(dir);
    const src = tempDir('docs-jobs-');
    fs.writeFileSync(path.join(src, 'one.txt'), 'first\n');
    fs.writeFileSync(path.join(src, 'two.txt'), 'second\n');
    const queued = await lib.ok('importFiles', { paths: [src] });
    // A runner claims a job, then the app quits before finishing it.
    const claimed = await lib.ok('claimJob', {});
    expect(claimed).toMatchObject({ kind: 'import', status: 'running' });
    await lib.close();

    lib = await openTestLibrary(dir);
    expect((await lib.ok('listJobs', { batch: queued.batch })).counts).toMatchObject({ running: 1, pending: 1 });
    runner = new JobRunner({ service: lib.service, libraryRoot: dir, ocr: false, idlePollMs: 50 });
    runner.start();
    const l = lib;
    const r = await until('the resumed jobs', async () => {
      const x = await l.ok('listJobs', { batch: queued.batch });
      return x.counts.done === 4 && x;
    });
    expect(r.counts).toMatchObject({ done: 4, running: 0, pending: 0, failed: 0 });
    expect((await lib.ok('listRecords', {})).total).toBe(2);
  });
});

describe('quitting in the middle', () => {
  it('an extraction interrupted by stop() stays running and is finished by the next runner', async () => {
    const dir = path.join(tempDir(), 'library');
    lib = await openTestLibrary(dir);
    const src = tempDir('docs-jobs-');
    fs.writeFileSync(path.join(src, 'scan.pdf'), scannedPdf(3));
    const queued = await lib.ok('importFiles', { paths: [src] });
    runner = new JobRunner({ service: lib.service, libraryRoot: dir, ocr: true, idlePollMs: 50 });
    runner.start();
    const l = lib;
    await until('the extraction to start', async () =>
      (await l.ok('listJobs', { batch: queued.batch })).jobs.find(
        (j) => j.kind === 'extract' && j.status === 'running',
      ),
    );
    await runner.stop();
    runner = null;
    const left = (await lib.ok('listJobs', { batch: queued.batch })).jobs.find((j) => j.kind === 'extract')!;
    expect(left.status).toBe('running');
    expect(await lib.ok('filePages', { fileId: left.fileId! })).toEqual([]);
    await lib.close();

    lib = await openTestLibrary(dir);
    runner = new JobRunner({ service: lib.service, libraryRoot: dir, ocr: true, idlePollMs: 50 });
    runner.start();
    const again = lib;
    await until(
      'the resumed extraction',
      async () => (await again.ok('listJobs', { batch: queued.batch })).counts.done === 2,
    );
    const pages = await lib.ok('filePages', { fileId: left.fileId! });
    expect(pages.map((p) => [p.page, p.source])).toEqual([
      [1, 'ocr'],
      [2, 'ocr'],
      [3, 'ocr'],
    ]);
  });
});

describe('fixity as a job (the app\'s "Check files")', () => {
  it('re-hashes every stored file in the background and keeps the report as the job result', async () => {
    lib = await openTestLibrary();
    const src = tempDir('docs-jobs-');
    fs.writeFileSync(path.join(src, 'kept.txt'), 'kept safe\n');
    fs.writeFileSync(path.join(src, 'lost.txt'), 'will be lost\n');
    const queued = await lib.ok('importFiles', { paths: [src] });
    runner = new JobRunner({ service: lib.service, libraryRoot: lib.dir, ocr: false });
    await runner.runBatch(queued.batch);
    const lost = (await lib.ok('listJobs', { batch: queued.batch })).jobs.find(
      (j) => j.kind === 'import' && j.name === 'lost.txt',
    )!;
    const sha = (lost.result as { sha256: string }).sha256;
    fs.rmSync(path.join(lib.dir, 'files', sha.slice(0, 2), sha));
    const started = await lib.ok('startVerify', {});
    // Asking again while it is queued gives the same job.
    expect(await lib.ok('startVerify', {})).toEqual(started);
    await runner.runBatch(started.batch);
    const job = (await lib.ok('listJobs', { batch: started.batch })).jobs[0]!;
    expect(job).toMatchObject({ kind: 'verify', status: 'done' });
    expect(job.result).toMatchObject({ checked: 2, ok: 1, problems: 1, altered: [], orphaned: [] });
    expect((job.result as { missing: { sha256: string }[] }).missing.map((m) => m.sha256)).toEqual([sha]);
  });
});
