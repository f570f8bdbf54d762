/**
 * A folder of hostile files, made at test time in a temp folder, imported in one batch through the
 * service with the real job runner and extraction worker: each is stored with a clear reason (or
 * refused with one), nothing else in the batch is lost, and an ordinary file queued after them
 * still gets its text — because every parser runs within limits (time, memory, pixels, nesting).
 */
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../src/main/documents/jobs/runner';
import { textImage } from '../../fixtures/documents/generate';
import { catalogueState, openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import {
  brokenExifJpegs,
  corruptTiff,
  deeplyNestedPdf,
  flateBombPdf,
  g4BombTiff,
  hugeCountTiff,
  hugePng,
  selfReferencingPageTree,
  writeAll,
  writeOneLineText,
} from '../../support/hostile-files';

let lib: TestLibrary;
let batch: string;
const names: Record<string, number> = {};

beforeAll(async () => {
  lib = await openTestLibrary();
  const src = tempDir('hostile-');
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888888' } })
    .jpeg()
    .toBuffer();
  const exif = brokenExifJpegs(jpeg);
  // A three-page G4 scan cut short: libvips and the second TIFF decoder both meet the end early.
  const scan = textImage(['Scan of a letter'], { fontSize: 48, width: 800 });
  const page = await sharp(scan.grey, { raw: { width: scan.width, height: scan.height, channels: 1 } })
    .png()
    .toBuffer();
  const g4 = await sharp([page, page, page], { join: { animated: true } })
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1 })
    .toBuffer();
  // Named so that the queue meets them in this order, the ordinary file last.
  writeAll(src, {
    'a-page-tree-loop.pdf': selfReferencingPageTree(),
    'b-deeply-nested.pdf': deeplyNestedPdf(100_000),
    'c-flate-bomb.pdf': flateBombPdf(4),
    'd-30000x30000.png': hugePng(30_000, 30_000),
    'e-corrupt-ifd.tif': corruptTiff(),
    'e-g4-200000x200000.tif': g4BombTiff(200_000, 200_000),
    'e-huge-count.tif': hugeCountTiff(),
    'e-truncated-g4.tif': g4.subarray(0, Math.floor(g4.length * 0.6)),
    'f-exif-huge-count.jpg': exif.hugeCount,
    'g-exif-loop.jpg': exif.selfLoop,
    'z-ordinary.txt': Buffer.from(
      'An ordinary note about the Leeds–Hangzhou partnership, queued after the hostile files.\n',
    ),
  });
  writeOneLineText(path.join(src, 'h-one-line-100mb.txt'), 100 * 1024 * 1024);
  const queued = await lib.ok('importFiles', { paths: [src] });
  batch = queued.batch;
  // Tight limits so the test is quick: a job may take 8 s and grow memory by 400 MB at most.
  const runner = new JobRunner({
    service: lib.service,
    libraryRoot: lib.dir,
    ocr: false,
    jobTimeoutMs: 8_000,
    maxJobMemoryMb: 400,
  });
  try {
    await runner.runBatch(batch);
  } finally {
    await runner.stop();
  }
  const { jobs } = await lib.ok('listJobs', { batch, limit: 100 });
  for (const j of jobs) if (j.kind === 'extract' && j.fileId !== null) names[j.name] = j.fileId;
}, 120_000);

afterAll(async () => {
  await lib?.close();
});

async function info(name: string) {
  const id = names[name];
  expect(id, `${name} was stored`).toBeTypeOf('number');
  return lib.ok('fileInfo', { id: id! });
}

describe('hostile files, one batch', () => {
  it('stores every file (nothing in the batch is lost) and the queue finishes', async () => {
    const { jobs, counts } = await lib.ok('listJobs', { batch, limit: 100 });
    expect(counts).toMatchObject({ pending: 0, running: 0 });
    expect(jobs.filter((j) => j.kind === 'import').map((j) => [j.name, j.status])).toEqual(
      expect.arrayContaining(Object.keys(names).map((n) => [n, 'done'])),
    );
    expect(Object.keys(names).sort()).toHaveLength(12);
  });

  it('the ordinary file queued after them gets its text', async () => {
    const f = await info('z-ordinary.txt');
    expect(f).toMatchObject({ textStatus: 'done', textError: null });
    const pages = await lib.ok('filePages', { fileId: names['z-ordinary.txt']! });
    expect(pages[0]!.text).toContain('Leeds–Hangzhou partnership');
  });

  it.each([
    ['a-page-tree-loop.pdf', /circular reference/i],
    ['b-deeply-nested.pdf', /nested too deeply/],
    ['c-flate-bomb.pdf', /memory|timed out|too large|limit/i],
    ['d-30000x30000.png', /30000×30000 pixels, over the limit/],
    ['e-corrupt-ifd.tif', /cannot be (read|decoded)/],
    ['e-g4-200000x200000.tif', /200000×200000 pixels, over the limit/],
    ['e-huge-count.tif', /cannot be (read|decoded): (its TIFF structure is damaged|the file ends before)/],
    [
      'e-truncated-g4.tif',
      /cannot be (read|decoded): (its TIFF structure is damaged|the file ends before)|the file ends after page 1: any later pages are lost/,
    ],
  ])('%s is kept with a clear reason', async (name, reason) => {
    const f = await info(name);
    expect(['failed', 'skipped']).toContain(f.textStatus);
    expect(f.textError).toMatch(reason);
    // Our words, never a library's: libvips and libtiff name themselves and their internals.
    expect(f.textError).not.toMatch(/vips|tiff2|TIFFRead|StripOffsets|target/i);
  });

  it.each(['f-exif-huge-count.jpg', 'g-exif-loop.jpg'])(
    '%s: broken EXIF is ignored, the picture kept and read',
    async (name) => {
      const f = await info(name);
      expect(f).toMatchObject({ width: 8, height: 8 });
      expect(f.textStatus).toBe('skipped'); // OCR is off in this test
    },
  );

  it('a 100 MB one-line text is kept, its text read up to the limit with the reason', async () => {
    const f = await info('h-one-line-100mb.txt');
    expect(f.textStatus).toBe('done');
    expect(f.textError).toMatch(/only the first \d+ bytes were read/);
  });
});

describe('metadata files that are not UTF-8', () => {
  // The bytes as a browser or a lenient reader decodes them: every bad byte becomes U+FFFD.
  const lenient = (bytes: Buffer) => new TextDecoder('utf-8').decode(bytes);

  it.each([
    [
      'csv',
      Buffer.concat([
        Buffer.from('title,date\nGood row,2018\n'),
        Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]),
        Buffer.from(',2019\n'),
      ]),
    ],
    [
      'bibtex',
      Buffer.concat([
        Buffer.from('@article{a,\n  title = {Good},\n  year = {2018}\n}\n@article{b,\n  title = {Caf'),
        Buffer.from([0xe9, 0xc3, 0x28]),
        Buffer.from('},\n  year = {2019}\n}\n'),
      ]),
    ],
  ] as const)('%s with invalid UTF-8 is refused with the line, and nothing is written', async (format, bytes) => {
    const before = catalogueState(lib.dir);
    const r = await lib.service.call('importMetadata', { content: lenient(bytes), format });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/(line|row) \d+ .*not UTF-8|UTF-8/);
    expect(catalogueState(lib.dir)).toEqual(before);
  });
});
