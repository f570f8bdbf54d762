/**
 * Archival arrangement in the workspace, by keyboard alone: a fonds and a series inside it are
 * created from the sidebar, two records are moved into the series with the batch edit, the
 * series' page shows its place, dates and extent, and undo takes the move and the series back.
 * axe stays at zero serious or critical findings on the tree, the dialogs and the page.
 */
import { audit } from '../support/axe';
import { api, expect, test, type HostInfo } from './fixtures';

interface Listed {
  total: number;
  items: { id: number; title: string }[];
}
interface Collection {
  id: number;
  name: string;
  level: string;
  parentId: number | null;
}

const inSeries = async (host: HostInfo, collectionId: number) =>
  (await api<Listed>(host, 'listRecords', { collectionId, limit: 10 })).total;
const collections = (host: HostInfo) => api<Collection[]>(host, 'listCollections', {});

test('create a fonds and a series, move two records in by keyboard, open the page, undo', async ({ page, host }) => {
  // A long walk through many dialogs, with an axe run at each stop, on a shared two-core machine.
  test.setTimeout(180_000);
  for (const [title, date] of [
    ['Invitation to Leeds', '1987-03-02'],
    ['Memorandum of understanding', '2018-09-14'],
    ['Annual report', '2020'],
  ] as const)
    await api(host, 'createRecord', { type: 'letter', title, date });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  const tree = page.getByRole('navigation', { name: 'Collections' });
  await expect(tree.getByText('No collections yet.')).toBeVisible();

  // A fonds, from the tree's own button.
  await tree.getByRole('button', { name: 'New collection…' }).press('Enter');
  let dialog = page.getByRole('dialog', { name: 'New collection' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Leeds–Hangzhou partnership');
  await expect(dialog.getByLabel('Level of description')).toHaveValue('fonds');
  // Name → level → place → reference code.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Reference code')).toBeFocused();
  await page.keyboard.type('LCC/IP');
  await audit(page, 'the new collection dialog', 'dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(tree.getByRole('status')).toHaveText('Created “Leeds–Hangzhou partnership”.');
  const fonds = (await collections(host)).find((c) => c.name === 'Leeds–Hangzhou partnership')!;
  expect(fonds).toMatchObject({ level: 'fonds', parentId: null });

  // A series inside it, from the fonds' menu: ↓ moves through the menu, Enter chooses.
  await tree.getByRole('button', { name: 'Actions for Leeds–Hangzhou partnership' }).press('Enter');
  const menu = tree.getByRole('menu', { name: 'Actions for Leeds–Hangzhou partnership' });
  await expect(menu.getByRole('menuitem', { name: 'Open its page' })).toBeFocused();
  await audit(page, 'the collection menu', 'nav[aria-labelledby="side-collections"]');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'New collection inside…' })).toBeFocused();
  await page.keyboard.press('Enter');
  dialog = page.getByRole('dialog', { name: 'New collection inside “Leeds–Hangzhou partnership”' });
  await expect(dialog.getByLabel('Level of description')).toHaveValue('series');
  await page.keyboard.type('Delegation visits');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const series = (await collections(host)).find((c) => c.name === 'Delegation visits')!;
  expect(series).toMatchObject({ level: 'series', parentId: fonds.id });
  await expect(tree.getByRole('button', { name: /^Delegation visits Series/ })).toBeVisible();

  // Two records, selected in the list by keyboard, moved into the series with the batch edit.
  const grid = page.getByRole('grid');
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: '2 selected' }).press('Enter');
  await page.getByRole('button', { name: 'Batch edit 2 records…' }).press('Enter');
  dialog = page.getByRole('dialog', { name: 'Batch edit 2 records' });
  await dialog.getByRole('radio', { name: 'Move to a collection' }).press('Space');
  const where = dialog.getByLabel('Collection', { exact: true });
  // The tree with its levels, the series indented under its fonds.
  await expect(where.locator('option')).toHaveText([
    'No collection',
    'Leeds–Hangzhou partnership (Fonds)',
    '\u00a0\u00a0Delegation visits (Series)',
  ]);
  await where.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(where).toHaveValue(String(series.id));
  await dialog.getByRole('button', { name: 'Preview the changes' }).press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('2 will change, 0 already so, 0 skipped.');
  await dialog.getByRole('button', { name: 'Apply to 2 records' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => inSeries(host, series.id)).toBe(2);
  await expect(tree.getByRole('button', { name: /^Delegation visits Series/ })).toContainText('2');

  // The series' page, from its menu: where it sits, its dates and extent from its records.
  await tree.getByRole('button', { name: 'Actions for Delegation visits' }).press('Enter');
  await expect(
    tree.getByRole('menu', { name: 'Actions for Delegation visits' }).getByRole('menuitem', { name: 'Open its page' }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  const pane = page.locator('.collection-page');
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText('Delegation visits');
  await expect(pane.locator('.record-kicker')).toHaveText('Series');
  await expect(pane.locator('.field').filter({ hasText: 'Within' })).toContainText('Leeds–Hangzhou partnership');
  const moved = await api<Listed>(host, 'listRecords', { collectionId: series.id, sort: 'date', direction: 'asc' });
  const titles = moved.items.map((r) => r.title);
  expect(titles).toHaveLength(2);
  await expect(pane.locator('.field').filter({ hasText: 'Extent' })).toContainText('2 records');
  await expect(pane.getByRole('heading', { name: 'Records (2)' })).toBeVisible();
  for (const title of titles) await expect(pane.getByRole('link', { name: title })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Cite…' })).toBeEnabled();
  await audit(page, 'a collection page');

  // Undo, by keyboard: first the move (the records leave the series), then the series itself.
  await pane.getByRole('heading', { level: 2 }).focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: the batch change to 2 records.' })).toBeVisible();
  await expect.poll(() => inSeries(host, series.id)).toBe(0);
  await expect(pane.getByText('No records are in this collection yet.')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(
    page.getByRole('status').filter({ hasText: 'Undone: the creation of collection “Delegation visits”.' }),
  ).toBeVisible();
  await expect.poll(async () => (await collections(host)).map((c) => c.name)).toEqual(['Leeds–Hangzhou partnership']);
  await expect(page.getByText('This collection no longer exists.')).toBeVisible();
  // Redone, it comes back with its id.
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect
    .poll(async () => (await collections(host)).find((c) => c.name === 'Delegation visits')?.id)
    .toBe(series.id);
});

test('move a collection with "Move to…" and by dragging, then delete it: its records move up, and undo puts them back', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  const fonds = await api<Collection>(host, 'createCollection', { name: 'Partnerships', level: 'fonds' });
  const other = await api<Collection>(host, 'createCollection', { name: 'Civic visits', level: 'fonds' });
  const series = await api<Collection>(host, 'createCollection', { name: 'Hangzhou', level: 'series' });
  for (const title of ['Letter one', 'Letter two'])
    await api(host, 'createRecord', { type: 'letter', title, collectionId: series.id });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  const tree = page.getByRole('navigation', { name: 'Collections' });

  // Move to…, by keyboard: the menu's item, then the new place (itself is not offered).
  await tree.getByRole('button', { name: 'Actions for Hangzhou' }).press('ArrowUp');
  const menu = tree.getByRole('menu', { name: 'Actions for Hangzhou' });
  await expect(menu.getByRole('menuitem', { name: 'Delete…' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Move to…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Move “Hangzhou” to…' });
  const place = dialog.getByLabel('New place');
  await expect(place.locator('option')).toHaveText([
    'At the top level',
    'Civic visits (Fonds)',
    'Partnerships (Fonds)',
  ]);
  await place.selectOption(String(fonds.id));
  await audit(page, 'the move dialog', 'dialog');
  await dialog.getByRole('button', { name: 'Move' }).press('Enter');
  await expect(tree.getByRole('status')).toHaveText('“Hangzhou” moved into “Partnerships”.');
  await expect.poll(async () => (await collections(host)).find((c) => c.id === series.id)?.parentId).toBe(fonds.id);

  // By mouse: dragged onto the other fonds. The tree's reload after it is held back a moment, as
  // on a busy machine, so the keys below reach the menu before the tree shows the move.
  await page.route(
    '**/api/listCollections',
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    },
    { times: 1 },
  );
  await tree
    .getByRole('button', { name: /^Hangzhou Series/ })
    .dragTo(tree.getByRole('button', { name: /^Civic visits Fonds/ }));
  await expect(tree.getByRole('status')).toHaveText('“Hangzhou” moved into “Civic visits”.');
  await expect.poll(async () => (await collections(host)).find((c) => c.id === series.id)?.parentId).toBe(other.id);

  // Deleting asks, and says where the records go; none is deleted. By keyboard right after the
  // drag: the tree reloads while the menu opens, and the collection that moved keeps its button
  // (the tree once remounted it under its new parent, and the menu and the focus went with it).
  await tree.getByRole('button', { name: 'Actions for Hangzhou' }).press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Delete…' })).toBeFocused();
  // Still open and focused once the tree has the new arrangement (the move shows in its order).
  await expect(tree.locator('ul.tree > li')).toHaveText([/Civic visits/, /Hangzhou/, /Partnerships/]);
  await expect(menu.getByRole('menuitem', { name: 'Delete…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: 'Delete “Hangzhou”?' });
  await expect(ask).toContainText(
    'No record is deleted. Its 2 records and its sub-collections (0) move up into “Civic visits”.',
  );
  await audit(page, 'the delete question', 'dialog');
  await ask.getByRole('button', { name: 'Delete the collection' }).press('Enter');
  await expect(tree.getByRole('status')).toHaveText('Deleted “Hangzhou”; no record was deleted.');
  await expect
    .poll(async () => (await collections(host)).map((c) => c.name).sort())
    .toEqual(['Civic visits', 'Partnerships']);
  expect((await api<Listed>(host, 'listRecords', { collectionId: other.id })).total).toBe(2);

  // Undone: the same collection, back inside its fonds, holding its two records again.
  await page.locator('body').press('ControlOrMeta+z');
  await expect.poll(async () => (await collections(host)).find((c) => c.id === series.id)?.parentId).toBe(other.id);
  expect((await api<Listed>(host, 'listRecords', { collectionId: series.id })).total).toBe(2);
});

test('records dragged from the list onto a collection are filed there, the selection together, and undo takes them out', async ({
  page,
  host,
}) => {
  test.slow(); // drags, an undo and an axe run on a shared two-core machine
  const series = await api<Collection>(host, 'createCollection', { name: 'Hangzhou', level: 'series' });
  for (const title of ['Letter one', 'Letter two', 'Letter three'])
    await api(host, 'createRecord', { type: 'letter', title });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  const tree = page.getByRole('navigation', { name: 'Collections' });
  const target = tree.getByRole('button', { name: /^Hangzhou Series/ });
  const grid = page.getByRole('grid', { name: 'Records' });
  const row = (title: string) => grid.getByRole('row').filter({ hasText: title });
  const filed = async () =>
    (await api<Listed>(host, 'listRecords', { collectionId: series.id, sort: 'title', direction: 'asc' })).items.map(
      (r) => r.title,
    );

  // A row not in the selection goes alone, and the selection is left as it was.
  await row('Letter one').locator('.col-date').click();
  await expect(row('Letter one')).toHaveAttribute('aria-selected', 'true');
  await row('Letter three').locator('.col-date').dragTo(target);
  await expect(tree.getByRole('status')).toHaveText('1 record moved into “Hangzhou”.');
  await expect.poll(filed).toEqual(['Letter three']);
  await expect(target).toContainText('1');

  // A row of the selection carries the whole selection.
  await row('Letter two')
    .locator('.col-date')
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByText('2 selected')).toBeVisible();
  await row('Letter two').locator('.col-date').dragTo(target);
  await expect(tree.getByRole('status')).toHaveText('2 records moved into “Hangzhou”.');
  await expect.poll(filed).toEqual(['Letter one', 'Letter three', 'Letter two']);
  await audit(page, 'the tree after records were dropped on it', 'nav[aria-labelledby="side-collections"]');

  // Undo takes back the last drop whole, then the first.
  await page.locator('body').press('ControlOrMeta+z');
  await expect.poll(filed).toEqual(['Letter three']);
  await page.locator('body').press('ControlOrMeta+z');
  await expect.poll(filed).toEqual([]);
});

test('the dialogs offer only the levels that fit: a file holds no series, and a series goes into no file', async ({
  page,
  host,
}) => {
  test.slow(); // three dialogs and an axe run on a shared two-core machine
  const series = await api<Collection>(host, 'createCollection', { name: 'Hangzhou', level: 'series' });
  await api<Collection>(host, 'createCollection', { name: 'Visit 2018', level: 'file', parentId: series.id });
  await api<Collection>(host, 'createCollection', { name: 'Loose', level: 'sub-series' });
  await page.goto(host.url);
  const tree = page.getByRole('navigation', { name: 'Collections' });

  await tree.getByRole('button', { name: 'Actions for Visit 2018' }).click();
  await tree.getByRole('menuitem', { name: 'New collection inside…' }).click();
  const create = page.getByRole('dialog', { name: 'New collection inside “Visit 2018”' });
  await expect(create.getByLabel('Level of description').locator('option')).toHaveText(['File', 'Item']);
  await create.getByRole('button', { name: 'Cancel' }).click();

  // The series may become anything from a fonds down to a file (it holds a file), no lower.
  await tree.getByRole('button', { name: 'Actions for Hangzhou' }).click();
  await tree.getByRole('menuitem', { name: 'Rename or describe…' }).click();
  const edit = page.getByRole('dialog', { name: 'Collection “Hangzhou”' });
  await expect(edit.getByLabel('Level of description').locator('option')).toHaveText([
    'Fonds',
    'Sub-fonds',
    'Series',
    'Sub-series',
    'File',
  ]);
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // Moving the sub-series: the series is offered, the file inside it is not.
  await tree.getByRole('button', { name: 'Actions for Loose' }).click();
  await tree.getByRole('menuitem', { name: 'Move to…' }).click();
  const move = page.getByRole('dialog', { name: 'Move “Loose” to…' });
  await expect(move.getByLabel('New place').locator('option')).toHaveText(['At the top level', 'Hangzhou (Series)']);
  await audit(page, 'the move dialog with levels left out', 'dialog');
});
