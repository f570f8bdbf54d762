/**
 * Text from real files through the real job runner (extraction in its worker thread): PDF text
 * layers page by page, HTML, encrypted and broken PDFs, photos with EXIF, multi-page TIFF,
 * decompression bombs; the text lands in pages + pages_fts and the record's change is logged.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsTerms } from '../../../src/main/search/fulltext';
import { storedPath } from '../../../src/main/documents/store';
import { verifyLibrary, fixityProblems } from '../../../src/main/documents/verify';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { runCliProcess } from '../../support/cli';
import { makePdf } from '../../fixtures/documents/generate';
import { importAndWait } from '../../fixtures/documents/run';

let lib: TestLibrary;
let src: string;
beforeAll(async () => {
  lib = await openTestLibrary();
  src = tempDir('docs-text-');
});
afterAll(async () => {
  await lib.close();
});

function write(name: string, content: Buffer | string): string {
  const p = path.join(src, name);
  fs.writeFileSync(p, content);
  return p;
}

async function importOne(name: string, content: Buffer | string, opts: { ocr?: boolean } = {}) {
  const { jobs } = await importAndWait(lib, { paths: [write(name, content)] }, opts);
  const imported = jobs.find((j) => j.kind === 'import')!;
  expect(imported.status, imported.error ?? '').toBe('done');
  const { recordId, fileId } = imported.result as { recordId: number; fileId: number };
  const extract = jobs.find((j) => j.kind === 'extract');
  const info = await lib.ok('fileInfo', { id: fileId });
  const pages = await lib.ok('filePages', { fileId });
  return { recordId, fileId, extract, info, pages, record: await lib.ok('getRecord', { id: recordId }) };
}

/** Page numbers of a file whose indexed terms match an FTS5 query built from the shared tokenizer. */
function ftsPages(fileId: number, phrase: string): number[] {
  const db = new Database(path.join(lib.dir, 'catalogue.sqlite'), { readonly: true });
  try {
    const query = ftsTerms(phrase)
      .split(' ')
      .map((t) => `"${t}"`)
      .join(' AND ');
    return (
      db
        .prepare(
          'SELECT p.page FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid WHERE pages_fts MATCH ? AND p.file_id = ? ORDER BY p.page',
        )
        .all(query, fileId) as {
        page: number;
      }[]
    ).map((r) => r.page);
  } finally {
    db.close();
  }
}

describe('PDF text layer', () => {
  it('stores each page with its source, indexes it, logs the record change and takes suggestions', async () => {
    const pdf = makePdf(
      [
        { lines: ['Leeds City Council press release', 'A delegation travelled to Hangzhou.'] },
        { lines: ['The memorandum of understanding was signed', 'by both cities in September 2018.'] },
        { lines: ['Phoenix Dance Theatre performed at the Grand Theatre.'] },
      ],
      { title: 'Leeds delegation to Hangzhou', author: 'Leeds City Council', creationDate: 'D:20180914103000Z' },
    );
    const revisionBefore = (await lib.ok('libraryInfo', {})).revision;
    const r = await importOne('press-release.pdf', pdf);
    expect(r.info).toMatchObject({
      mediaType: 'application/pdf',
      pageCount: 3,
      textStatus: 'done',
      textError: null,
      encrypted: false,
    });
    expect(r.pages.map((p) => [p.page, p.source, p.confidence])).toEqual([
      [1, 'text-layer', null],
      [2, 'text-layer', null],
      [3, 'text-layer', null],
    ]);
    expect(r.pages[1]!.text).toContain('The memorandum of understanding was signed');
    expect(r.pages[2]!.text).toContain('Phoenix Dance Theatre performed at the Grand Theatre.');
    expect(ftsPages(r.fileId, 'memorandum of understanding')).toEqual([2]);
    expect(ftsPages(r.fileId, 'Phoenix Dance')).toEqual([3]);
    // Suggestions fill what is empty: the title was only the file name, the date was empty.
    expect(r.record.title).toBe('Leeds delegation to Hangzhou');
    expect(r.record.date).toBe('2018-09-14');
    expect(r.info.metadata).toMatchObject({ author: 'Leeds City Council', created: '2018-09-14' });
    // A thumbnail of the first page, stored once and known to the catalogue.
    expect(r.info.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
    const thumb = fs.readFileSync(storedPath(path.join(lib.dir, 'files'), r.info.thumbnailSha256!));
    const meta = await sharp(thumb).metadata();
    expect(Math.max(meta.width, meta.height)).toBe(256);
    // The search index follows the change log: the record changed after its text was stored.
    const feed = await lib.ok('changesSince', { revision: revisionBefore });
    expect(
      feed.changes.filter((c) => c.entity === 'record' && c.entityId === r.recordId).length,
    ).toBeGreaterThanOrEqual(3);
    const audit = await lib.ok('auditTrail', { entity: 'record', id: r.recordId });
    expect(audit.find((e) => e.field === 'text of press-release.pdf')?.newValue).toBe('done: 3 pages of text');
    expect(fixityProblems(await verifyLibrary(lib.service, lib.dir))).toBe(0);
  });

  it('reads an encrypted PDF that opens without a password, and flags it', async () => {
    const pdf = makePdf([{ lines: ['Confidential but readable agreement text.'] }], {
      encrypt: { user: '', owner: 'owner-secret' },
    });
    const r = await importOne('protected-no-user-password.pdf', pdf);
    expect(r.info).toMatchObject({ encrypted: true, textStatus: 'done', pageCount: 1 });
    expect(r.pages[0]!.text).toContain('Confidential but readable agreement text.');
  });

  it('keeps an encrypted PDF that needs a password, flagged, with the reason its text was skipped', async () => {
    const pdf = makePdf([{ lines: ['Secret text nobody may read.'] }], {
      encrypt: { user: 'open-sesame', owner: 'owner' },
    });
    const r = await importOne('locked.pdf', pdf);
    expect(r.info).toMatchObject({ encrypted: true, textStatus: 'skipped' });
    expect(r.info.textError).toMatch(/encrypted: the PDF needs a password/);
    expect(r.pages).toEqual([]);
    expect(fs.readFileSync(storedPath(path.join(lib.dir, 'files'), r.info.sha256)).equals(pdf)).toBe(true);
  });

  it('keeps a truncated PDF and a corrupt one, says why, and the queue goes on', async () => {
    const whole = makePdf([{ lines: ['First page survives.'] }, { lines: ['Second page.'] }]);
    const truncated = whole.subarray(0, Math.floor(whole.length * 0.5));
    const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000, 0x41)]);
    const a = write('truncated.pdf', truncated);
    const b = write('corrupt.pdf', corrupt);
    const c = write('after.txt', 'the queue went on\n');
    const { jobs } = await importAndWait(lib, { paths: [a, b, c] });
    expect(jobs.filter((j) => j.kind === 'import').map((j) => j.status)).toEqual(['done', 'done', 'done']);
    const extracts = jobs.filter((j) => j.kind === 'extract');
    expect(extracts.map((j) => j.status)).toEqual(['done', 'done', 'done']);
    const infos = await Promise.all(
      jobs
        .filter((j) => j.kind === 'import')
        .map((j) => lib.ok('fileInfo', { id: (j.result as { fileId: number }).fileId })),
    );
    const [t, k, after] = infos;
    // pdf.js may recover the pages before the cut; either way nothing is lost and the reason is given.
    expect(['done', 'failed', 'none']).toContain(t!.textStatus);
    if (t!.textStatus !== 'done') expect(t!.textError).toBeTruthy();
    expect(k).toMatchObject({ textStatus: 'failed', mediaType: 'application/pdf' });
    expect(k!.textError).toMatch(/not a readable PDF/);
    expect(after!.textStatus).toBe('done');
    expect(fixityProblems(await verifyLibrary(lib.service, lib.dir))).toBe(0);
  });
});

describe('other formats', () => {
  it('an HTML page: kept as is, its title and text taken (no scripts), its date suggested', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Hangzhou TV: Leeds &amp; Hangzhou mark 30 years</title>
      <meta property="article:published_time" content="2018-09-15T08:00:00+08:00"><style>p{color:red}</style></head>
      <body><script>var tracking = "do not index me";</script><h1>Thirty years of friendship</h1>
      <p>Dancers from Leeds performed in 杭州 on Saturday.</p></body></html>`;
    const r = await importOne('hangzhou-tv.html', html);
    expect(r.info).toMatchObject({ mediaType: 'text/html', textStatus: 'done' });
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0]!.source).toBe('html');
    expect(r.pages[0]!.text).toContain('Hangzhou TV: Leeds & Hangzhou mark 30 years');
    expect(r.pages[0]!.text).toContain('Dancers from Leeds performed in 杭州 on Saturday.');
    expect(r.pages[0]!.text).not.toContain('do not index me');
    expect(r.pages[0]!.text).not.toContain('color:red');
    expect(r.record.title).toBe('Hangzhou TV: Leeds & Hangzhou mark 30 years');
    expect(r.record.date).toBe('2018-09-15');
    expect(ftsPages(r.fileId, '杭州')).toEqual([1]);
  });

  it('a photo with EXIF: date taken, camera and GPS position; the date fills the empty field only', async () => {
    const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#3a6ea5' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'Canon', Model: 'EOS 5D' },
        IFD2: { DateTimeOriginal: '2018:09:14 10:30:00' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '30/1 15/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '120/1 10/1 0/1',
        },
      })
      .toBuffer();
    const r = await importOne('signing.jpg', jpeg, { ocr: true });
    expect(r.info).toMatchObject({ mediaType: 'image/jpeg', width: 320, height: 200, pageCount: 1 });
    expect(r.info.metadata).toMatchObject({ dateTaken: '2018-09-14', camera: 'Canon EOS 5D' });
    const gps = r.info.metadata.gps as { latitude: number; longitude: number };
    expect(gps.latitude).toBeCloseTo(30.25, 5);
    expect(gps.longitude).toBeCloseTo(120.1667, 3);
    expect(r.record.date).toBe('2018-09-14');
    expect(r.info.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
    // A plain blue photo has no legible text: no page is stored, and the reason says so.
    expect(r.info.textStatus).toBe('none');
    expect(r.pages).toEqual([]);

    // Attached to a record whose date is set, the photo's date does not overwrite it.
    const dated = await lib.ok('createRecord', { type: 'photograph', title: 'Signing ceremony', date: '2018-09' });
    const copy = await sharp(jpeg)
      .withExif({ IFD0: { Make: 'Canon', Model: 'EOS 5D' }, IFD2: { DateTimeOriginal: '2018:09:14 10:30:00' } })
      .jpeg({ quality: 70 })
      .toBuffer();
    await importAndWait(lib, { paths: [write('signing-2.jpg', copy)], recordId: dated.id }, { ocr: false });
    const after = await lib.ok('getRecord', { id: dated.id });
    expect(after).toMatchObject({ title: 'Signing ceremony', date: '2018-09' });
  });

  it('audio and video are kept with their duration; random bytes named .pdf are kept as a plain attachment', async () => {
    const wavHeader = Buffer.alloc(44);
    wavHeader.write('RIFF', 0, 'latin1');
    wavHeader.writeUInt32LE(36 + 16_000, 4);
    wavHeader.write('WAVEfmt ', 8, 'latin1');
    wavHeader.writeUInt32LE(16, 16);
    wavHeader.writeUInt16LE(1, 20); // PCM
    wavHeader.writeUInt16LE(1, 22); // mono
    wavHeader.writeUInt32LE(8_000, 24); // samples per second
    wavHeader.writeUInt32LE(8_000, 28); // bytes per second
    wavHeader.writeUInt16LE(1, 32);
    wavHeader.writeUInt16LE(8, 34);
    wavHeader.write('data', 36, 'latin1');
    wavHeader.writeUInt32LE(16_000, 40);
    const wav = await importOne('speech.wav', Buffer.concat([wavHeader, Buffer.alloc(16_000, 128)]));
    expect(wav.info).toMatchObject({ mediaType: 'audio/wav', durationSeconds: 2, textStatus: 'none' });

    const box = (type: string, body: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(8 + body.length);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, body]);
    };
    const mvhd = Buffer.alloc(100);
    mvhd.writeUInt32BE(1_000, 12); // timescale
    mvhd.writeUInt32BE(12_500, 16); // duration: 12.5 s
    const mp4 = Buffer.concat([
      box('ftyp', Buffer.from('isom\0\0\0\0isomiso2', 'latin1')),
      box('moov', box('mvhd', mvhd)),
      box('mdat', Buffer.alloc(64)),
    ]);
    const video = await importOne('tv-report.mp4', mp4);
    expect(video.info).toMatchObject({ mediaType: 'video/mp4', durationSeconds: 12.5 });

    const random = Buffer.from(Array.from({ length: 4_096 }, (_, i) => (i * 7919 + 13) % 256));
    const fake = await importOne('looks-like-a.pdf', random);
    expect(fake.info).toMatchObject({ mediaType: 'application/octet-stream', textStatus: 'none' });
    expect(fake.info.textError).toBe('kept as an attachment: no text is read from application/octet-stream content');
    expect(fs.readFileSync(storedPath(path.join(lib.dir, 'files'), fake.info.sha256)).equals(random)).toBe(true);
  });

  it('an image with absurd dimensions is kept but never decoded', async () => {
    // A PNG header claiming 100000 × 100000 pixels (10 gigapixels) with almost no data.
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(body));
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(100_000, 0);
    ihdr.writeUInt32BE(100_000, 4);
    ihdr.set([8, 0, 0, 0, 0], 8);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', zlib.deflateSync(Buffer.alloc(1_000))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const r = await importOne('bomb.png', png, { ocr: true });
    expect(r.info).toMatchObject({
      mediaType: 'image/png',
      width: 100_000,
      height: 100_000,
      textStatus: 'skipped',
      thumbnailSha256: null,
    });
    expect(r.info.textError).toMatch(/over the limit of 150000000 pixels: kept, but not decoded/);
  });

  it('imports through the CLI, waiting for the text, with a progress line and --json output', async () => {
    const dir = path.join(tempDir(), 'library');
    const pdf = write(
      'cli.pdf',
      makePdf([{ lines: ['Searchable right after the import.'] }, { lines: ['Second page.'] }]),
    );
    const run = await runCliProcess(['--library', dir, '--json', 'import', pdf, '--type', 'press-release', '--no-ocr']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      imported: number;
      files: { recordId: number; fileId: number; text: { status: string; pages: number } }[];
    };
    expect(out.imported).toBe(1);
    expect(out.files[0]!.text).toMatchObject({ status: 'done', pages: 2 });
    const text = await runCliProcess(['--library', dir, 'text', String(out.files[0]!.fileId)]);
    expect(text.stdout).toContain('--- page 1 (text-layer)\nSearchable right after the import.');
    const human = await runCliProcess(['--library', dir, 'import', write('again.pdf', fs.readFileSync(pdf))]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/again\.pdf: already in the library \(record #1\); not stored again/);
    expect(human.stderr).toMatch(/storing file 1: again\.pdf — done/);
    // --no-wait stores now and leaves the text to the queue; `jobs --run` does it.
    const later = await runCliProcess([
      '--library',
      dir,
      '--json',
      'import',
      '--no-wait',
      write('later.html', '<title>Later</title><p>Read afterwards.</p>'),
    ]);
    expect(later.code, later.stderr).toBe(0);
    const laterOut = JSON.parse(later.stdout) as { files: { fileId: number; text: { status: string } }[] };
    expect(laterOut.files[0]!.text.status).toBe('pending');
    const work = await runCliProcess(['--library', dir, 'jobs', '--run']);
    expect(work.code, work.stderr).toBe(0);
    expect(work.stdout).toMatch(/0 pending, 0 running, \d+ done, 0 failed/);
    const pages = await runCliProcess(['--library', dir, '--json', 'text', String(laterOut.files[0]!.fileId)]);
    expect((JSON.parse(pages.stdout) as { text: string }[])[0]!.text).toBe('Later\nRead afterwards.');
  });
});
