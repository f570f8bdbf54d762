/**
 * TIFFs as archives have them, made at test time by libtiff's own tools (tests/support/tiff-files):
 * every common compression (CCITT G3 1-D and 2-D, G4, LZW, JPEG, PackBits), one page or many,
 * each page stored with a preview and read by OCR through the real job runner. And the ones libvips
 * refuses — a multi-page scan with one page missing its StripOffsets (the "TIFF directory is
 * missing required StripOffsets field"), a G4 page without StripByteCounts — are drawn by the
 * second decoder, page by page, with no library's message reaching the user.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFile } from '../../../src/main/documents/detect';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { joinTiffs, pageTiff, withoutTag, type Compression } from '../../support/tiff-files';
import { textImage, wordAccuracy } from '../../fixtures/documents/generate';
import { importAndWait } from '../../fixtures/documents/run';

const COMPRESSIONS: Compression[] = ['g3', 'g3:2d', 'g4', 'lzw', 'jpeg', 'packbits'];
/** Each page its own words, so a page's text shows it is that page that was read. */
const WORDS: Record<Compression, string> = {
  g3: 'Leeds council minutes',
  'g3:2d': 'Hangzhou delegation visit',
  g4: 'Memorandum signed today',
  lzw: 'Education exchange report',
  jpeg: 'Tourism office letter',
  packbits: 'Trade mission agenda',
  none: 'Uncompressed page',
};

let lib: TestLibrary;
let src: string;
const files: Record<string, string> = {};
const ids: Record<string, number> = {};

beforeAll(async () => {
  lib = await openTestLibrary();
  src = tempDir('docs-tiff-');
  const work = tempDir('docs-tiff-work-');
  const single: Record<string, string> = {};
  for (const c of COMPRESSIONS) {
    const page = textImage([WORDS[c]], { fontSize: 48, width: 900 });
    single[c] = pageTiff(work, c.replace(':', '-'), page, c);
    files[`single-${c}`] = path.join(src, `single-${c.replace(':', '-')}.tif`);
    fs.copyFileSync(single[c]!, files[`single-${c}`]!);
  }
  // Four pages, four compressions, as a scanning bureau's batch may be joined.
  files.mixed = joinTiffs([single.g4!, single.lzw!, single.g3!, single.jpeg!], path.join(src, 'mixed.tif'));
  // Three G4 pages; the second loses its StripOffsets: libvips refuses the whole file.
  const three = joinTiffs([single.g4!, single['g3:2d']!, single.packbits!], path.join(work, 'three.tif'));
  files.damaged = path.join(src, 'damaged-page.tif');
  fs.writeFileSync(files.damaged, withoutTag(fs.readFileSync(three), 1, 273));
  // A G4 page without StripByteCounts (libtiff cannot guess the length of compressed data).
  files.noCounts = path.join(src, 'no-byte-counts.tif');
  fs.writeFileSync(files.noCounts, withoutTag(fs.readFileSync(single.g4!), 0, 279));
  // An uncompressed scan whose directory libtiff wrote after 1.4 MB of pixels: past file-type's look.
  const big = textImage([WORDS.none], { fontSize: 48, width: 1_700 });
  const tall = { ...big, grey: Buffer.concat(Array(8).fill(big.grey) as Buffer[]), height: big.height * 8 };
  files.late = pageTiff(work, 'late', tall, 'none');
  fs.renameSync(files.late, path.join(src, 'late-directory.tif'));
  files.late = path.join(src, 'late-directory.tif');

  const { jobs } = await importAndWait(lib, { paths: [src] }, { ocr: true });
  for (const j of jobs)
    if (j.kind === 'import' && j.status === 'done') ids[j.name] = (j.result as { fileId: number }).fileId;
}, 600_000);

afterAll(async () => {
  await lib?.close();
});

async function stored(key: string) {
  const name = path.basename(files[key]!);
  const id = ids[name];
  expect(id, `${name} was stored`).toBeTypeOf('number');
  return { info: await lib.ok('fileInfo', { id: id! }), pages: await lib.ok('filePages', { fileId: id! }) };
}

/** A stored page preview: a PNG of the page's size (or smaller), not blank. */
async function previewOf(sha256: string) {
  const file = path.join(lib.dir, 'files', sha256.slice(0, 2), sha256);
  const found = fs.existsSync(file) ? file : null;
  expect(found, `preview ${sha256} is stored`).not.toBeNull();
  const stats = await sharp(found!).stats();
  // Black text on white: the darkest channel minimum is near black and the maximum white.
  expect(stats.channels[0]!.min).toBeLessThan(64);
  expect(stats.channels[0]!.max).toBeGreaterThan(192);
}

describe('TIFF in every common compression', () => {
  it('file-type may not see a TIFF whose directory lies past the first 64 KB: it is still an image', async () => {
    expect(fs.statSync(files.late!).size).toBeGreaterThan(1_000_000);
    expect(await detectFile(files.late!)).toEqual({ mediaType: 'image/tiff', kind: 'image' });
  });

  it.each(COMPRESSIONS)('%s: one page, drawn, previewed and read by OCR', async (c) => {
    const { info, pages } = await stored(`single-${c}`);
    expect(info).toMatchObject({ mediaType: 'image/tiff', pageCount: 1, width: 900, textStatus: 'done' });
    expect(info.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
    const previews = info.metadata.pagePreviews as string[];
    expect(previews).toHaveLength(1);
    await previewOf(previews[0]!);
    expect(wordAccuracy(WORDS[c], pages[0]!.text), pages[0]!.text).toBeGreaterThanOrEqual(0.66);
  });

  it('a four-page TIFF in four compressions: every page has a preview and its own text', async () => {
    const { info, pages } = await stored('mixed');
    expect(info).toMatchObject({ pageCount: 4, textStatus: 'done', textError: null });
    const previews = info.metadata.pagePreviews as string[];
    expect(previews).toHaveLength(4);
    for (const p of previews) await previewOf(p);
    const expected = (['g4', 'lzw', 'g3', 'jpeg'] as const).map((c) => WORDS[c]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    pages.forEach((p, i) => expect(wordAccuracy(expected[i]!, p.text), p.text).toBeGreaterThanOrEqual(0.66));
  });

  it('a large uncompressed scan (directory at the end) is an image with its text', async () => {
    const { info, pages } = await stored('late');
    expect(info).toMatchObject({ mediaType: 'image/tiff', pageCount: 1, textStatus: 'done' });
    expect(pages[0]!.text).toContain('Uncompressed');
  });
});

describe('TIFFs libvips refuses, drawn by the second decoder', () => {
  it('a page without StripOffsets costs that page only: the others are drawn and read, the reason in our words', async () => {
    const { info, pages } = await stored('damaged');
    expect(info).toMatchObject({ mediaType: 'image/tiff', pageCount: 3, textStatus: 'done' });
    expect(info.textError).toBe('page 2 of 3 cannot be drawn: its TIFF structure is damaged');
    const previews = info.metadata.pagePreviews as (string | null)[];
    expect(previews).toHaveLength(3);
    expect(previews[1]).toBeNull();
    await previewOf(previews[0]!);
    await previewOf(previews[2]!);
    expect(pages.map((p) => p.page)).toEqual([1, 3]);
    expect(wordAccuracy(WORDS.g4, pages[0]!.text), pages[0]!.text).toBeGreaterThanOrEqual(0.66);
    expect(wordAccuracy(WORDS.packbits, pages[1]!.text), pages[1]!.text).toBeGreaterThanOrEqual(0.66);
  });

  it('a G4 page without StripByteCounts is drawn and read', async () => {
    await expect(sharp(files.noCounts!).png().toBuffer()).rejects.toThrow();
    const { info, pages } = await stored('noCounts');
    expect(info).toMatchObject({ pageCount: 1, width: 900, textStatus: 'done', textError: null });
    await previewOf((info.metadata.pagePreviews as string[])[0]!);
    expect(wordAccuracy(WORDS.g4, pages[0]!.text), pages[0]!.text).toBeGreaterThanOrEqual(0.66);
  });
});
