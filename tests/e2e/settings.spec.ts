/** The settings dialog: what is saved is what the library then uses. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, expect, MOU_TITLE, openSettings, openWithSample, revisionOf, test } from './fixtures';

test('the holding archive and default style saved in Settings appear in the next citation', async ({ page, host }) => {
  await openWithSample(page, host);
  await page.getByRole('button', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  // The form is filled from the library once its settings arrive: type after that.
  await expect(settings.getByLabel('Default citation style')).toHaveValue('apa', { timeout: 30_000 });
  await settings.getByLabel('Holding archive').fill('West Yorkshire Archive Service');
  await settings.getByLabel('Its place').fill('Leeds');
  await settings.getByLabel('Default citation style').fill('vancouver');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved.');
  expect(await api(host, 'getSettings')).toEqual({
    archiveName: 'West Yorkshire Archive Service',
    archivePlace: 'Leeds',
    defaultStyle: 'vancouver',
    backupsKept: 7,
  });
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await page
    .locator('.list-pane a[href^="#/records/"]')
    .filter({ hasText: MOU_TITLE })
    .filter({ hasText: /hangzhou/i })
    .click();
  await page.getByRole('button', { name: 'Cite…' }).click();
  const cite = page.getByRole('dialog', { name: 'Cite this record' });
  await expect(cite.getByLabel('Style')).toHaveValue('vancouver');
  await expect(cite.getByTestId('cite-preview')).toContainText('Located at: West Yorkshire Archive Service, Leeds', {
    timeout: 30_000,
  });

  // Reopened, the dialog shows what was saved.
  await cite.getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press('Control+Comma');
  await expect(settings.getByLabel('Holding archive')).toHaveValue('West Yorkshire Archive Service');
  await expect(settings.getByLabel('Default citation style')).toHaveValue('vancouver');
});

test('the file size limit: a bad value is one message and saves nothing; a good one refuses larger files; empty is the default', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  await page.getByRole('button', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const limit = settings.getByLabel('Largest file to import (MB)');
  await expect(limit).toHaveValue('');
  const before = await revisionOf(host);

  await settings.getByLabel('Holding archive').fill('Not to be saved');
  await limit.fill('lots');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('alert')).toHaveText(
    'The settings could not be saved: Largest file: “lots” is not a number of megabytes',
  );
  expect(await revisionOf(host)).toBe(before);
  expect((await api<{ archiveName: string | null }>(host, 'getSettings')).archiveName).toBeNull();

  await limit.fill('1');
  const backups = settings.getByLabel('Automatic copies of the catalogue to keep');
  await expect(backups).toHaveValue('7');
  await backups.fill('3');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved.');
  expect(await api(host, 'documentSettings')).toEqual({ maxFileBytes: 1024 * 1024, source: 'library' });
  expect((await api<{ backupsKept: number }>(host, 'getSettings')).backupsKept).toBe(3);
  const big = await page.request.post(`${host.baseUrl}/upload?name=big.txt`, {
    headers: { 'Content-Type': 'application/octet-stream' },
    data: Buffer.alloc(1024 * 1024 + 10, 'a'),
  });
  const body = (await big.json()) as { ok: boolean; error?: { message: string } };
  expect(body.ok).toBe(false);
  expect(body.error?.message).toBe(`big.txt is ${1024 * 1024 + 10} bytes, over the size limit of ${1024 * 1024} bytes`);

  await limit.fill('');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved.');
  expect(await api(host, 'documentSettings')).toEqual({ maxFileBytes: 2 * 1024 ** 3, source: 'default' });

  await backups.fill('-2');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('alert')).toHaveText(
    'The settings could not be saved: Automatic copies: “-2” is not a whole number from 0 to 365',
  );
  expect((await api<{ backupsKept: number }>(host, 'getSettings')).backupsKept).toBe(3);
});

test('the library in use, with how to open another; language and theme apply at once and the header follows', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  await page.getByRole('button', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByTestId('library-path')).toHaveText(
    (await api<{ path: string }>(host, 'libraryInfo')).path,
  );
  await expect(settings).toContainText('--library DIR');
  await expect(settings).toContainText('CIVIC_ARCHIVE_LIBRARY');

  await settings.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await settings.getByLabel('Language').selectOption('zh-Hans');
  const zh = page.getByRole('dialog', { name: '设置' });
  await expect(zh).toBeVisible();
  await expect(zh.getByLabel('收藏机构（档案馆）')).toBeVisible();
  await zh.getByRole('button', { name: '关闭' }).click();
  // Reopened, it shows both choices as made; the header carries neither (it keeps to one row).
  await expect(page.locator('.topbar select')).toHaveCount(0);
  const again = await openSettings(page);
  await expect(again.getByLabel('主题')).toHaveValue('dark');
  await expect(again.getByLabel('语言')).toHaveValue('zh-Hans');
  await again.getByLabel('语言').selectOption('en');
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('open another library and create a new one from Settings; a folder of other files is refused', async ({
  page,
  host,
}) => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-archive-e2e-other-'));
  try {
    await openWithSample(page, host);
    const first = (await api<{ path: string }>(host, 'libraryInfo')).path;
    await page.getByRole('button', { name: 'Settings…' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const folder = settings.getByLabel('Library folder (full path)');

    // A folder of someone's files is not made into a library, and nothing changes.
    const papers = path.join(scratch, 'papers');
    fs.mkdirSync(papers);
    fs.writeFileSync(path.join(papers, 'notes.txt'), 'not a library');
    await folder.fill(papers);
    await settings.getByRole('button', { name: 'Create a new library here' }).click();
    await expect(settings.getByRole('alert')).toHaveText(
      `The library was not opened: ${papers} is not a Civic Archive library: it has no catalogue.sqlite and already holds other files (notes.txt). Choose an empty folder or an existing library.`,
    );
    expect(fs.readdirSync(papers)).toEqual(['notes.txt']);

    // Opening (not creating) a folder without a library is refused too.
    const fresh = path.join(scratch, 'Twinning 2026');
    await folder.fill(fresh);
    await folder.press('Enter');
    await expect(settings.getByRole('alert')).toContainText(`${fresh} holds no Civic Archive library`);
    expect(fs.existsSync(fresh)).toBe(false);
    expect((await api<{ path: string }>(host, 'libraryInfo')).path).toBe(first);

    // Created: the page starts afresh on the new, empty library.
    await settings.getByRole('button', { name: 'Create a new library here' }).click();
    await expect(page.getByRole('heading', { name: 'This library is empty' })).toBeVisible();
    expect(await api(host, 'libraryInfo')).toMatchObject({ path: fresh, counts: { records: 0 } });
    expect(fs.existsSync(path.join(fresh, 'catalogue.sqlite'))).toBe(true);

    // And back to the first one.
    await page.keyboard.press('Control+Comma');
    await expect(settings.getByTestId('library-path')).toHaveText(fresh);
    await folder.fill(first);
    await settings.getByRole('button', { name: 'Open this library' }).click();
    await expect(page.getByRole('heading', { name: 'All records' })).toBeVisible();
    await expect(page.locator('.list-pane a[href^="#/records/"]').filter({ hasText: MOU_TITLE }).first()).toBeVisible();
    expect(await api(host, 'libraryInfo')).toMatchObject({ path: first, counts: { records: 5 } });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
