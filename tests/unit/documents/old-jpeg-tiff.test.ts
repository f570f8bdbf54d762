/**
 * TIFF with old-style JPEG (compression 6), as early scanners and fax software wrote them: sharp's
 * libtiff is built without it ("Old-style JPEG compression support is not configured"), so the
 * second decoder (UTIF, extract/tiff.ts) draws it. The file is made at test time: a JPEG of known
 * text wrapped in a TIFF directory with Compression 6 and JPEGInterchangeFormat.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { textImage, wordAccuracy } from '../../fixtures/documents/generate';
import { importAndWait } from '../../fixtures/documents/run';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await openTestLibrary();
});
afterAll(async () => {
  await lib.close();
});

/** A one-page little-endian TIFF whose only strip is a whole JPEG stream (old-style JPEG, YCbCr). */
function oldJpegTiff(jpeg: Buffer, width: number, height: number): Buffer {
  const jpegAt = 8;
  const bitsAt = jpegAt + jpeg.length + (jpeg.length % 2);
  const ifdAt = bitsAt + 6 + 2;
  const entries: [tag: number, type: 3 | 4, count: number, value: number][] = [
    [256, 4, 1, width],
    [257, 4, 1, height],
    [258, 3, 3, bitsAt],
    [259, 3, 1, 6], // Compression: old-style JPEG
    [262, 3, 1, 6], // Photometric: YCbCr
    [273, 4, 1, jpegAt],
    [277, 3, 1, 3],
    [278, 4, 1, height],
    [279, 4, 1, jpeg.length],
    [513, 4, 1, jpegAt], // JPEGInterchangeFormat
    [514, 4, 1, jpeg.length], // JPEGInterchangeFormatLength
  ];
  const out = Buffer.alloc(ifdAt + 2 + entries.length * 12 + 4);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(ifdAt, 4);
  jpeg.copy(out, jpegAt);
  for (let i = 0; i < 3; i++) out.writeUInt16LE(8, bitsAt + 2 * i);
  out.writeUInt16LE(entries.length, ifdAt);
  entries.forEach(([tag, type, count, value], i) => {
    const at = ifdAt + 2 + i * 12;
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(count, at + 4);
    if (type === 3 && count === 1) out.writeUInt16LE(value, at + 8);
    else out.writeUInt32LE(value, at + 8);
  });
  return out;
}

describe('TIFF with old-style JPEG (compression 6)', () => {
  it('is drawn by the second decoder: size, thumbnail, page preview and OCR text', async () => {
    const img = textImage(['Minutes of the 1989 twinning visit.'], { fontSize: 40, width: 1100 });
    const jpeg = await sharp(img.png)
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
      .toBuffer();
    const tiff = oldJpegTiff(jpeg, img.width, img.height);
    // libvips alone refuses it: this is what the second decoder is for.
    await expect(sharp(tiff).raw().toBuffer()).rejects.toThrow(/Old-style JPEG/);

    const file = path.join(tempDir('docs-ojpeg-'), 'minutes-1989.tif');
    fs.writeFileSync(file, tiff);
    const { jobs } = await importAndWait(lib, { paths: [file] }, { ocr: true });
    const imported = jobs.find((j) => j.kind === 'import')!;
    expect(imported.status, imported.error ?? '').toBe('done');
    const info = await lib.ok('fileInfo', { id: (imported.result as { fileId: number }).fileId });
    expect(info).toMatchObject({
      mediaType: 'image/tiff',
      width: img.width,
      height: img.height,
      pageCount: 1,
      textStatus: 'done',
      textError: null,
    });
    expect(info.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
    const previews = info.metadata.pagePreviews as (string | null)[];
    expect(previews).toHaveLength(1);
    expect(previews[0]).toMatch(/^[0-9a-f]{64}$/);
    const pages = await lib.ok('filePages', { fileId: info.id });
    expect(wordAccuracy('Minutes of the 1989 twinning visit.', pages[0]!.text)).toBeGreaterThanOrEqual(0.8);
  });
});
