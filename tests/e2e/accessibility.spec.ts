/**
 * axe-core on each main screen, in the light and the dark theme: no serious or critical
 * violation of WCAG 2.0/2.1 A and AA. A failure lists each rule with the elements it found.
 */
import type { Page } from '@playwright/test';
import { api, expect, MOU_TITLE, openWithSample, test, type HostInfo } from './fixtures';
import { audit } from '../support/axe';

const mou = (page: Page) =>
  page
    .locator('.list-pane a[href^="#/records/"]')
    .filter({ hasText: MOU_TITLE })
    .filter({ hasText: /hangzhou/i });

async function open(page: Page, host: HostInfo, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('civic-archive.theme', t), theme);
  await openWithSample(page, host);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test('the empty library', async ({ page, host }) => {
      await page.addInitScript((t) => localStorage.setItem('civic-archive.theme', t), theme);
      await page.goto(host.url);
      await expect(page.getByRole('heading', { name: 'This library is empty' })).toBeVisible();
      await audit(page, 'the empty library');
    });

    test('the library list and a record', async ({ page, host }) => {
      await open(page, host, theme);
      await audit(page, 'the library list');
      await mou(page).click();
      await expect(page.locator('#record-heading')).toHaveText(MOU_TITLE);
      await audit(page, 'a record');
    });

    test('the editor', async ({ page, host }) => {
      await open(page, host, theme);
      await mou(page).click();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await expect(page.getByLabel('Title', { exact: true })).toBeVisible();
      await audit(page, 'the editor');
      await page.getByRole('button', { name: 'New record' }).click();
      await expect(page.getByLabel('Title', { exact: true })).toHaveValue('');
      await audit(page, 'a new record');
    });

    test('search results with facets', async ({ page, host }) => {
      await open(page, host, theme);
      await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('Hangzhou');
      await expect(page.getByRole('group', { name: 'Filter the results' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Search results' }).getByRole('status')).toContainText('found');
      await audit(page, 'search results');
    });

    test('the cite and exchange dialogs', async ({ page, host }) => {
      await open(page, host, theme);
      await mou(page).click();
      await page.getByRole('button', { name: 'Cite…' }).click();
      const cite = page.getByRole('dialog', { name: 'Cite this record' });
      // The first citation builds APA's CSL engine: seconds on a busy machine.
      await expect(cite.getByTestId('cite-preview')).toContainText('Hangzhou', { timeout: 30_000 });
      await audit(page, 'the cite dialog', 'dialog.cite-dialog[open]');
      await cite.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: 'Citations & exchange…' }).click();
      await expect(page.getByRole('dialog', { name: 'Citations & exchange' })).toBeVisible();
      await audit(page, 'the exchange dialog', 'dialog.exchange-dialog[open]');
    });

    test('the settings and the shortcut list', async ({ page, host }) => {
      await open(page, host, theme);
      await page.getByRole('button', { name: 'Settings…' }).click();
      await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Holding archive')).toBeVisible();
      await audit(page, 'the settings', 'dialog.settings-dialog[open]');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Shift+?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await audit(page, 'the shortcut list', 'dialog.shortcuts-dialog[open]');
    });

    test('keyboard focus is always visible: a 3px ring in the theme’s focus colour, 3:1 against the page', async ({
      page,
      host,
    }) => {
      await open(page, host, theme);
      // A string, so the Node-side type-check needs no DOM types.
      const ring = () =>
        page.evaluate<{ tag: string; style: string; width: string; color: string }>(`(() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          return { tag: el.tagName, style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
        })()`);
      const expected = theme === 'light' ? 'rgb(154, 77, 0)' : 'rgb(240, 180, 41)';
      // The first stops of the Tab order: skip link, search box, header buttons and choices.
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        expect(await ring(), `Tab stop ${i + 1}`).toMatchObject({ style: 'solid', width: '3px', color: expected });
      }
      // A record reached by J, and a dialog's button.
      await page.keyboard.press('Escape');
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      await page.keyboard.press('j');
      expect(await ring()).toMatchObject({ tag: 'A', style: 'solid', color: expected });
      await page.keyboard.press('Shift+?');
      await page.keyboard.press('Tab');
      expect(await ring()).toMatchObject({ tag: 'BUTTON', style: 'solid', color: expected });
    });

    test('the import dialog and a file in the viewer', async ({ page, host }) => {
      // Two axe audits and a document rendered in the viewer: 23 s of the default 30 s when the
      // machine is quiet, so a loaded CI machine gets a slow test's time.
      test.slow();
      await open(page, host, theme);
      await page.getByRole('button', { name: 'Import…' }).click();
      await expect(page.getByRole('dialog', { name: 'Import files' })).toBeVisible();
      await audit(page, 'the import dialog', 'dialog.import-dialog[open]');
      await page.keyboard.press('Escape');

      await mou(page).click();
      const id = Number(new URL(page.url()).hash.split('/').pop());
      const upload = await page.request.post(`${host.baseUrl}/upload?name=minutes.txt&recordId=${id}`, {
        headers: { 'Content-Type': 'application/octet-stream' },
        data: Buffer.from('Minutes of the signing of the memorandum, Hangzhou, September 2018.\n'),
      });
      expect(upload.ok()).toBe(true);
      const files = page.getByRole('region', { name: 'Files' });
      await expect(files.getByRole('button', { name: /minutes\.txt/ })).toBeVisible({ timeout: 10_000 });
      await expect(page.getByLabel('Text of the file')).toContainText('Minutes of the signing', { timeout: 10_000 });
      await audit(page, 'a file in the viewer');
    });
  });
}

test('in Simplified Chinese too: the list, a record, search and the settings', async ({ page, host }) => {
  await page.addInitScript(() => localStorage.setItem('civic-archive.language', 'zh-Hans'));
  await api(host, 'loadSample');
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('searchbox', { name: '检索档案目录' })).toBeVisible();
  await mou(page).click();
  await expect(page.locator('#record-heading')).toHaveText(MOU_TITLE);
  await audit(page, 'a record, in Chinese');
  await page.getByRole('searchbox', { name: '检索档案目录' }).fill('杭州 OR Hangzhou');
  await expect(page.getByRole('group', { name: '筛选检索结果' })).toBeVisible();
  await audit(page, 'search results, in Chinese');
  await page.keyboard.press('Control+Comma');
  await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
  await audit(page, 'the settings, in Chinese', 'dialog.settings-dialog[open]');
});
