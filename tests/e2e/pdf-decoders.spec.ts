/**
 * Scanned PDFs as archives hold them draw in the viewer, not as blank pages: a CCITT G4 scan
 * (made by libtiff's tiff2pdf from a G4 TIFF, the data passed through as CCITTFaxDecode) and a
 * JBIG2 scan (the same fax page as a JBIG2 generic region, see tests/support/tiff-files.ts). pdf.js
 * gets its wasm decoders, fonts and CMaps from the app itself (pdfjs/ beside the renderer).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { textImage } from '../fixtures/documents/generate';
import { rawPdf } from '../support/hostile-files';
import { g4ToJbig2, pageTiff, tiffToPdf } from '../support/tiff-files';
import { api, expect, test } from './fixtures';

async function quiet(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Background work' })).toBeHidden({ timeout: 10_000 });
}

/** The page canvas's pixels: how many are dark, and how many distinct grey levels there are. */
async function canvasInk(canvas: Locator): Promise<{ width: number; dark: number; levels: number }> {
  return canvas.evaluate((node) => {
    const c = node as unknown as {
      width: number;
      height: number;
      getContext: (t: '2d') => { getImageData: (...a: number[]) => { data: Uint8ClampedArray } };
    };
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const levels = new Set<number>();
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      levels.add(data[i]!);
      if (data[i]! < 100) dark++;
    }
    return { width: c.width, dark, levels: levels.size };
  });
}

test('a CCITT G4 scan and a JBIG2 scan draw their pages (not blank) in the viewer', async ({ page, host }) => {
  // Both scans are read by OCR in the background before the test ends (two pages, a few seconds each).
  test.setTimeout(120_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-e2e-scans-'));
  try {
    const scan = textImage(['Minutes of the twinning committee', 'signed at Leeds Civic Hall'], {
      fontSize: 44,
      width: 1_200,
    });
    const g4 = pageTiff(work, 'scan', scan, 'g4', { oneStrip: true });
    const ccitt = fs.readFileSync(tiffToPdf(g4, path.join(work, 'ccitt.pdf')));
    expect(ccitt.toString('latin1')).toContain('/CCITTFaxDecode');
    const { jbig2, width, height } = g4ToJbig2(fs.readFileSync(g4));
    const jbig2Pdf = rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width / 2} ${height / 2}] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>`,
      Buffer.concat([
        Buffer.from(`<< /Length ${`q ${width / 2} 0 0 ${height / 2} 0 0 cm /Im0 Do Q`.length} >>\nstream\n`),
        Buffer.from(`q ${width / 2} 0 0 ${height / 2} 0 0 cm /Im0 Do Q`),
        Buffer.from('\nendstream'),
      ]),
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode /Length ${jbig2.length} >>\nstream\n`,
        ),
        jbig2,
        Buffer.from('\nendstream'),
      ]),
    ]);

    const record = await api<{ id: number }>(host, 'createRecord', { type: 'report', title: 'Committee scans' });
    await page.goto(host.url);
    await page.goto(`${host.baseUrl}/#/records/${record.id}`);
    await expect(page.locator('#record-heading')).toHaveText('Committee scans');
    const files = page.getByRole('region', { name: 'Files' });
    await files.getByTestId('attach-files').setInputFiles([
      { name: 'ccitt-scan.pdf', mimeType: 'application/pdf', buffer: ccitt },
      { name: 'jbig2-scan.pdf', mimeType: 'application/pdf', buffer: jbig2Pdf },
    ]);
    await expect
      .poll(async () => (await api<{ counts: { done: number } }>(host, 'listJobs', {})).counts.done, {
        timeout: 90_000,
      })
      .toBe(4);

    for (const name of ['ccitt-scan.pdf', 'jbig2-scan.pdf']) {
      await files.getByRole('button', { name: new RegExp(name.replace('.', '\\.')) }).click();
      const viewer = page.getByLabel(`Viewer: ${name}`);
      const canvas = viewer.locator('canvas.pdf-page');
      await expect.poll(() => canvas.evaluate((c) => (c as unknown as { width: number }).width)).toBeGreaterThan(100);
      // Drawn: black text on white, so dark pixels, and more than one grey level (a blank page has one).
      await expect
        .poll(
          async () => {
            const ink = await canvasInk(canvas);
            return ink.levels > 1 && ink.dark > 500;
          },
          { message: `${name} draws ink`, timeout: 15_000 },
        )
        .toBe(true);
    }
    await quiet(page);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
