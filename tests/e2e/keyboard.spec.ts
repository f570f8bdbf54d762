/** Every shortcut of the workspace, pressed as an archivist would, with the mouse left alone. */
import type { Page } from '@playwright/test';
import { api, expect, MOU_TITLE, openWithSample, revisionOf, test } from './fixtures';

const records = (page: Page) => page.locator('.list-pane a[href^="#/records/"]');
const heading = (page: Page) => page.locator('#record-heading');

test('? lists every shortcut in a modal: focus stays inside, Escape closes it and focus comes back', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  const search = page.getByRole('searchbox', { name: 'Search the catalogue' });
  // Typed into a field, ? is a character, not a shortcut.
  await search.fill('what?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await search.fill('');
  await page.getByRole('heading', { name: 'All records' }).focus();

  await page.keyboard.press('Shift+?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const action of [
    'New record',
    'Search the catalogue',
    'Save the record being edited',
    'Delete the selected record (asks first)',
    'Next record in the list',
    'Previous record in the list',
    'Open the selected record’s file',
    'Undo',
    'Redo',
    'Settings',
    'Show this list',
  ]) {
    await expect(dialog.getByRole('cell', { name: action, exact: true })).toBeVisible();
  }
  await expect(dialog.getByRole('row', { name: /^Redo/ })).toContainText('Ctrl+Shift+Z or Ctrl+Y');
  await expect(dialog.getByRole('row', { name: /^Next record/ })).toContainText('J');
  await expect(dialog.getByRole('row', { name: /^Next record/ })).toContainText('Alt+↓');

  // Tabbing (either way) never leaves the dialog.
  for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Tab']) {
    await page.keyboard.press(key);
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  }
  // Shortcuts wait while the dialog is open.
  await page.keyboard.press('j');
  expect(new URL(page.url()).hash).not.toMatch(/records/);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'All records' })).toBeFocused();

  // The header's button opens the same list, and focus returns to the button.
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('/ and Ctrl+F go to the search box; J/K and Alt+↓/↑ step through the list, but not while typing', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  const search = page.getByRole('searchbox', { name: 'Search the catalogue' });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  // Letters typed in the box are the query.
  await page.keyboard.type('jk');
  await expect(search).toHaveValue('jk');
  expect(new URL(page.url()).hash).not.toMatch(/records/);
  await search.fill('');
  await page.getByRole('heading', { name: 'All records' }).focus();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
  await search.blur();

  const titles = await records(page).allTextContents();
  expect(titles.length).toBeGreaterThan(3);
  await page.keyboard.press('j');
  await expect(heading(page)).toHaveText(titles[0]!);
  await expect(records(page).nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(heading(page)).toHaveText(titles[1]!);
  // The focused title is not scrolled out of sight inside its clipped cell.
  expect(
    await records(page)
      .nth(1)
      .evaluate((a) => (a as unknown as { parentElement: { scrollLeft: number } }).parentElement.scrollLeft),
  ).toBe(0);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading(page)).toHaveText(titles[2]!);
  await page.keyboard.press('k');
  await expect(heading(page)).toHaveText(titles[1]!);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(heading(page)).toHaveText(titles[0]!);
  // At the top it stays at the top.
  await page.keyboard.press('k');
  await expect(heading(page)).toHaveText(titles[0]!);
  expect(new URL(page.url()).hash).toMatch(/^#\/records\/\d+$/);
});

test('N makes a new record and Ctrl+S saves it; E edits the selected one and Ctrl+S saves that too', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  await page.getByRole('heading', { name: 'All records' }).focus();
  await page.keyboard.press('n');
  const title = page.getByLabel('Title', { exact: true });
  await expect(title).toBeFocused();
  await page.keyboard.type('Hangzhou delegation thank-you letter');
  const before = await revisionOf(host);
  await page.keyboard.press('Control+s');
  await expect(heading(page)).toHaveText('Hangzhou delegation thank-you letter');
  expect(await revisionOf(host)).toBeGreaterThan(before);

  await heading(page).focus();
  await page.keyboard.press('e');
  await expect(title).toBeFocused();
  await title.fill('Hangzhou delegation thank-you letter, 2018');
  await page.keyboard.press('Control+s');
  await expect(heading(page)).toHaveText('Hangzhou delegation thank-you letter, 2018');
  const id = Number(new URL(page.url()).hash.split('/').pop());
  expect((await api<{ title: string }>(host, 'getRecord', { id })).title).toBe(
    'Hangzhou delegation thank-you letter, 2018',
  );
});

test('Delete asks first: Escape keeps the record, confirming deletes it', async ({ page, host }) => {
  await openWithSample(page, host);
  await records(page)
    .filter({ hasText: MOU_TITLE })
    .filter({ hasText: /hangzhou/i })
    .click();
  await expect(heading(page)).toHaveText(MOU_TITLE);
  const id = Number(new URL(page.url()).hash.split('/').pop());

  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete this record?' });
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  expect((await api<{ id: number }>(host, 'getRecord', { id })).id).toBe(id);

  await records(page)
    .filter({ hasText: MOU_TITLE })
    .filter({ hasText: /hangzhou/i })
    .focus();
  await page.keyboard.press('Delete');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: /^Delete/ }).press('Enter');
  await expect(confirm).toBeHidden();
  await expect(
    records(page)
      .filter({ hasText: MOU_TITLE })
      .filter({ hasText: /hangzhou/i }),
  ).toHaveCount(0);
  await expect(api(host, 'getRecord', { id })).rejects.toThrow(/no record/i);

  // The keyboard's delete is the button's: undone with Ctrl+Z, redone with Ctrl+Shift+Z.
  await page.getByRole('heading', { name: 'All records' }).focus();
  await page.keyboard.press('Control+z');
  await expect(
    records(page)
      .filter({ hasText: MOU_TITLE })
      .filter({ hasText: /hangzhou/i }),
  ).toHaveCount(1);
  await page.getByRole('heading', { name: 'All records' }).focus();
  await page.keyboard.press('Control+Shift+z');
  await expect(
    records(page)
      .filter({ hasText: MOU_TITLE })
      .filter({ hasText: /hangzhou/i }),
  ).toHaveCount(0);
});

test('O opens the selected record’s file; a record without one says so', async ({ page, host }) => {
  await openWithSample(page, host);
  const first = records(page).first();
  await first.click();
  const id = Number(new URL(page.url()).hash.split('/').pop());
  await page.keyboard.press('o');
  await expect(page.getByRole('status').filter({ hasText: 'This record has no file to open.' })).toBeVisible();

  const upload = await page.request.post(`${host.baseUrl}/upload?name=note.txt&recordId=${id}`, {
    headers: { 'Content-Type': 'application/octet-stream' },
    data: Buffer.from('Notes on the 2018 delegation to Hangzhou.\n'),
  });
  expect(upload.ok()).toBe(true);
  await expect.poll(async () => (await api<unknown[]>(host, 'recordFiles', { recordId: id })).length).toBe(1);
  const [file] = await api<{ sha256: string }[]>(host, 'recordFiles', { recordId: id });

  await first.focus();
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('o');
  const opened = await popup;
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe(`/files/${file!.sha256}`);
  await expect(opened.locator('body')).toContainText('Notes on the 2018 delegation');
  await opened.close();
});

test('Ctrl+, opens the settings, also from a text field', async ({ page, host }) => {
  await openWithSample(page, host);
  await page.getByRole('searchbox', { name: 'Search the catalogue' }).focus();
  await page.keyboard.press('Control+Comma');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  // Focus starts inside and wraps at both ends.
  await expect(settings.getByLabel('Holding archive')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(settings.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(settings.getByLabel('Holding archive')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Search the catalogue' })).toBeFocused();
});

test('Alt+Down right after the search box is cleared (Escape or Backspace) reaches the list, even while it loads', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  const box = page.getByRole('searchbox', { name: 'Search the catalogue' });
  const grid = page.getByRole('grid', { name: 'Records' });
  const hits = page.getByRole('region', { name: 'Search results' }).getByRole('listitem').getByRole('link');
  // The list's first rows come a little late, as on a loaded machine: the key is pressed before them.
  await page.route('**/api/listRecords', async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.fulfill({ response });
  });

  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await page.keyboard.type('leeds');
  await expect(hits.first()).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(grid).toBeFocused();

  await page.keyboard.press('/');
  await page.keyboard.type('hangzhou');
  await expect(hits.first()).toBeVisible();
  for (let i = 0; i < 'hangzhou'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(grid).toBeFocused();

  // And into the hits as soon as they are there, typed and pressed at once.
  await page.keyboard.press('/');
  await page.keyboard.type('memorandum');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(hits.first()).toBeFocused();
});
