/**
 * Searchable PDFs out: scans of known text are imported and read by the real OCR, exported, and
 * the PDF produced is read back by pdf.js, the oracle: its text must be the OCR text, set in
 * invisible text (render mode 3), placed over the words, and each page's picture must have the
 * original's pixel size (a JPEG's very bytes). Refusals leave nothing behind.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFString } from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchablePdf } from '../../../src/main/documents/searchable-pdf';
import { startHost } from '../../../src/main/host/server';
import { catalogueState, openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { cliIn, jsonOf } from '../../support/cli';
import { makePdf, textImage, wordAccuracy } from '../../fixtures/documents/generate';
import { importAndWait } from '../../fixtures/documents/run';

let lib: TestLibrary;
let src: string;
/** Files imported by the tests above, used again by the browser host's route below. */
const imported: Record<string, number> = {};
beforeAll(async () => {
  lib = await openTestLibrary();
  src = tempDir('docs-searchable-');
});
afterAll(async () => {
  await lib.close();
});

async function importOne(name: string, content: Buffer): Promise<number> {
  const p = path.join(src, name);
  fs.writeFileSync(p, content);
  const { jobs } = await importAndWait(lib, { paths: [p] }, { ocr: true });
  const imported = jobs.find((j) => j.kind === 'import')!;
  expect(imported.status, imported.error ?? '').toBe('done');
  return (imported.result as { fileId: number }).fileId;
}

interface ReadPage {
  text: string;
  items: TextItem[];
  invisible: boolean;
  width: number;
  height: number;
}

/** The oracle: pdf.js's text of each page, and whether every text run it draws is in render mode 3. */
async function readPdf(bytes: Uint8Array): Promise<ReadPage[]> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true });
  const doc = await task.promise;
  const pages: ReadPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = content.items.filter((i): i is TextItem => 'str' in i);
    const ops = await page.getOperatorList();
    const modes = ops.fnArray.flatMap((fn, i) => (fn === OPS.setTextRenderingMode ? [ops.argsArray[i][0]] : []));
    const shows = ops.fnArray.filter((fn) => fn === OPS.showText).length;
    const view = page.getViewport({ scale: 1 });
    pages.push({
      text: items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join(''),
      items,
      invisible: shows === 0 || (modes.length > 0 && modes.every((m) => m === 3)),
      width: view.width,
      height: view.height,
    });
  }
  await task.destroy();
  return pages;
}

/** Each page's picture (the first image XObject) as pdf-lib reads it: pixel size, bits and filter. */
async function pagePictures(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const xobjects = page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    const stream = xobjects.lookup(xobjects.keys()[0]!) as PDFRawStream;
    const num = (key: string) => (stream.dict.lookup(PDFName.of(key)) as PDFNumber).asNumber();
    return {
      width: num('Width'),
      height: num('Height'),
      bits: num('BitsPerComponent'),
      filter: String(stream.dict.lookup(PDFName.of('Filter'))),
      contents: stream.contents,
    };
  });
}

/** Debian's poppler-utils, a second reader when installed (pdf.js is the oracle everywhere). */
const PDFTOTEXT = '/usr/bin/pdftotext';

const LETTER = [
  'Leeds and Hangzhou signed a memorandum',
  'of friendship in September 1988.',
  'Both cities agree to exchange students.',
];

describe('searchable PDF export', () => {
  it('makes a JPEG scan searchable: its own bytes as the picture, the OCR text invisible over the words', async () => {
    const img = textImage(LETTER, { fontSize: 40, width: 1400 });
    const jpeg = await sharp(img.png).flatten({ background: '#ffffff' }).jpeg({ quality: 92 }).toBuffer();
    const fileId = await importOne('letter.jpg', jpeg);
    imported.letter = fileId;
    const ocr = (await lib.ok('filePages', { fileId }))[0]!.text;
    const pdf = await searchablePdf(lib.service, lib.dir, fileId);
    expect(pdf).toMatchObject({ name: 'letter-searchable.pdf', pages: 1, pagesWithText: 1 });

    const [page] = await readPdf(pdf.bytes);
    expect(page!.invisible).toBe(true);
    expect(wordAccuracy(ocr, page!.text), page!.text).toBeGreaterThanOrEqual(0.95);
    expect(wordAccuracy(LETTER.join(' '), page!.text)).toBeGreaterThanOrEqual(0.9);
    // Three lines of text come back as three lines.
    expect(page!.text.trim().split('\n')).toHaveLength(3);

    // Poppler is stricter than pdf.js: it drops a CID font whose CIDSystemInfo holds names, not strings.
    const font = (await PDFDocument.load(pdf.bytes)).context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .find((o): o is PDFDict => o instanceof PDFDict && String(o.get(PDFName.of('Subtype'))) === '/CIDFontType2')!;
    const system = font.lookup(PDFName.of('CIDSystemInfo'), PDFDict);
    expect(system.get(PDFName.of('Registry'))).toBeInstanceOf(PDFString);
    expect(system.get(PDFName.of('Ordering'))).toBeInstanceOf(PDFString);
    if (fs.existsSync(PDFTOTEXT)) {
      const poppler = execFileSync(PDFTOTEXT, ['-', '-'], { input: pdf.bytes, stdio: ['pipe', 'pipe', 'pipe'] });
      expect(wordAccuracy(ocr, poppler.toString('utf8'))).toBeGreaterThanOrEqual(0.95);
    }

    const [picture] = await pagePictures(pdf.bytes);
    expect([picture!.width, picture!.height]).toEqual([img.width, img.height]);
    expect(picture!.filter).toBe('/DCTDecode');
    expect(Buffer.from(picture!.contents).equals(jpeg)).toBe(true);

    // The word "Leeds" lies where it was drawn: at the left margin (40 px) of the first line.
    const leeds = page!.items.find((i) => i.str.startsWith('Leeds'))!;
    const scale = page!.width / img.width;
    expect(Math.abs(leeds.transform[4] / scale - 40)).toBeLessThan(8);
    const top = (page!.height - leeds.transform[5]) / scale - leeds.height / scale;
    expect(Math.abs(top - 40)).toBeLessThan(12);
  });

  it('makes every page of a CCITT G4 TIFF a one-bit page of the same pixel size, each with its text', async () => {
    const one = textImage(['First page of the agreement.'], { fontSize: 40, width: 1000 });
    const two = textImage(['Second page with the signatures.'], { fontSize: 40, width: 1000 });
    const grey = await Promise.all(
      [one, two].map((p) => sharp(p.png).flatten({ background: '#ffffff' }).greyscale().png().toBuffer()),
    );
    const tiff = await sharp(grey, { join: { animated: true } })
      .toColourspace('b-w')
      .tiff({ compression: 'ccittfax4', bitdepth: 1 })
      .toBuffer();
    const fileId = await importOne('agreement.tif', tiff);
    const pdf = await searchablePdf(lib.service, lib.dir, fileId);
    const pages = await readPdf(pdf.bytes);
    expect(pages).toHaveLength(2);
    expect(wordAccuracy('First page of the agreement.', pages[0]!.text)).toBeGreaterThanOrEqual(0.8);
    expect(wordAccuracy('Second page with the signatures.', pages[1]!.text)).toBeGreaterThanOrEqual(0.8);
    expect(pages.every((p) => p.invisible)).toBe(true);
    const pictures = await pagePictures(pdf.bytes);
    expect(pictures.map((p) => [p.width, p.height, p.bits])).toEqual([
      [one.width, one.height, 1],
      [two.width, two.height, 1],
    ]);
  });

  it('adds the text layer to the OCR pages of a scanned PDF and leaves its other pages as they were', async () => {
    const scan = textImage(['Signed at Hangzhou City Hall', 'by the Leader of Leeds City Council.'], {
      fontSize: 30,
      width: 1275,
    });
    const grey = await sharp(scan.grey, { raw: { width: scan.width, height: scan.height, channels: 1 } })
      .resize(1275, 1650, { fit: 'contain', position: 'top', background: '#ffffff' })
      .extractChannel(0)
      .raw()
      .toBuffer();
    const original = makePdf([
      { lines: ['Cover letter with a real text layer.'] },
      { image: { width: 1275, height: 1650, grey } },
    ]);
    const fileId = await importOne('scanned.pdf', original);
    const pdf = await searchablePdf(lib.service, lib.dir, fileId);
    expect(pdf).toMatchObject({ pages: 2, pagesWithText: 1 });
    const before = await readPdf(original);
    const after = await readPdf(pdf.bytes);
    expect(after.map((p) => [p.width, p.height])).toEqual(before.map((p) => [p.width, p.height]));
    expect(after[0]!.text).toBe(before[0]!.text);
    expect(before[1]!.text.trim()).toBe('');
    expect(
      wordAccuracy('Signed at Hangzhou City Hall by the Leader of Leeds City Council.', after[1]!.text),
    ).toBeGreaterThanOrEqual(0.9);
    expect(after[1]!.invisible).toBe(true);
  });

  it('carries Chinese text (a glyphless font: any script, no font file needed)', async (ctx) => {
    const font = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
    if (!fs.existsSync(font))
      ctx.skip(`no Chinese font to draw the test image (${font}; apt-get install fonts-wqy-microhei)`);
    const img = textImage(['杭州与利兹友好城市', '谅解备忘录'], {
      fontSize: 56,
      width: 900,
      font: 'WenQuanYi Micro Hei',
    });
    const fileId = await importOne('zh.png', img.png);
    const ocr = (await lib.ok('filePages', { fileId }))[0]!.text;
    const [page] = await readPdf((await searchablePdf(lib.service, lib.dir, fileId)).bytes);
    // pdf.js gives the characters back through the ToUnicode map, without spaces between them.
    expect(page!.text.replace(/\s/g, '')).toBe(ocr.replace(/\s/g, ''));
    expect(page!.text).toContain('杭州');
  });

  it('refuses a file that is not a scan, or one without OCR words, and the CLI writes nothing then', async () => {
    const textId = await importOne('note.txt', Buffer.from('A plain note about the kiosk.\n'));
    imported.note = textId;
    await expect(searchablePdf(lib.service, lib.dir, textId)).rejects.toMatchObject({
      reason: 'not_searchable',
      params: { problem: 'kind' },
      message: 'note.txt is not a scan: only images, TIFF and PDFs whose pages were read by OCR can be made searchable',
    });
    const blankId = await importOne(
      'blank.png',
      await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ffffff' } })
        .png()
        .toBuffer(),
    );
    await expect(searchablePdf(lib.service, lib.dir, blankId)).rejects.toMatchObject({
      reason: 'not_searchable',
      params: { problem: 'no_words' },
    });
    await expect(searchablePdf(lib.service, lib.dir, 9_999)).rejects.toMatchObject({ reason: 'not_found' });

    const out = path.join(tempDir('searchable-out-'), 'note.pdf');
    const before = catalogueState(lib.dir);
    const refused = await cliIn(lib.dir, ['export-searchable', String(textId), out], { timeoutMs: 60_000 });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('note.txt is not a scan');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
    expect(catalogueState(lib.dir)).toEqual(before);
  });

  it('writes the PDF from the CLI (`export-searchable FILE-ID OUT.pdf`, with --json)', async () => {
    const img = textImage(['Minutes of the twinning committee.'], { fontSize: 40, width: 1100 });
    const fileId = await importOne('minutes.png', img.png);
    const out = path.join(tempDir('searchable-cli-'), 'minutes.pdf');
    const run = await cliIn(lib.dir, ['--json', 'export-searchable', String(fileId), out], { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    const bytes = fs.readFileSync(out);
    expect(jsonOf(run)).toEqual({ out, bytes: bytes.length, pages: 1, pagesWithText: 1 });
    const [page] = await readPdf(bytes);
    expect(wordAccuracy('Minutes of the twinning committee.', page!.text)).toBeGreaterThanOrEqual(0.8);
    const [picture] = await pagePictures(bytes);
    expect([picture!.width, picture!.height]).toEqual([img.width, img.height]);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['minutes.pdf']);
  });

  it("serves the PDF to download from the browser host's /searchable/<file id>, and refusals as envelopes", async () => {
    const rendererDir = tempDir('renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    const host = await startHost({ service: lib.service, rendererDir, files: { libraryRoot: lib.dir } });
    try {
      const auth = { 'X-Archive-Token': host.token };
      const got = await fetch(`${host.baseUrl}/searchable/${imported.letter}`, { headers: auth });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('content-disposition')).toContain("filename*=UTF-8''letter-searchable.pdf");
      const [page] = await readPdf(new Uint8Array(await got.arrayBuffer()));
      expect(wordAccuracy(LETTER.join(' '), page!.text)).toBeGreaterThanOrEqual(0.9);

      const refused = await fetch(`${host.baseUrl}/searchable/${imported.note}`, { headers: auth });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({
        ok: false,
        error: { reason: 'not_searchable', params: { name: 'note.txt', problem: 'kind' } },
      });
      for (const id of ['9999', 'abc', '0'])
        expect((await fetch(`${host.baseUrl}/searchable/${id}`, { headers: auth })).status).toBe(404);
      // Like every route, only for holders of the token.
      expect((await fetch(`${host.baseUrl}/searchable/${imported.letter}`)).status).toBe(403);
    } finally {
      await host.close();
    }
  });
});
