/**
 * HEIF photographs, made at test time: AVIF (written by sharp) is drawn, thumbnailed and read by
 * OCR; HEIC (HEVC, written by libheif's heif-enc from the Debian package libheif-examples) cannot be
 * decoded by sharp's prebuilt libvips, and is kept with its size and a clear reason, never a
 * library's raw message; a truncated AVIF is kept with its reason, and the batch goes on.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { textImage, wordAccuracy } from '../../fixtures/documents/generate';
import { importAndWait } from '../../fixtures/documents/run';

let lib: TestLibrary;
let src: string;
beforeAll(async () => {
  lib = await openTestLibrary();
  src = tempDir('docs-heif-');
});
afterAll(async () => {
  await lib.close();
});

async function importAll(files: Record<string, Buffer>, ocr: boolean) {
  const paths = Object.entries(files).map(([name, content]) => {
    const p = path.join(src, name);
    fs.writeFileSync(p, content);
    return p;
  });
  const { jobs } = await importAndWait(lib, { paths }, { ocr });
  const out: Record<string, Awaited<ReturnType<typeof lib.ok<'fileInfo'>>>> = {};
  for (const job of jobs.filter((j) => j.kind === 'import')) {
    expect(job.status, job.error ?? '').toBe('done');
    const info = await lib.ok('fileInfo', { id: (job.result as { fileId: number }).fileId });
    out[info.records[0]!.originalName] = info;
  }
  return out;
}

describe('HEIF photographs', () => {
  it('draws an AVIF: its size, a thumbnail and its text by OCR', async () => {
    const img = textImage(['Photograph of the friendship kiosk.'], { fontSize: 40, width: 1100 });
    const avif = await sharp(img.png).flatten({ background: '#ffffff' }).avif({ quality: 90 }).toBuffer();
    const { 'kiosk.avif': info } = await importAll({ 'kiosk.avif': avif }, true);
    expect(info).toMatchObject({
      mediaType: 'image/avif',
      width: img.width,
      height: img.height,
      pageCount: 1,
      textStatus: 'done',
    });
    expect(info!.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
    const pages = await lib.ok('filePages', { fileId: info!.id });
    expect(wordAccuracy('Photograph of the friendship kiosk.', pages[0]!.text)).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps a HEIC (HEVC) with its size and a clear reason, and a truncated AVIF with its own; the batch goes on', async (ctx) => {
    const encoder = '/usr/bin/heif-enc';
    if (!fs.existsSync(encoder)) {
      const why = `no HEIC encoder to make the test file (${encoder}; apt-get install libheif-examples)`;
      // .ci/run installs it: in CI its absence is a broken set-up, not a reason to skip.
      if (process.env.CI) throw new Error(why);
      ctx.skip(why);
    }
    const jpeg = path.join(src, 'photo-source.jpg');
    await sharp({ create: { width: 320, height: 240, channels: 3, background: '#c33' } })
      .jpeg()
      .toFile(jpeg);
    const heicFile = path.join(src, 'made.heic');
    execFileSync(encoder, ['-q', '50', '-o', heicFile, jpeg], { stdio: 'ignore' });
    const avif = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3c3' } })
      .avif()
      .toBuffer();
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#33c' } })
      .png()
      .toBuffer();
    const files = await importAll(
      {
        'delegation.heic': fs.readFileSync(heicFile),
        'cut.avif': avif.subarray(0, Math.floor(avif.length / 2)),
        'after.png': png,
      },
      false,
    );
    expect(files['delegation.heic']).toMatchObject({
      mediaType: 'image/heic',
      width: 320,
      height: 240,
      textStatus: 'skipped',
      textError:
        'the image cannot be decoded: it is a HEIC picture coded with HEVC, which this build cannot decode (convert it to JPEG or AVIF to see it)',
    });
    const cut = files['cut.avif']!;
    expect(cut.mediaType).toBe('image/avif');
    expect(cut.textStatus).toBe('failed');
    expect(cut.textError).toMatch(/^the image cannot be (read|decoded): /);
    // Our words, not libvips's or libheif's.
    expect(cut.textError).not.toMatch(/heif|vips|seek|0x|\(\d+\.\d+\)/i);
    expect(files['after.png']).toMatchObject({ mediaType: 'image/png', width: 40, height: 30 });
  });
});
