/**
 * OCR through the real job runner and tesseract.js, fully offline (language data from the
 * @tesseract.js-data packages or the library's ocr/ folder): an image of known English text,
 * a scanned PDF page, a multi-page CCITT G4 TIFF, Chinese text, and a dropped-in language.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOcr, OcrQueue, ocrPoolSize, prepareOcr } from '../../../src/main/documents/extract/ocr';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { makePdf, textImage, wordAccuracy } from '../../fixtures/documents/generate';
import { importAndWait } from '../../fixtures/documents/run';

let lib: TestLibrary;
let src: string;
beforeAll(async () => {
  lib = await openTestLibrary();
  src = tempDir('docs-ocr-');
});
afterAll(async () => {
  await lib.close();
});

async function importOne(name: string, content: Buffer) {
  const p = path.join(src, name);
  fs.writeFileSync(p, content);
  const { jobs } = await importAndWait(lib, { paths: [p] }, { ocr: true });
  const imported = jobs.find((j) => j.kind === 'import')!;
  expect(imported.status, imported.error ?? '').toBe('done');
  const { fileId } = imported.result as { fileId: number };
  return { info: await lib.ok('fileInfo', { id: fileId }), pages: await lib.ok('filePages', { fileId }) };
}

const ENGLISH = [
  'Leeds and Hangzhou have been sister cities since 1988.',
  'The memorandum of understanding was signed in September',
  'to promote culture, education, tourism and trade between',
  'the two cities, and to support the young people of both.',
];

describe('OCR', () => {
  it('reads an image of English text with at least 95% word accuracy and stores its confidence', async () => {
    const img = textImage(ENGLISH, { fontSize: 34 });
    const { info, pages } = await importOne('scan.png', img.png);
    expect(info).toMatchObject({ mediaType: 'image/png', textStatus: 'done', pageCount: 1 });
    expect(pages).toHaveLength(1);
    expect(pages[0]!.source).toBe('ocr');
    expect(pages[0]!.confidence).toBeGreaterThan(70);
    // Languages are chosen per page: an English page is read by the English model alone.
    expect(pages[0]!.language).toBe('eng');
    const accuracy = wordAccuracy(ENGLISH.join(' '), pages[0]!.text);
    expect(accuracy, pages[0]!.text).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the scanned page of a PDF by OCR and the other by its text layer', async () => {
    const scan = textImage(['Signed at Hangzhou City Hall', 'by the Leader of Leeds City Council.'], {
      fontSize: 30,
      width: 1275,
    });
    // Stretch the scan to fill a US Letter page at about 150 dpi.
    const page = await sharp(scan.grey, { raw: { width: scan.width, height: scan.height, channels: 1 } })
      .resize(1275, 1650, { fit: 'contain', position: 'top', background: '#ffffff' })
      .extractChannel(0)
      .raw()
      .toBuffer();
    const pdf = makePdf([
      { lines: ['Cover letter with a real text layer.'] },
      { image: { width: 1275, height: 1650, grey: page } },
    ]);
    const { info, pages } = await importOne('scanned.pdf', pdf);
    expect(info).toMatchObject({ pageCount: 2, textStatus: 'done' });
    expect(pages.map((p) => [p.page, p.source])).toEqual([
      [1, 'text-layer'],
      [2, 'ocr'],
    ]);
    expect(pages[1]!.confidence).toBeGreaterThan(60);
    expect(
      wordAccuracy('Signed at Hangzhou City Hall by the Leader of Leeds City Council.', pages[1]!.text),
    ).toBeGreaterThanOrEqual(0.9);
  });

  it('reads every page of a multi-page CCITT G4 TIFF', async () => {
    const one = textImage(['First page of the agreement.'], { fontSize: 40, width: 1000 });
    const two = textImage(['Second page with the signatures.'], { fontSize: 40, width: 1000 });
    const grey = await Promise.all(
      [one, two].map((p) => sharp(p.png).flatten({ background: '#ffffff' }).greyscale().png().toBuffer()),
    );
    const tiff = await sharp(grey, { join: { animated: true } })
      .toColourspace('b-w')
      .tiff({ compression: 'ccittfax4', bitdepth: 1 })
      .toBuffer();
    const { info, pages } = await importOne('agreement.tif', tiff);
    expect(info).toMatchObject({ mediaType: 'image/tiff', pageCount: 2, width: 1000, textStatus: 'done' });
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(wordAccuracy('First page of the agreement.', pages[0]!.text)).toBeGreaterThanOrEqual(0.8);
    expect(wordAccuracy('Second page with the signatures.', pages[1]!.text)).toBeGreaterThanOrEqual(0.8);
    // Browsers cannot show TIFF: each page has a PNG preview, served by hash and known to fixity.
    const previews = info.metadata.pagePreviews as string[];
    expect(previews).toHaveLength(2);
    for (const sha of previews) {
      const png = fs.readFileSync(path.join(lib.dir, 'files', sha.slice(0, 2), sha));
      expect((await sharp(png).metadata()).format).toBe('png');
      expect(await lib.ok('storedFileType', { sha256: sha })).toEqual({ mediaType: 'image/png' });
    }
    const { verifyLibrary, fixityProblems } = await import('../../../src/main/documents/verify');
    expect(fixityProblems(await verifyLibrary(lib.service, lib.dir))).toBe(0);
  });

  it('reads Simplified Chinese (chi_sim), without spaces between the characters', async (ctx) => {
    const font = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
    if (!fs.existsSync(font))
      ctx.skip(`no Chinese font to draw the test image (${font}; apt-get install fonts-wqy-microhei)`);
    const img = textImage(['杭州与利兹友好城市', '谅解备忘录'], {
      fontSize: 56,
      width: 900,
      font: 'WenQuanYi Micro Hei',
    });
    const { pages } = await importOne('zh.png', img.png);
    expect(pages[0]!.text).toContain('杭州');
    expect(pages[0]!.text).toContain('备忘录');
    // The fast English pass read it poorly, so every language read it again.
    expect(pages[0]!.language).toBe('eng+chi_sim');
  });

  it('takes its language data offline, and a .traineddata dropped into the library ocr/ folder is picked up', () => {
    const root = tempDir('ocr-lib-');
    const cwdBefore = fs.readdirSync(process.cwd()).sort();
    const setup = prepareOcr(root);
    expect(setup.langs.sort()).toEqual(['chi_sim', 'eng']);
    expect(path.isAbsolute(setup.langPath) && setup.langPath.startsWith(root)).toBe(true);
    fs.mkdirSync(path.join(root, 'ocr'));
    const data = path.join(setup.langPath, 'eng.traineddata.gz');
    fs.copyFileSync(data, path.join(root, 'ocr', 'eng_custom.traineddata'));
    const again = prepareOcr(root);
    expect(again.langs).toContain('eng_custom');
    expect(fs.existsSync(path.join(again.langPath, 'eng_custom.traineddata.gz'))).toBe(true);
    // Nothing was written into the working folder (tesseract.js's default cache would go there).
    expect(fs.readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
  });
});

describe('the OCR pool', () => {
  it('is one worker per core, at most 4, unless CIVIC_ARCHIVE_OCR_WORKERS says otherwise', () => {
    const before = process.env.CIVIC_ARCHIVE_OCR_WORKERS;
    try {
      delete process.env.CIVIC_ARCHIVE_OCR_WORKERS;
      expect(ocrPoolSize()).toBe(Math.max(1, Math.min(os.availableParallelism(), 4)));
      process.env.CIVIC_ARCHIVE_OCR_WORKERS = '3';
      expect(ocrPoolSize()).toBe(3);
      process.env.CIVIC_ARCHIVE_OCR_WORKERS = 'many';
      expect(ocrPoolSize()).toBe(Math.max(1, Math.min(os.availableParallelism(), 4)));
    } finally {
      if (before === undefined) delete process.env.CIVIC_ARCHIVE_OCR_WORKERS;
      else process.env.CIVIC_ARCHIVE_OCR_WORKERS = before;
    }
  });

  it('reads pages side by side and gives each its own reading', async () => {
    const setup = prepareOcr(tempDir('ocr-pool-'));
    const lines = ['Leeds City Council', 'Hangzhou delegation', 'Memorandum signed', 'Tourism office'];
    const queue = new OcrQueue(setup, 2);
    const got: string[] = [];
    let inFlightAfterTwo = -1;
    try {
      for (const [i, text] of lines.entries()) {
        await queue.add(textImage([text], { fontSize: 44, width: 700 }).png, (r) => (got[i] = r.text));
        // With room for two, the second page is queued while the first is still being read.
        if (i === 1) inFlightAfterTwo = 2 - got.filter((t) => t !== undefined).length;
      }
      await queue.drain();
    } finally {
      await closeOcr();
    }
    expect(inFlightAfterTwo).toBe(2);
    lines.forEach((text, i) => expect(wordAccuracy(text, got[i]!), got[i]).toBeGreaterThanOrEqual(0.66));
  });
});
