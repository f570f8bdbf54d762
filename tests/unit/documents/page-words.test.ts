/**
 * OCR word boxes kept (migration 0009): an image of known text is read by the real job runner and
 * tesseract.js, and each word's stored box must sit where the test drew that word; a scanned PDF
 * page gets words, its text-layer page none; the channel refuses what does not exist, and the CLI
 * prints the same words.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOcr } from '../../../src/main/documents/extract/ocr';
import type { PageWords } from '../../../src/shared/channels/documents';
import { catalogueState, openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { cliIn, jsonOf } from '../../support/cli';
import { makePdf, textImage, wordAccuracy } from '../../fixtures/documents/generate';
import { importAndWait } from '../../fixtures/documents/run';

let lib: TestLibrary;
let src: string;
beforeAll(async () => {
  lib = await openTestLibrary();
  src = tempDir('docs-words-');
});
afterAll(async () => {
  await lib.close();
  await closeOcr();
});

async function importOne(name: string, content: Buffer): Promise<number> {
  const p = path.join(src, name);
  fs.writeFileSync(p, content);
  const { jobs } = await importAndWait(lib, { paths: [p] }, { ocr: true });
  const imported = jobs.find((j) => j.kind === 'import')!;
  expect(imported.status, imported.error ?? '').toBe('done');
  return (imported.result as { fileId: number }).fileId;
}

const LINES = ['Leeds and Hangzhou signed a memorandum', 'of friendship in September 1988.'];
const FONT = 40;
const LINE_HEIGHT = Math.round(FONT * 1.6);

describe('OCR word boxes', () => {
  let fileId: number;
  let words: PageWords;

  beforeAll(async () => {
    // textImage draws line i from the top at y = FONT + i × LINE_HEIGHT, starting at x = FONT.
    fileId = await importOne('letter.png', textImage(LINES, { fontSize: FONT, width: 1200 }).png);
    const got = await lib.ok('pageWords', { fileId, page: 1 });
    expect(got).not.toBeNull();
    words = got!;
  });

  it('keeps every word read, with its confidence, in reading order', async () => {
    const pages = await lib.ok('filePages', { fileId });
    expect(words.words.length).toBeGreaterThanOrEqual(10);
    expect(wordAccuracy(LINES.join(' '), words.words.map((w) => w.text).join(' '))).toBeGreaterThanOrEqual(0.9);
    // The page's text and its words are one reading.
    expect(words.words.map((w) => w.text).join(' ')).toBe(pages[0]!.text.replace(/\s+/g, ' '));
    for (const w of words.words) {
      expect(w.confidence).toBeGreaterThan(0);
      expect(w.confidence).toBeLessThanOrEqual(100);
    }
  });

  it('gives boxes normalised to the page, where the words were drawn', async () => {
    const meta = await sharp(textImage(LINES, { fontSize: FONT, width: 1200 }).png).metadata();
    expect([words.width, words.height]).toEqual([meta.width, meta.height]);
    for (const w of words.words) {
      for (const v of [w.x, w.y, w.w, w.h]) expect(v).toBeGreaterThanOrEqual(0);
      expect(w.x + w.w).toBeLessThanOrEqual(1);
      expect(w.y + w.h).toBeLessThanOrEqual(1);
    }
    const find = (text: string) => words.words.find((w) => w.text.replace(/[^\p{L}\p{N}]/gu, '') === text);
    const leeds = find('Leeds')!;
    const friendship = find('friendship')!;
    expect(leeds, JSON.stringify(words.words.map((w) => w.text))).toBeDefined();
    expect(friendship).toBeDefined();
    // The first word starts at the left margin; each line's words lie in its band, in pixels.
    const px = (w: typeof leeds) => ({
      left: w.x * words.width,
      top: w.y * words.height,
      bottom: (w.y + w.h) * words.height,
      right: (w.x + w.w) * words.width,
    });
    expect(Math.abs(px(leeds).left - FONT)).toBeLessThan(8);
    for (const [word, line] of [
      [leeds, 0],
      [friendship, 1],
    ] as const) {
      const box = px(word);
      const top = FONT + line * LINE_HEIGHT;
      expect(box.top).toBeGreaterThan(top - 6);
      expect(box.bottom).toBeLessThan(top + FONT + 6);
      // A glyph box is about as tall as the font's capitals and ascenders.
      expect(box.bottom - box.top).toBeGreaterThan(FONT * 0.5);
    }
    // "friendship" follows "of" on the second line: it starts right of the margin.
    expect(px(friendship).left).toBeGreaterThan(px(find('of')!).right);
  });

  it('keeps words for OCR pages only, and answers null for a page with none', async () => {
    const scan = textImage(['Signed at Hangzhou City Hall'], { fontSize: 30, width: 1275 });
    // The scan fills a US Letter page at about 150 dpi.
    const grey = await sharp(scan.grey, { raw: { width: scan.width, height: scan.height, channels: 1 } })
      .resize(1275, 1650, { fit: 'contain', position: 'top', background: '#ffffff' })
      .extractChannel(0)
      .raw()
      .toBuffer();
    const pdf = makePdf([
      { lines: ['Cover letter with a real text layer.'] },
      { image: { width: 1275, height: 1650, grey } },
    ]);
    const pdfId = await importOne('scanned.pdf', pdf);
    expect(await lib.ok('pageWords', { fileId: pdfId, page: 1 })).toBeNull();
    const scanned = await lib.ok('pageWords', { fileId: pdfId, page: 2 });
    expect(scanned).not.toBeNull();
    expect(wordAccuracy('Signed at Hangzhou City Hall', scanned!.words.map((w) => w.text).join(' '))).toBeGreaterThan(
      0.7,
    );
    // Past the last page: nothing, not an error.
    expect(await lib.ok('pageWords', { fileId: pdfId, page: 40 })).toBeNull();
  });

  it('refuses a file that does not exist or a page number below 1, changing nothing', async () => {
    const before = catalogueState(lib.dir);
    const missing = await lib.service.call('pageWords', { fileId: 9_999, page: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const zero = await lib.service.call('pageWords', { fileId, page: 0 });
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.error.message).toMatch(/page: pages are numbered from 1/);
    expect(catalogueState(lib.dir)).toEqual(before);
  });

  it('prints the same words from the CLI (`words FILE-ID PAGE`, with --json)', async () => {
    const json = await cliIn(lib.dir, ['--json', 'words', String(fileId), '1'], { timeoutMs: 60_000 });
    expect(json.code, json.stderr).toBe(0);
    expect(jsonOf(json)).toEqual(words);
    const text = await cliIn(lib.dir, ['words', String(fileId), '1'], { timeoutMs: 60_000 });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${words.words.length} words read on a ${words.width}×${words.height} image`);
    expect(text.stdout).toMatch(/^0\.\d+ 0\.\d+ 0\.\d+ 0\.\d+ \d+(\.\d)?% Leeds$/m);
    const bad = await cliIn(lib.dir, ['words', String(fileId), 'first'], { timeoutMs: 60_000 });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('"first" is not a page number');
  });
});
