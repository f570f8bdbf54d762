/**
 * Documents in Chromium through the browser host: import a PDF with the Import dialog (the
 * upload route), see its progress, find a sentence from its second page by search, and view it
 * (pdf.js in the renderer, page navigation, the page's text beside it).
 */
import { makePdf } from '../fixtures/documents/generate';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';

/**
 * Ends a test with no request in flight: the jobs bar is idle, then the page is closed, since the
 * app polls the catalogue revision every 2 s and a poll reaching the host while the fixture stops
 * it would be logged as a console error (ERR_CONNECTION_REFUSED).
 */
async function quiet(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Background work' })).toBeHidden({ timeout: 10_000 });
  await page.close();
}

const SENTENCE = 'The sister city agreement was renewed at Hangzhou Grand Theatre';

test('imports a PDF through the browser host and finds a sentence from it by search', async ({ page, host }) => {
  const pdf = makePdf(
    [{ lines: ['Leeds City Council', 'Press release'] }, { lines: [`${SENTENCE}.`, 'Dancers from Leeds performed.'] }],
    { title: 'Delegation press release' },
  );
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await dialog
    .getByTestId('import-files')
    .setInputFiles({ name: 'press release.pdf', mimeType: 'application/pdf', buffer: pdf });
  // What will be created is shown before anything is imported.
  await expect(dialog.getByText('1 file (')).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Files to import' })).toContainText('press release.pdf');
  expect((await api<{ jobs: unknown[] }>(host, 'listJobs', {})).jobs).toEqual([]);
  await dialog.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(dialog).toBeHidden();

  // The text is read in the background; the title comes from the PDF's own metadata.
  await expect
    .poll(async () => (await api<{ counts: { done: number } }>(host, 'listJobs', {})).counts.done, { timeout: 20_000 })
    .toBe(2);
  const search = page.getByRole('searchbox', { name: 'Search the catalogue' });
  await search.fill('sister city agreement was renewed');
  const results = page.getByRole('region', { name: 'Search results' });
  const hit = results.getByRole('link', { name: 'Delegation press release' }).first();
  await expect(hit).toBeVisible({ timeout: 10_000 });

  await hit.click();
  const viewer = page.getByLabel('Viewer: press release.pdf');
  await expect(viewer.getByText('text read').or(page.getByText('text read'))).toBeVisible();
  await expect(viewer.getByRole('navigation', { name: 'Pages' })).toContainText('of 2');
  await viewer.getByRole('button', { name: 'Next page' }).click();
  await expect(viewer.getByLabel('Text of the file')).toContainText(SENTENCE);
  await expect(viewer.getByLabel('Text of the file')).toContainText('Page 2: text layer');
  // pdf.js drew the page into the canvas.
  await expect
    .poll(() => viewer.locator('canvas.pdf-page').evaluate((c) => (c as unknown as { width: number }).width))
    .toBeGreaterThan(100);
  await quiet(page);
});

test('"Check files" re-hashes the stored files and reports a deleted one', async ({ page, host }) => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await dialog.getByTestId('import-files').setInputFiles([
    { name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('first letter\n') },
    { name: 'two.txt', mimeType: 'text/plain', buffer: Buffer.from('second letter\n') },
  ]);
  await dialog.getByRole('button', { name: 'Import 2 files' }).click();
  await expect
    .poll(async () => (await api<{ counts: { done: number } }>(host, 'listJobs', {})).counts.done, { timeout: 20_000 })
    .toBe(4);
  const fixity = page.getByRole('region', { name: 'Fixity' });
  await fixity.getByRole('button', { name: 'Check files' }).click();
  await expect(fixity.getByText('2 stored files checked: all intact.')).toBeVisible({ timeout: 15_000 });

  const { createHash } = await import('node:crypto');
  const sha = createHash('sha256').update('second letter\n').digest('hex');
  fs.rmSync(path.join(host.libraryDir, 'files', sha.slice(0, 2), sha));
  await fixity.getByRole('button', { name: 'Check files' }).click();
  await expect(fixity.getByText(/1 problem in 2 files; nothing was changed/)).toBeVisible({ timeout: 15_000 });
  await expect(fixity.getByText(/Missing: file #2/)).toBeVisible();
  await quiet(page);
});

test('files attached in the record view: an image with zoom, and a two-page TIFF page by page', async ({
  page,
  host,
}) => {
  const sharp = (await import('sharp')).default;
  const { textImage } = await import('../fixtures/documents/generate');
  const record = await api<{ id: number }>(host, 'createRecord', { type: 'photograph', title: 'Signing ceremony' });
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Canon', Model: 'EOS 5D' }, IFD2: { DateTimeOriginal: '2018:09:14 10:30:00' } })
    .toBuffer();
  const pages = await Promise.all(
    ['First page of the agreement.', 'Second page with the signatures.'].map((t) =>
      sharp(textImage([t], { fontSize: 40, width: 1000 }).png)
        .flatten({ background: '#ffffff' })
        .greyscale()
        .png()
        .toBuffer(),
    ),
  );
  const tiff = await sharp(pages, { join: { animated: true } })
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1 })
    .toBuffer();

  await page.goto(host.url);
  await page.goto(`${host.baseUrl}/#/records/${record.id}`);
  await expect(page.locator('#record-heading')).toHaveText('Signing ceremony');
  const files = page.getByRole('region', { name: 'Files' });
  await files.getByTestId('attach-files').setInputFiles([
    { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: 'agreement.tif', mimeType: 'image/tiff', buffer: tiff },
  ]);
  await expect
    .poll(async () => (await api<{ counts: { done: number } }>(host, 'listJobs', {})).counts.done, { timeout: 30_000 })
    .toBe(4);
  await expect(files.getByRole('button', { name: /photo\.jpg/ })).toBeVisible({ timeout: 10_000 });

  await files.getByRole('button', { name: /photo\.jpg/ }).click();
  const viewer = page.getByLabel('Viewer: photo.jpg');
  await expect(viewer.getByRole('img', { name: 'photo.jpg' })).toBeVisible();
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(viewer.getByText('125%')).toBeVisible();
  // What the photo says about itself, and the suggestion that filled the empty date.
  await expect(viewer.getByLabel('About the file')).toContainText('Canon EOS 5D');
  await expect(viewer.getByLabel('About the file')).toContainText('2018-09-14');
  expect((await api<{ date: string | null }>(host, 'getRecord', { id: record.id })).date).toBe('2018-09-14');

  await files.getByRole('button', { name: /agreement\.tif/ }).click();
  const tiffViewer = page.getByLabel('Viewer: agreement.tif');
  await expect(tiffViewer.getByRole('navigation', { name: 'Pages' })).toContainText('of 2');
  await expect(tiffViewer.getByRole('img', { name: 'Page 1 of agreement.tif' })).toBeVisible();
  await tiffViewer.getByRole('button', { name: 'Next page' }).click();
  await expect(tiffViewer.getByRole('img', { name: 'Page 2 of agreement.tif' })).toBeVisible();
  await expect(tiffViewer.getByLabel('Text of the file')).toContainText(/signatures/);
  // The preview really loaded (a PNG served by hash).
  await expect
    .poll(() =>
      tiffViewer
        .getByRole('img', { name: 'Page 2 of agreement.tif' })
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    )
    .toBe(1000);
  await quiet(page);
});

test('a folder on this computer: the preview shows what will be created, then one record per file', async ({
  page,
  host,
}) => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-e2e-folder-'));
  try {
    fs.mkdirSync(path.join(folder, 'letters'));
    fs.writeFileSync(path.join(folder, 'minutes.txt'), 'Minutes of the twinning committee.\n');
    fs.writeFileSync(
      path.join(folder, 'letters', 'thanks.html'),
      '<title>Letter of thanks</title><p>Thank you, Hangzhou.</p>',
    );
    fs.writeFileSync(path.join(folder, 'empty.pdf'), '');
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import files' });
    await dialog.getByLabel('Or a folder on this computer:').fill(folder);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByText('2 files (')).toBeVisible();
    const list = dialog.getByRole('list', { name: 'Files to import' });
    await expect(list).toContainText('minutes.txt');
    await expect(list).toContainText(path.join('letters', 'thanks.html'));
    await dialog.getByText('1 skipped').click();
    await expect(dialog.getByText(/empty\.pdf: empty \(0 bytes\)/)).toBeVisible();
    // Nothing was created by the preview.
    expect((await api<{ total: number }>(host, 'listRecords', {})).total).toBe(0);
    await dialog.getByLabel('Record type').selectOption('letter');
    await dialog.getByRole('button', { name: 'Import 2 files' }).click();
    await expect(dialog).toBeHidden();
    await expect
      .poll(async () => (await api<{ counts: { done: number } }>(host, 'listJobs', {})).counts.done, {
        timeout: 20_000,
      })
      .toBe(4);
    const records = await api<{ items: { title: string; type: string }[] }>(host, 'listRecords', {
      sort: 'title',
      direction: 'asc',
    });
    expect(records.items.map((r) => [r.title, r.type])).toEqual([
      ['Letter of thanks', 'letter'],
      ['minutes', 'letter'],
    ]);
    await quiet(page);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
