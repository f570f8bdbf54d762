/**
 * `npm run screenshots`: the main screens in Chromium (Playwright, Debian's /usr/bin/chromium or
 * CHROMIUM_PATH) against the built browser host on a fresh library holding the sample catalogue,
 * saved to resources/screenshots/ for the README. Run after `npm run build`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium, type Page } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, process.env.CIVIC_ARCHIVE_OUT || 'out');
const SHOTS = path.join(ROOT, 'resources', 'screenshots');

async function startHost(library: string): Promise<{ url: string; base: string; token: string; stop: () => Promise<void> }> {
  const script = path.join(OUT, 'main/host.js');
  if (!fs.existsSync(script)) throw new Error(`${path.relative(ROOT, script)} is missing: run npm run build first`);
  const child = spawn(process.execPath, [script, '--library', library, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, CIVIC_ARCHIVE_LIBRARY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', (l) => {
      lines.close();
      child.stdout.resume();
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`the browser host exited (${code}):\n${stderr}`)));
  });
  const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(line);
  if (!m) throw new Error(`unexpected first line from the browser host: ${line}`);
  return {
    url: `${m[1]}/?token=${m[2]}`,
    base: m[1]!,
    token: m[2]!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

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
const host = await startHost(library);
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
  await grid.getByRole('link', { name: /Memorandum of understanding/ }).first().click();
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
