/**
 * A browser host per test, on its own temporary library: `node out/main/host.js --library <tmp>
 * --port 0`, whose first stdout line carries the URL with the token. Stopped and cleaned up after.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export interface HostInfo {
  /** The printed URL, with `?token=`: opening it sets the session cookie. */
  url: string;
  baseUrl: string;
  token: string;
  libraryDir: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
// CIVIC_ARCHIVE_OUT names another build folder (see src/main/locations.ts); the host inherits it.
const OUT = path.join(ROOT, process.env.CIVIC_ARCHIVE_OUT || 'out');
const HOST_SCRIPT = path.join(OUT, 'main/host.js');
const RENDERER = path.join(OUT, 'renderer/index.html');
const FIRST_LINE = /^Civic Archive browser host: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)$/;
const START_TIMEOUT_MS = 15_000;

function firstLine(child: ChildProcessWithoutNullStreams, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    const timer = setTimeout(() => fail(`no URL within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    function fail(why: string) {
      clearTimeout(timer);
      lines.close();
      reject(new Error(`the browser host did not start: ${why}\n${stderr()}`));
    }
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.close();
      // Keep draining stdout so the host never blocks on a full pipe.
      child.stdout.resume();
      resolve(line);
    });
    child.once('exit', (code, signal) => fail(`it exited (${signal ?? code})`));
    child.once('error', (error) => fail(error.message));
  });
}

async function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** `library`: a library another host already serves (left in place when this one stops); else a new one. */
export async function startHost(library?: string): Promise<{ info: HostInfo; stop: () => Promise<void> }> {
  for (const file of [HOST_SCRIPT, RENDERER]) {
    if (!fs.existsSync(file))
      throw new Error(`${path.relative(ROOT, file)} is missing: build first (npx electron-vite build)`);
  }
  const libraryDir = library ?? fs.mkdtempSync(path.join(os.tmpdir(), 'civic-archive-e2e-'));
  // The tests type paths of folders they made in the temp folder (a folder import, another library):
  // through the browser, paths must lie in the library or an --allow-dir (src/main/host/paths.ts).
  const child = spawn(
    process.execPath,
    [HOST_SCRIPT, '--library', libraryDir, '--port', '0', '--allow-dir', os.tmpdir()],
    {
      cwd: ROOT,
      env: { ...process.env, CIVIC_ARCHIVE_LIBRARY: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const cleanup = async () => {
    await stop(child);
    if (library === undefined) fs.rmSync(libraryDir, { recursive: true, force: true });
  };
  try {
    const line = await firstLine(child, () => stderr);
    const m = FIRST_LINE.exec(line.trim());
    if (!m) throw new Error(`unexpected first line from the browser host: ${JSON.stringify(line)}`);
    const [, baseUrl, token] = m as unknown as [string, string, string];
    return { info: { url: `${baseUrl}/?token=${token}`, baseUrl, token, libraryDir }, stop: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export const test = base.extend<{ host: HostInfo; pageErrors: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHost();
    try {
      await use(host.info);
    } finally {
      await host.stop();
    }
  },
  /**
   * Script errors and console errors (a CSP violation, a failed worker, a React warning) fail
   * the test; a test that provokes one on purpose can empty the array.
   */
  pageErrors: [
    // Depends on `host`, so the page is checked and closed before its host stops: the app polls
    // the catalogue, and a poll that found the host gone would be a false error.
    async ({ page, host: _host }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      await use(errors);
      const found = [...errors];
      await page.close();
      expect(found, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Calls a service channel directly (token header, no cookie): for set-up and for checking what was saved. */
export async function api<T = unknown>(host: HostInfo, channel: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${host.baseUrl}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Archive-Token': host.token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel} failed: ${body.error?.message}`);
  return body.value as T;
}

export async function revisionOf(host: HostInfo): Promise<number> {
  return (await api<{ revision: number }>(host, 'libraryInfo')).revision;
}

/** Opens the app (trading the token for the cookie) on a library with the sample catalogue loaded. */
export async function openWithSample(page: Page, host: HostInfo): Promise<void> {
  await api(host, 'loadSample');
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'All records' })).toBeVisible();
}

/** The value shown for a labelled field in the record view (a <dt>/<dd> pair). */
export function fieldValue(page: Page, label: string) {
  return page
    .locator('dl.fields .field')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');
}

/** The sample's 2018 Leeds–Hangzhou memorandum of understanding, whatever its exact wording. */
export const MOU_TITLE = /memorandum of understanding|\bMoU\b/i;

/**
 * Opens Settings, where the language and the theme are chosen (the header keeps to one row), in
 * whichever interface language is showing; returns the dialog.
 */
export async function openSettings(page: Page) {
  await page.getByRole('button', { name: /^(Settings…|设置…)$/ }).click();
  const dialog = page.getByRole('dialog', { name: /^(Settings|设置)$/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Chooses the interface language in Settings and closes it. */
export async function chooseLanguage(page: Page, language: 'en' | 'zh-Hans'): Promise<void> {
  const dialog = await openSettings(page);
  await dialog.getByLabel(/^(Language|语言)/).selectOption(language);
  await dialog.getByRole('button', { name: language === 'en' ? 'Close' : '关闭', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/** Chooses the theme in Settings and closes it. */
export async function chooseTheme(page: Page, theme: 'light' | 'dark' | 'system'): Promise<void> {
  const dialog = await openSettings(page);
  await dialog.getByLabel(/^(Theme|主题)/).selectOption(theme);
  await dialog.getByRole('button', { name: /^(Close|关闭)$/ }).click();
  await expect(dialog).toHaveCount(0);
}
