/**
 * Scanned PDFs as archives hold them draw in the viewer, not as blank pages: a CCITT G4 scan
 * (made by libtiff's tiff2pdf from a G4 TIFF, the data passed through as CCITTFaxDecode) and a
 * JBIG2 scan (the same fax page as a JBIG2 generic region, see tests/support/tiff-files.ts) and a
 * JPEG 2000 scan (the page encoded by OpenJPEG's opj_compress, tests/support/jpeg2000.ts). pdf.js
 * gets its wasm decoders, fonts and CMaps from the app itself (pdfjs/ beside the renderer).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { textImage } from '../fixtures/documents/generate';
import { rawPdf } from '../support/hostile-files';
import { jp2Of } from '../support/jpeg2000';
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

/** A one-page PDF whose page is one image XObject with the given dictionary entries and data. */
function imagePdf(width: number, height: number, image: string, data: Buffer): Buffer {
  const draw = `q ${width / 2} 0 0 ${height / 2} 0 0 cm /Im0 Do Q`;
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width / 2} ${height / 2}] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>`,
    Buffer.from(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} ${image} /Length ${data.length} >>\nstream\n`,
      ),
      data,
      Buffer.from('\nendstream'),
    ]),
  ]);
}

test('a CCITT G4 scan, a JBIG2 scan and a JPEG 2000 scan draw their pages (not blank) in the viewer', async ({
  page,
  host,
}) => {
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
    const jbig2Pdf = imagePdf(width, height, '/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode', jbig2);
    // JPXDecode: the image carries its own colour space and depth, pdf.js decodes it with OpenJPEG's wasm.
    const jpxPdf = imagePdf(
      scan.width,
      scan.height,
      '/Filter /JPXDecode',
      jp2Of(scan.grey, scan.width, scan.height, work),
    );

    const record = await api<{ id: number }>(host, 'createRecord', { type: 'report', title: 'Committee scans' });
    await page.goto(host.url);
    await page.goto(`${host.baseUrl}/#/records/${record.id}`);
    await expect(page.locator('#record-heading')).toHaveText('Committee scans');
    const files = page.getByRole('region', { name: 'Files' });
    await files.getByTestId('attach-files').setInputFiles([
      { name: 'ccitt-scan.pdf', mimeType: 'application/pdf', buffer: ccitt },
      { name: 'jbig2-scan.pdf', mimeType: 'application/pdf', buffer: jbig2Pdf },
      { name: 'jpx-scan.pdf', mimeType: 'application/pdf', buffer: jpxPdf },
    ]);
    await expect
      .poll(async () => (await api<{ counts: { done: number } }>(host, 'listJobs', {})).counts.done, {
        timeout: 90_000,
      })
      .toBe(6);

    for (const name of ['ccitt-scan.pdf', 'jbig2-scan.pdf', 'jpx-scan.pdf']) {
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
