/**
 * `npm run screenshots`: the main screens in Chromium (Playwright, Debian's /usr/bin/chromium or
 * CHROMIUM_PATH) against the built browser host on a fresh library holding the sample catalogue,
 * saved to resources/screenshots/ for the README. Run after `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startHostProcess } from '../support/host-process';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, process.env.CIVIC_ARCHIVE_OUT || 'out');
const SHOTS = path.join(ROOT, 'resources', 'screenshots');

async function call(host: { base: string; token: string }, channel: string, input: unknown = {}): Promise<unknown> {
  const r = await fetch(`${host.base}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Archive-Token': host.token },
    body: JSON.stringify(input),
  });
  const body = (await r.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value;
}

async function shot(page: Page, name: string): Promise<void> {
  // Let the list, the search worker and any transition settle.
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  console.log(`resources/screenshots/${name}.png`);
}

const library = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-archive-shots-'));
const host = await startHostProcess(library, OUT);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  fs.mkdirSync(SHOTS, { recursive: true });
  await call(host, 'loadSample');
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', colorScheme: 'light' });
  await page.goto(host.url);
  const grid = page.getByRole('grid', { name: 'Records' });
  await grid.getByRole('row').nth(1).waitFor();
  // The signed MoU, open in the record panel.
  await grid
    .getByRole('link', { name: /Memorandum of understanding/ })
    .first()
    .click();
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await shot(page, 'workspace');

  await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('Hangzhou');
  await page.getByRole('region', { name: 'Search results' }).waitFor();
  await shot(page, 'search');

  await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Title', { exact: true }).waitFor();
  await shot(page, 'editor');
  await page.getByRole('button', { name: 'Cancel' }).first().click();

  await page.getByLabel('Theme').selectOption('dark');
  await shot(page, 'workspace-dark');
  await page.getByLabel('Theme').selectOption('light');

  await page.getByLabel('Language').selectOption('zh-Hans');
  await page.getByRole('searchbox').fill('杭州');
  await page.waitForTimeout(400);
  await shot(page, 'search-zh-Hans');
  await page.getByLabel('语言').selectOption('en');
} finally {
  await browser.close();
  await host.stop();
  fs.rmSync(library, { recursive: true, force: true });
}
