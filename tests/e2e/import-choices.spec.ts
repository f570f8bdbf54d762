/**
 * The Import dialog's choices in Chromium through the browser host: a real camera photograph
 * (goexif's Nikon D2H sample, fetched from Debian at test time) and a PDF uploaded with tags, a
 * collection and OCR off, the type left to the guess: the photograph becomes a photograph dated
 * when it was taken, the PDF "other"; both carry the tags and sit in the collection; and the
 * photograph's "text skipped: OCR is off" reads as information, not in the error colour. And a file
 * picker closed with nothing chosen leaves the dialog open.
 */
import fs from 'node:fs';
import { makePdf } from '../fixtures/documents/generate';
import { debianFiles } from '../support/debian-files';
import { api, expect, test } from './fixtures';

const GOEXIF = '/usr/share/gocode/src/github.com/rwcarlsen/goexif/exif/';

interface Listed {
  items: { id: number; title: string; type: string; date: string | null }[];
}
interface Shown {
  tags: string[];
  collection: { id: number } | null;
}

test('type guessed, tags, collection and OCR off reach the records the dialog creates', async ({ page, host }) => {
  // Two files stored and read in the background: generous on a loaded machine (no speed is measured here).
  test.setTimeout(150_000);
  const [nikon] = debianFiles('golang-github-rwcarlsen-goexif-dev', [`${GOEXIF}sample1.jpg`]);
  const series = await api<{ id: number }>(host, 'createCollection', { name: 'Visits to Hangzhou', level: 'series' });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await dialog.getByTestId('import-files').setInputFiles([
    { name: 'west lake.jpg', mimeType: 'image/jpeg', buffer: fs.readFileSync(nikon!) },
    { name: 'programme.pdf', mimeType: 'application/pdf', buffer: makePdf([{ lines: ['Programme of the visit'] }]) },
  ]);
  await expect(dialog.getByLabel('Record type')).toHaveValue('guess');
  await dialog.getByLabel('Tags').fill('delegation, 2018 visit');
  await dialog.getByLabel('Collection').selectOption({ label: 'Visits to Hangzhou (Series)' });
  await dialog.getByLabel('Read text in pictures and scans (OCR)').selectOption('off');
  await dialog.getByRole('button', { name: 'Import 2 files' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => (await api<{ counts: { done: number } }>(host, 'listJobs', {})).counts.done, { timeout: 90_000 })
    .toBe(4);
  await expect
    .poll(async () => {
      const { items } = await api<Listed>(host, 'listRecords', { sort: 'title', direction: 'asc' });
      return items.map((r) => [r.title, r.type, r.date]);
    })
    .toEqual([
      ['programme', 'other', null],
      ['west lake', 'photograph', '2003-11-23'],
    ]);
  const { items } = await api<Listed>(host, 'listRecords', { sort: 'title', direction: 'asc' });
  for (const r of items) {
    const shown = await api<Shown>(host, 'getRecord', { id: r.id });
    expect(shown.tags.sort()).toEqual(['2018 visit', 'delegation']);
    expect(shown.collection?.id).toBe(series.id);
  }

  // The choices are kept for the next import, in this page.
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(dialog.getByLabel('Tags')).toHaveValue('delegation, 2018 visit');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const photo = items.find((r) => r.type === 'photograph')!;
  await page.goto(`${host.url}#/records/${photo.id}`);
  const status = page.locator('.text-status').filter({ hasText: 'OCR is off' });
  await expect(status).toBeVisible();
  // In the soft ink of information (--ink-soft), not the error colour (--danger, rgb(164, 38, 44)).
  await expect(status).toHaveCSS('color', 'rgb(85, 93, 102)');
  await expect(page.getByRole('region', { name: 'Background work' })).toBeHidden({ timeout: 10_000 });
});

test('dismissing the file picker leaves the Import dialog open, with what was chosen', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Tags').fill('delegation');
  // The picker opened and closed with nothing chosen: the input fires "cancel", which bubbles.
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('import-files').dispatchEvent('click');
  await (await chooser).setFiles([]);
  await dialog.getByTestId('import-files').dispatchEvent('cancel', { bubbles: true });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Tags')).toHaveValue('delegation');
  // Escape is still the dialog's own way out.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
