/**
 * The workspace's list with a library too big for one page: scrolling (only the rows in view
 * exist), sorting, the column chooser (remembered), multi-selection by mouse and keyboard, and
 * the panes resized from the keyboard (remembered).
 */
import type { Page } from '@playwright/test';
import { audit } from '../support/axe';
import { api, expect, openSettings, test, type HostInfo } from './fixtures';

const N = 2_000;
const TYPES = ['Letter', 'Report', 'Photograph', 'Press release'];

/** N records in one CSV import: R0001…R2000, one a week from 1988 on, the types in turn. */
async function loadMany(host: HostInfo): Promise<void> {
  const rows = ['Title,Date,Type,Ref'];
  for (let i = 1; i <= N; i++) {
    const day = new Date(Date.UTC(1988, 0, 4) + (i - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
    rows.push(`Record ${String(i).padStart(4, '0')},${day},${TYPES[i % TYPES.length]},R${String(i).padStart(4, '0')}`);
  }
  const report = await api<{ imported: number }>(host, 'importMetadata', { content: rows.join('\n'), format: 'csv' });
  expect(report.imported).toBe(N);
}

async function open(page: Page, host: HostInfo) {
  await loadMany(host);
  await page.goto(host.url);
  const grid = page.getByRole('grid', { name: 'Records' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(N + 1));
  return grid;
}

const bodyRows = (page: Page) => page.locator('.grid-body [role="row"]');

test('a long list scrolls with only the rows in view in the page, and sorts by each column', async ({ page, host }) => {
  const grid = await open(page, host);
  // Newest first: the last record written is on top.
  await expect(bodyRows(page).first()).toContainText('Record 2000');
  expect(await bodyRows(page).count()).toBeLessThan(80);

  // Scroll to the very end: the oldest record arrives, and still only a window of rows exists.
  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = grid.locator(`[role="row"][aria-rowindex="${N + 1}"]`);
  await expect(last).toContainText('Record 0001');
  expect(await bodyRows(page).count()).toBeLessThan(80);
  // Halfway: rows from the middle of the list (a window fetched on its own).
  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect(grid.locator('[role="row"][aria-rowindex="1001"]')).toContainText(/Record \d{4}/);

  const header = (name: string) => grid.getByRole('columnheader', { name });
  await header('Reference').getByRole('button').click();
  await expect(header('Reference')).toHaveAttribute('aria-sort', 'ascending');
  await expect(bodyRows(page).first()).toContainText('R0001');
  await header('Reference').getByRole('button').click();
  await expect(header('Reference')).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows(page).first()).toContainText('R2000');

  await header('Title').getByRole('button').click();
  await expect(header('Title')).toHaveAttribute('aria-sort', 'ascending');
  await expect(bodyRows(page).first()).toContainText('Record 0001');

  await header('Type').getByRole('button').click();
  await expect(header('Type')).toHaveAttribute('aria-sort', 'ascending');
  await expect(bodyRows(page).first().locator('.col-type')).toHaveText('Letter');

  await header('Date').getByRole('button').click();
  await expect(header('Date')).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows(page).first()).toContainText('Record 2000');
});

test('the column chooser shows and hides columns, and the choice survives a reload', async ({ page, host }) => {
  const grid = await open(page, host);
  await expect(grid.getByRole('columnheader', { name: 'Updated' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('group', { name: 'Columns shown' });
  await chooser.getByRole('checkbox', { name: 'Updated' }).check();
  await chooser.getByRole('checkbox', { name: 'Type' }).uncheck();
  await expect(chooser.getByRole('checkbox', { name: 'Title' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
  await expect(grid.getByRole('columnheader', { name: 'Updated' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Type' })).toHaveCount(0);

  // Sorting by the new column: the records were all written at once, so ties fall back to id.
  await grid.getByRole('columnheader', { name: 'Updated' }).getByRole('button').click();
  await expect(grid.getByRole('columnheader', { name: 'Updated' })).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows(page).first()).toContainText('Record 2000');

  await page.reload();
  await expect(grid.getByRole('columnheader', { name: 'Updated' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Type' })).toHaveCount(0);
});

test("the creator, collection and tags columns show each row's own, in full on hover", async ({ page, host }) => {
  const council = await api<{ id: number }>(host, 'createAuthority', {
    kind: 'organisation',
    name: 'Leeds City Council',
  });
  const mayor = await api<{ id: number }>(host, 'createAuthority', { kind: 'person', name: 'Judith Blake' });
  const series = await api<{ id: number }>(host, 'createCollection', { name: 'Hangzhou twinning', level: 'series' });
  await api(host, 'createRecord', {
    type: 'agreement',
    title: 'Memorandum of understanding',
    date: '2018-09-14',
    collectionId: series.id,
    tags: ['twinning', 'anniversary'],
    links: [
      { authorityId: council.id, role: 'party' },
      { authorityId: mayor.id, role: 'signatory' },
    ],
  });
  await api(host, 'createRecord', { type: 'other', title: 'Loose note', date: '2017' });
  await page.goto(host.url);
  const grid = page.getByRole('grid', { name: 'Records' });
  await expect(grid).toHaveAttribute('aria-rowcount', '3');

  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('group', { name: 'Columns shown' });
  for (const name of ['Creator', 'Collection', 'Tags']) await chooser.getByRole('checkbox', { name }).check();
  await page.keyboard.press('Escape');
  for (const name of ['Creator', 'Collection', 'Tags'])
    await expect(grid.getByRole('columnheader', { name })).toBeVisible();

  const first = bodyRows(page).first();
  await expect(first.locator('.col-creators')).toHaveText('Leeds City Council; Judith Blake');
  await expect(first.locator('.col-creators')).toHaveAttribute('title', 'Leeds City Council; Judith Blake');
  await expect(first.locator('.col-collection')).toHaveText('Hangzhou twinning');
  await expect(first.locator('.col-tags')).toHaveText('anniversary; twinning');
  const second = bodyRows(page).nth(1);
  await expect(second.locator('.col-creators')).toHaveText('');
  await expect(second.locator('.col-collection')).toHaveText('');
  await audit(page, 'the list with every column', '.list-pane');

  // Filed elsewhere: the row follows the catalogue's next revision.
  const other = await api<{ id: number }>(host, 'createCollection', { name: 'Press cuttings', level: 'series' });
  const [row] = (await api<{ items: { id: number }[] }>(host, 'listRecords', { limit: 1 })).items;
  await api(host, 'updateRecord', { id: row!.id, patch: { collectionId: other.id } });
  await expect(first.locator('.col-collection')).toHaveText('Press cuttings');
});

test('the creator column sorts from the keyboard, in the service, records without a creator last both ways', async ({
  page,
  host,
}) => {
  const council = await api<{ id: number }>(host, 'createAuthority', {
    kind: 'organisation',
    name: 'Leeds City Council',
  });
  const amnesty = await api<{ id: number }>(host, 'createAuthority', {
    kind: 'organisation',
    name: 'amnesty International',
  });
  await api(host, 'createRecord', { type: 'other', title: 'Nobody made this', date: '2020' });
  await api(host, 'createRecord', {
    type: 'report',
    title: 'Council report',
    date: '2017',
    links: [{ authorityId: council.id, role: 'author' }],
  });
  await api(host, 'createRecord', {
    type: 'report',
    title: 'Amnesty report',
    date: '2016',
    links: [{ authorityId: amnesty.id, role: 'author' }],
  });
  await page.goto(host.url);
  const grid = page.getByRole('grid', { name: 'Records' });
  await expect(grid).toHaveAttribute('aria-rowcount', '4');
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('group', { name: 'Columns shown' }).getByRole('checkbox', { name: 'Creator' }).check();
  await page.keyboard.press('Escape');

  const creator = grid.getByRole('columnheader', { name: 'Creator' });
  const titles = () => bodyRows(page).locator('.col-title');
  await expect(creator).toHaveAttribute('aria-sort', 'none');
  await creator.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(creator).toHaveAttribute('aria-sort', 'ascending');
  await expect(titles()).toHaveText(['Amnesty report', 'Council report', 'Nobody made this']);
  await page.keyboard.press('Space');
  await expect(creator).toHaveAttribute('aria-sort', 'descending');
  await expect(titles()).toHaveText(['Council report', 'Amnesty report', 'Nobody made this']);
});

test('the compact density in Settings makes rows shorter, the virtual list places them so, and it is remembered', async ({
  page,
  host,
}) => {
  test.slow(); // a 2,000-record import, Settings twice and a reload, on a shared two-core machine
  const grid = await open(page, host);
  const row = (n: number) => grid.locator(`[role="row"][aria-rowindex="${n + 1}"]`);
  const top = async (n: number) => (await row(n).boundingBox())!.y;
  await expect(row(1)).toHaveCSS('height', '36px');
  expect((await top(2)) - (await top(1))).toBe(36);
  const shownBefore = await bodyRows(page).count();

  const dialog = await openSettings(page);
  await dialog.getByLabel('List rows').selectOption('compact');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(row(1)).toHaveCSS('height', '28px');
  // The rows are placed 28 px apart, not drawn shorter in 36 px slots, and more of them fit.
  await expect.poll(async () => (await top(2)) - (await top(1))).toBe(28);
  expect((await top(20)) - (await top(1))).toBe(19 * 28);
  expect(await bodyRows(page).count()).toBeGreaterThan(shownBefore);
  // The end of the list is still reachable: the scroll height follows the shorter rows.
  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(row(N)).toContainText('Record 0001');
  await expect(row(N)).toBeInViewport();

  await page.reload();
  await expect(row(N - 20).or(row(1))).toHaveCSS('height', '28px');
  const again = await openSettings(page);
  await expect(again.getByLabel('List rows')).toHaveValue('compact');
});

test('selecting: click, Shift-click for a range, Ctrl-click to toggle, the keyboard, and Ctrl+A for every matching record', async ({
  page,
  host,
}) => {
  const grid = await open(page, host);
  const status = page
    .getByRole('status')
    .filter({ hasText: /selected|^$/ })
    .first();
  const row = (n: number) => grid.locator(`[role="row"][aria-rowindex="${n + 1}"]`);

  await row(2).locator('.col-ref').click();
  await expect(row(2)).toHaveAttribute('aria-selected', 'true');
  // A plain click also opens the record.
  await expect(page.locator('#record-heading')).toHaveText('Record 1999');
  await row(6)
    .locator('.col-ref')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByText('5 selected')).toBeVisible();
  for (const n of [2, 3, 4, 5, 6]) await expect(row(n)).toHaveAttribute('aria-selected', 'true');
  await expect(row(7)).toHaveAttribute('aria-selected', 'false');

  await row(4)
    .locator('.col-ref')
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(row(4)).toHaveAttribute('aria-selected', 'false');
  await expect(page.getByText('4 selected')).toBeVisible();
  // The checkbox toggles too.
  await row(10).getByRole('checkbox').click();
  await expect(page.getByText('5 selected')).toBeVisible();

  // Keyboard: Down moves the selection, Shift+Down extends it, Enter opens, Home/End jump.
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText('1 selected')).toBeVisible();
  await expect(row(11)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByText('3 selected')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(row(1)).toHaveAttribute('aria-selected', 'true');
  await expect(grid).toHaveAttribute('aria-activedescendant', 'record-row-0');
  // Rows that are not next to each other: Ctrl+Down moves only the focus ring, Space ticks.
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await expect(grid).toHaveAttribute('aria-activedescendant', 'record-row-2');
  await expect(row(3)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Space');
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.getByText('3 selected')).toBeVisible();
  for (const [n, ticked] of [
    [1, true],
    [2, false],
    [3, true],
    [4, false],
    [5, true],
  ] as const)
    await expect(row(n)).toHaveAttribute('aria-selected', String(ticked));
  await page.keyboard.press('Home');
  await expect(page.getByText('1 selected')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#record-heading')).toHaveText('Record 2000');
  await grid.focus();
  await page.keyboard.press('End');
  await expect(row(N)).toHaveAttribute('aria-selected', 'true');
  await expect(row(N)).toContainText('Record 0001');

  // Ctrl+A: every record matching the list (not just the rows in view).
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByText('2,000 selected')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText(/\d selected/)).toHaveCount(0);
  void status;
});

test('the panes resize from the keyboard and keep their widths after a reload', async ({ page, host }) => {
  await open(page, host);
  const list = page.getByRole('separator', { name: 'Resize the list' });
  const sidebar = page.getByRole('separator', { name: 'Resize the sidebar' });
  await list.focus();
  await page.keyboard.press('Home');
  await expect(list).toHaveAttribute('aria-valuenow', '320');
  const narrow = await page.getByRole('grid', { name: 'Records' }).boundingBox();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(list).toHaveAttribute('aria-valuenow', String(320 + 16 + 16 + 64));
  const wider = await page.getByRole('grid', { name: 'Records' }).boundingBox();
  expect(Math.round(wider!.width - narrow!.width)).toBe(96);

  await sidebar.focus();
  await page.keyboard.press('Home');
  await expect(sidebar).toHaveAttribute('aria-valuemin', '160');
  await expect(sidebar).toHaveAttribute('aria-valuenow', '160');

  await page.reload();
  await expect(list).toHaveAttribute('aria-valuenow', '416');
  await expect(sidebar).toHaveAttribute('aria-valuenow', '160');
});

test('a record holding an image shows its thumbnail in the list; one without shows none', async ({ page, host }) => {
  const sharp = (await import('sharp')).default;
  const png = await sharp({ create: { width: 120, height: 80, channels: 3, background: { r: 31, g: 95, b: 139 } } })
    .png()
    .toBuffer();
  const upload = await fetch(`${host.baseUrl}/upload?name=delegation.png`, {
    method: 'POST',
    headers: { 'X-Archive-Token': host.token, 'Content-Type': 'application/octet-stream' },
    body: png,
  });
  expect(upload.ok).toBe(true);
  // The upload's record is made by a background import job (not necessarily record 1: the letter
  // below may be written first), and its thumbnail by the extraction after it: wait for both.
  const importedRecord = async () => {
    const { jobs } = await api<{ jobs: { kind: string; status: string; result: { recordId?: number } | null }[] }>(
      host,
      'listJobs',
      {},
    );
    return jobs.find((j) => j.kind === 'import' && j.status === 'done')?.result?.recordId ?? null;
  };
  await api(host, 'createRecord', { type: 'letter', title: 'A letter without files' });
  await expect.poll(importedRecord, { timeout: 20_000 }).not.toBeNull();
  const recordId = (await importedRecord())!;
  await expect
    .poll(
      async () =>
        (await api<{ id: number; thumbnailSha256: string | null }[]>(host, 'recordFiles', { recordId }))[0]
          ?.thumbnailSha256 ?? null,
      {
        timeout: 20_000,
      },
    )
    .toMatch(/^[0-9a-f]{64}$/);
  await page.goto(host.url);
  const grid = page.getByRole('grid', { name: 'Records' });
  const photo = grid.getByRole('row').filter({ hasText: 'delegation' });
  const img = photo.locator('.col-thumb img');
  await expect(img).toHaveAttribute('src', /\/files\/[0-9a-f]{64}$/);
  // It really loads (the host serves the thumbnail by its hash).
  await expect
    .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);
  await expect(
    grid.getByRole('row').filter({ hasText: 'A letter without files' }).locator('.col-thumb img'),
  ).toHaveCount(0);
});
