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
import type { ArchiveApi } from '../../src/shared/client';

const root = path.resolve(import.meta.dirname, '../..');
const binary = electronBinary(root);

test('the desktop app opens one hardened window over the catalogue', async () => {
  test.skip(!binary.ok, `Electron binary not available here: ${binary.ok ? '' : binary.reason}`);
  if (!binary.ok) return;
  const library = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [root, '--library', path.join(library, 'lib')],
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/Civic Archive/);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // The preload's typed client works; Node is out of the page's reach (sandbox, no nodeIntegration).
    expect(
      await page.evaluate(
        async () => (await (globalThis as unknown as { archive: ArchiveApi }).archive.libraryInfo({})).ok,
      ),
    ).toBe(true);
    const g = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(g).toEqual({ require: 'undefined', process: 'undefined' });
  } finally {
    await app.close();
    fs.rmSync(library, { recursive: true, force: true });
  }
});
