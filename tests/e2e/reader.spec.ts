/**
 * The reader, in Chromium at 1280×800 through the browser host: a real three-page PDF (text in
 * Helvetica, drawn by pdf.js) opened from its record, paged with the keys and the page strip,
 * zoomed, turned, searched (the hit drawn on the page and counted), the text pane hidden and
 * shown (and remembered); and a CCITT G4 scan drawing ink in the reader as in the small viewer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makePdf, textImage } from '../fixtures/documents/generate';
import { audit } from '../support/axe';
import { pageTiff, tiffToPdf } from '../support/tiff-files';
import { api, expect, test, type HostInfo } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

type Box = { x: number; y: number; width: number; height: number };

async function quiet(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Background work' })).toBeHidden({ timeout: 10_000 });
}

/** A record holding the files, each read in the background (two jobs a file), opened in the app. */
async function recordWith(page: Page, host: HostInfo, files: { name: string; buffer: Buffer }[]) {
  const record = await api<{ id: number }>(host, 'createRecord', { type: 'report', title: 'Twinning minutes' });
  await page.goto(host.url);
  await page.goto(`${host.baseUrl}/#/records/${record.id}`);
  await expect(page.locator('#record-heading')).toHaveText('Twinning minutes');
  const section = page.getByRole('region', { name: 'Files' });
  await section
    .getByTestId('attach-files')
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/pdf', buffer: f.buffer })));
  await expect
    .poll(async () => (await api<{ counts: { done: number } }>(host, 'listJobs', {})).counts.done, {
      timeout: 90_000,
    })
    .toBe(files.length * 2);
  return section;
}

const size = (canvas: Locator) =>
  canvas.evaluate((c) => {
    const el = c as unknown as { width: number; height: number };
    return { width: el.width, height: el.height };
  });

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('reads a PDF in the reader: keys, zoom, rotation, page strip, find and the text pane', async ({ page, host }) => {
  test.setTimeout(240_000);
  const pdf = makePdf([
    { lines: ['Leeds City Council', 'Minutes of the twinning committee'] },
    { lines: ['Hangzhou delegation visit', 'Dancers performed at the theatre'] },
    { lines: ['Signed at Leeds Civic Hall', 'Leeds and Hangzhou renew the agreement'] },
  ]);
  const files = await recordWith(page, host, [{ name: 'minutes.pdf', buffer: pdf }]);
  const opener = files.getByRole('button', { name: 'Open in reader' });
  await opener.click();
  const reader = page.getByRole('dialog', { name: 'Reader: minutes.pdf' });
  await expect(reader).toBeVisible();
  const canvas = reader.locator('canvas.reader-canvas');
  const pageNumber = reader.getByRole('spinbutton', { name: 'Page number' });
  await expect(pageNumber).toHaveValue('1');
  await expect.poll(async () => (await size(canvas)).width).toBeGreaterThan(200);
  // Most of the window: far wider than the record pane's column.
  const dialogBox = (await reader.boundingBox())!;
  expect(dialogBox.width).toBeGreaterThan(1200);
  expect(dialogBox.height).toBeGreaterThan(740);

  // Paging with the keys, from the page itself.
  await reader.getByRole('region', { name: 'Page 1' }).focus();
  await page.keyboard.press('PageDown');
  await expect(pageNumber).toHaveValue('2');
  await page.keyboard.press('ArrowRight');
  await expect(pageNumber).toHaveValue('3');
  await page.keyboard.press('ArrowRight');
  await expect(pageNumber).toHaveValue('3');
  await page.keyboard.press('Home');
  await expect(pageNumber).toHaveValue('1');
  await page.keyboard.press('End');
  await expect(pageNumber).toHaveValue('3');
  await page.keyboard.press('PageUp');
  await expect(pageNumber).toHaveValue('2');
  await page.keyboard.press('ArrowLeft');
  await expect(pageNumber).toHaveValue('1');

  // The page strip: its thumbnails are drawn by pdf.js, and choosing one goes to that page.
  const strip = reader.getByRole('navigation', { name: 'Pages' });
  await expect(strip.getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  await expect
    .poll(() =>
      strip
        .locator('canvas')
        .first()
        .evaluate((c) => (c as unknown as { width: number }).width),
    )
    .toBe(96);
  await strip.getByRole('button', { name: 'Page 3' }).click();
  await expect(pageNumber).toHaveValue('3');
  await expect(strip.getByRole('button', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');

  // Zoom: the buttons and Ctrl +/− change the canvas's size; fit page brings it back.
  await reader.getByRole('button', { name: 'Fit page' }).click();
  await expect.poll(async () => (await size(canvas)).width).toBeGreaterThan(200);
  const fitted = await size(canvas);
  await reader.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await size(canvas)).width).toBeGreaterThan(fitted.width * 1.2);
  await page.keyboard.press('Control+-');
  await page.keyboard.press('Control+-');
  await expect.poll(async () => (await size(canvas)).width).toBeLessThan(fitted.width * 0.9);
  await reader.getByRole('button', { name: 'Fit page' }).click();
  await expect.poll(async () => (await size(canvas)).width).toBe(fitted.width);

  // Rotation: a quarter turn swaps the page's width and height (fit page at 100% zoom).
  await reader.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await size(canvas)).width).toBeGreaterThan(fitted.width);
  const upright = await size(canvas);
  await reader.getByRole('button', { name: 'Rotate 90°' }).click();
  await expect.poll(() => size(canvas)).toEqual({ width: upright.height, height: upright.width });
  await reader.getByRole('button', { name: 'Rotate 90°' }).click();
  await reader.getByRole('button', { name: 'Rotate 90°' }).click();
  await reader.getByRole('button', { name: 'Rotate 90°' }).click();
  await expect.poll(() => size(canvas)).toEqual(upright);
  await reader.getByRole('button', { name: 'Fit width' }).click();

  // Find: Ctrl+F, the hits counted across pages, highlighted on the page, Enter and Shift+Enter.
  await page.keyboard.press('Control+f');
  const box = reader.getByRole('searchbox', { name: 'Find in the document' });
  await expect(box).toBeFocused();
  await box.fill('LEEDS');
  const count = reader.locator('.reader-find-count');
  // Read from page 3, the first hit is the first on page 3: the second of the document's three.
  await expect(count).toHaveText('2 of 3');
  await expect(pageNumber).toHaveValue('3');
  const hits = reader.locator('.reader-hit');
  await expect(hits).toHaveCount(2);
  const canvasBox = (await canvas.boundingBox())!;
  const current = reader.locator('.reader-hit-current');
  await expect(current).toHaveCount(1);
  const hitBox = (await current.boundingBox())!;
  expect(overlaps(hitBox, canvasBox)).toBe(true);
  expect(hitBox.width).toBeGreaterThan(10);
  await box.press('Enter');
  await expect(count).toHaveText('3 of 3');
  await expect(pageNumber).toHaveValue('3');
  // Past the last hit, back to the first, on page 1.
  await box.press('Enter');
  await expect(count).toHaveText('1 of 3');
  await expect(pageNumber).toHaveValue('1');
  await expect(hits).toHaveCount(1);
  await box.press('Shift+Enter');
  await expect(count).toHaveText('3 of 3');
  await expect(pageNumber).toHaveValue('3');
  // The same word marked in the text pane beside the page.
  const pane = reader.getByRole('region', { name: 'Text of the page' });
  await expect(pane.locator('mark').first()).toHaveText(/leeds/i);
  await box.fill('no such word');
  await expect(count).toHaveText('No matches');
  await expect(hits).toHaveCount(0);
  await box.fill('twinning committee');
  await expect(count).toHaveText('1 of 1');
  await expect(pageNumber).toHaveValue('1');

  await audit(page, 'the reader with find open', '.reader-dialog');

  // The text pane hides and shows, and is remembered the next time the reader opens.
  const toggle = reader.getByRole('button', { name: 'Show text' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(pane).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  // Escape closes the find box first, then the reader, with focus back on the button that opened it.
  await box.press('Escape');
  await expect(box).toBeHidden();
  await expect(reader).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  await expect(opener).toBeFocused();
  // The record's viewer was left at the page the reader was on.
  await expect(page.getByLabel('Viewer: minutes.pdf').getByRole('navigation', { name: 'Pages' })).toBeVisible();

  await opener.click();
  await expect(reader).toBeVisible();
  await expect(pane).toBeHidden();
  await reader.getByRole('button', { name: 'Show text' }).click();
  await expect(pane).toContainText('Minutes of the twinning committee');
  await reader.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(opener).toBeFocused();
  await quiet(page);
});

test('a CCITT G4 scan draws its page (not blank) in the reader, and find boxes an OCR word on it', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-e2e-reader-'));
  try {
    const scan = textImage(['Minutes of the twinning committee'], { fontSize: 44, width: 1_200 });
    const ccitt = fs.readFileSync(
      tiffToPdf(pageTiff(work, 'scan', scan, 'g4', { oneStrip: true }), path.join(work, 'c.pdf')),
    );
    expect(ccitt.toString('latin1')).toContain('/CCITTFaxDecode');
    const files = await recordWith(page, host, [{ name: 'ccitt-scan.pdf', buffer: ccitt }]);
    await files.getByRole('button', { name: 'Open in reader' }).click();
    const reader = page.getByRole('dialog', { name: 'Reader: ccitt-scan.pdf' });
    const canvas = reader.locator('canvas.reader-canvas');
    await expect
      .poll(
        () =>
          canvas.evaluate((node) => {
            const c = node as unknown as {
              width: number;
              height: number;
              getContext: (t: '2d') => { getImageData: (...a: number[]) => { data: Uint8ClampedArray } };
            };
            const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
            let dark = 0;
            const levels = new Set<number>();
            for (let i = 0; i < data.length; i += 4) {
              levels.add(data[i]!);
              if (data[i]! < 100) dark++;
            }
            return c.width > 200 && levels.size > 1 && dark > 500;
          }),
        { message: 'the scan draws ink', timeout: 15_000 },
      )
      .toBe(true);
    // Find on a scan: the hit is boxed on the page from the words' boxes OCR kept.
    await page.keyboard.press('Control+f');
    await reader.getByRole('searchbox', { name: 'Find in the document' }).fill('Twinning');
    await expect(reader.locator('.reader-find-count')).toHaveText('1 of 1');
    const hit = reader.locator('.reader-hit-current');
    await expect(hit).toHaveCount(1);
    const hitBox = (await hit.boundingBox())!;
    const canvasBox = (await canvas.boundingBox())!;
    expect(overlaps(hitBox, canvasBox)).toBe(true);
    // The word is in the upper part of the scan, a word wide, not the whole page.
    expect(hitBox.width).toBeGreaterThan(20);
    expect(hitBox.width).toBeLessThan(canvasBox.width / 2);
    // Turned a quarter, the box turns with the page: now taller than wide.
    await reader.getByRole('button', { name: 'Rotate 90°' }).click();
    await expect
      .poll(async () => {
        const b = (await hit.boundingBox())!;
        return b.height > b.width;
      })
      .toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(reader).toBeHidden();
    await quiet(page);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
