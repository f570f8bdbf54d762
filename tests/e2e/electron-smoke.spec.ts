/**
 * The desktop shell itself, through Playwright's Electron driver. Electron's binary cannot be
 * downloaded on every machine (it comes from a host ours cannot reach): there the test is skipped
 * and says why; everything behind the shell is tested through the browser host and the service.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../src/main/electron-binary';

const root = path.resolve(__dirname, '../..');
const binary = electronBinary(root);

test('the desktop app opens one hardened window over the catalogue', async () => {
  test.skip(!binary.ok, `Electron binary not available here: ${binary.ok ? '' : binary.reason}`);
  if (!binary.ok) return;
  const library = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-electron-'));
  const app = await electron.launch({ executablePath: binary.path, args: [root, '--library', path.join(library, 'lib')] });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Civic Archive/);
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      const p = wc.getLastWebPreferences()!;
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    const info = await window.evaluate(async () => (await window.archive!.libraryInfo({})).ok);
    expect(info).toBe(true);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    fs.rmSync(library, { recursive: true, force: true });
  }
});
