/** Search in Chromium through the browser host: as you type, query language, facets, saved searches, markup shown as text. */
import { libraryPaths } from '../../src/main/catalogue/library';
import { writeSnapshotFor } from '../../src/main/search/snapshot';
import { api, chooseTheme, expect, openSettings, openWithSample, test } from './fixtures';

test('typing letter by letter puts the expected record at the top', async ({ page, host }) => {
  await openWithSample(page, host);
  const search = page.getByRole('searchbox', { name: 'Search the catalogue' });
  await search.pressSequentially('memorandum of underst', { delay: 30 });
  const hits = page.getByRole('region', { name: 'Search results' }).getByRole('listitem');
  await expect(hits.first().getByRole('link')).toHaveText(/Memorandum of understanding between Leeds and Hangzhou/);
  // The matched words are marked inside the title.
  await expect(hits.first().locator('mark').first()).toHaveText(/Memorandum/i);
});

test('Chinese, field scopes and what the query was understood as', async ({ page, host }) => {
  await openWithSample(page, host);
  const search = page.getByRole('searchbox', { name: 'Search the catalogue' });
  const results = page.getByRole('region', { name: 'Search results' });
  await search.fill('杭州');
  await expect(
    results.getByRole('link', { name: /Memorandum of understanding between Leeds and Hangzhou/ }),
  ).toBeVisible();
  await search.fill('person:blake -qingdao "memorandum of');
  await expect(results.getByText(/Searched for a person matching “blake”, not “qingdao”/)).toBeVisible();
  await expect(results.getByText(/Note: added the missing closing quote/)).toBeVisible();
  await expect(results.getByText(/signatory/).first()).toBeVisible();
});

test('facets filter the result, and a saved search comes back with its filters', async ({ page, host }) => {
  await openWithSample(page, host);
  const search = page.getByRole('searchbox', { name: 'Search the catalogue' });
  const results = page.getByRole('region', { name: 'Search results' });
  await search.fill('Hangzhou');
  await expect(results.getByRole('status')).toHaveText(/\d+ records found/);
  const facets = page.getByRole('group', { name: 'Type' });
  await facets.getByRole('checkbox', { name: /Media coverage/ }).check();
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('link', { name: /Hangzhou TV/ })).toBeVisible();

  await results.getByRole('button', { name: 'Save search…' }).click();
  await page.getByLabel('Name').fill('Hangzhou on television');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = page.getByRole('navigation', { name: 'Saved searches' });
  await expect(saved.getByRole('button', { name: 'Hangzhou on television', exact: true })).toBeVisible();

  await search.fill('');
  await expect(page.getByRole('heading', { name: 'All records' })).toBeVisible();
  await saved.getByRole('button', { name: 'Hangzhou on television', exact: true }).click();
  await expect(search).toHaveValue('Hangzhou');
  await expect(results.getByRole('listitem')).toHaveCount(1);
});

test('a title with markup is shown as text in the results, and a near miss suggests the term', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  await api(host, 'createRecord', { type: 'report', title: 'Report <script>window.hacked=1</script> on twinning' });
  await page.reload();
  const search = page.getByRole('searchbox', { name: 'Search the catalogue' });
  const results = page.getByRole('region', { name: 'Search results' });
  await search.fill('twinning');
  await expect(
    results.getByRole('link', { name: /Report <script>window.hacked=1<\/script> on twinning/ }),
  ).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { hacked?: number }).hacked)).toBeUndefined();
  await search.fill('Hangzqqqu');
  await results.getByRole('button', { name: 'hangzhou' }).click();
  await expect(search).toHaveValue('hangzhou');
  await expect(results.getByRole('link', { name: /Memorandum of understanding/ })).toBeVisible();
});

test('the theme follows the choice in Settings and is remembered', async ({ page, host }) => {
  await openWithSample(page, host);
  const body = page.locator('body');
  const LIGHT = 'rgb(246, 245, 242)';
  const DARK = 'rgb(22, 25, 29)';
  await chooseTheme(page, 'light');
  await expect(body).toHaveCSS('background-color', LIGHT);
  await chooseTheme(page, 'dark');
  await expect(body).toHaveCSS('background-color', DARK);
  await page.reload();
  await expect(body).toHaveCSS('background-color', DARK);
  const settings = await openSettings(page);
  await expect(settings.getByLabel('Theme')).toHaveValue('dark');
  await settings.getByLabel('Theme').selectOption('light');
  await expect(body).toHaveCSS('background-color', LIGHT);
  // "System" follows the operating system, also when it switches while the app is open.
  await settings.getByLabel('Theme').selectOption('system');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(body).toHaveCSS('background-color', DARK);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(body).toHaveCSS('background-color', LIGHT);
});

test('a long result shows its first 50 hits and the rest on request', async ({ page, host }) => {
  for (let i = 1; i <= 70; i++) await api(host, 'createRecord', { type: 'letter', title: `Twinning letter ${i}` });
  // Each keystroke asks the text engine for as many hits as are shown, not more.
  const asked: number[] = [];
  await page.route('**/api/searchText', async (route) => {
    asked.push((route.request().postDataJSON() as { limit: number }).limit);
    await route.continue();
  });
  await page.goto(host.url);
  await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('twinning');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByText('70 records found')).toBeVisible();
  await expect(results.getByRole('listitem')).toHaveCount(50);
  expect(new Set(asked)).toEqual(new Set([50]));
  await results.getByRole('button', { name: 'Show 20 more results' }).click();
  await expect(results.getByRole('listitem')).toHaveCount(70);
  expect(asked.at(-1)).toBe(150);
  await expect(results.getByRole('button', { name: /more result/ })).toHaveCount(0);
  // A new query starts again from the first 50.
  await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('twinning letter');
  await expect(results.getByRole('listitem')).toHaveCount(50);
});

test("the window's index starts from the library's snapshot, read by the worker from the host", async ({
  page,
  host,
}) => {
  await api(host, 'loadSample', {});
  // What the host's snapshot keeper would write once the catalogue is quiet.
  const written = writeSnapshotFor(libraryPaths(host.libraryDir));
  // A record made after the snapshot: the change feed (or a newer snapshot) must bring it.
  await api(host, 'createRecord', { type: 'report', title: 'Zyxwvut twinning report written after the snapshot' });
  const snapshot = page.waitForResponse((r) => new URL(r.url()).pathname === '/search/snapshot');
  const feed = page.waitForRequest((r) => r.url().endsWith('/api/searchDocuments'));
  await page.goto(host.url);
  const served = await snapshot;
  expect(served.status()).toBe(200);
  // The host's keeper may have written a newer one meanwhile; it is never older than ours.
  const revision = Number(await served.headerValue('x-snapshot-revision'));
  expect(revision).toBeGreaterThanOrEqual(written.revision);
  // The feed asks only for what changed since the snapshot, so the index did come from it.
  expect((await feed).postDataJSON()).toEqual({ sinceRevision: revision });

  const search = page.getByRole('searchbox', { name: 'Search the catalogue' });
  const results = page.getByRole('region', { name: 'Search results' });
  await search.fill('Hangzou');
  await expect(
    results.getByRole('link', { name: /Memorandum of understanding between Leeds and Hangzhou/ }),
  ).toBeVisible();
  await search.fill('Zyxwvut');
  await expect(results.getByRole('link', { name: /written after the snapshot/ })).toBeVisible();
});

test('search hits sorted by creator come in the list’s creator order, in English and Chinese names, either way', async ({
  page,
  host,
}) => {
  const person = (name: string, nameParts?: { family: string; given: string }) =>
    api<{ id: number }>(host, 'createAuthority', { kind: 'person', name, ...(nameParts ? { nameParts } : {}) });
  const authors = [
    await person('Ada Pendleton', { family: 'Pendleton', given: 'Ada' }),
    await person('王芳'),
    await person('Judith Blake', { family: 'Blake', given: 'Judith' }),
    await person('张建庭'),
    null,
    await person('李明'),
  ];
  for (const [i, author] of authors.entries())
    await api(host, 'createRecord', {
      type: 'report',
      title: `Twinning report ${i + 1}`,
      date: `201${i}`,
      links: author ? [{ authorityId: author.id, role: 'author' }] : [],
    });
  // In the list, not in the search: the list's order has it, the hits do not.
  await api(host, 'createRecord', { type: 'report', title: 'Minutes', date: '2015' });
  await page.goto(host.url);

  const grid = page.getByRole('grid', { name: 'Records' });
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('group', { name: 'Columns shown' }).getByRole('checkbox', { name: 'Creator' }).check();
  await page.keyboard.press('Escape');
  const creator = grid.getByRole('columnheader', { name: 'Creator' });
  const listed = async (direction: 'ascending' | 'descending') => {
    await creator.getByRole('button').click();
    await expect(creator).toHaveAttribute('aria-sort', direction);
    await expect(page.locator('.grid-body [role="row"]')).toHaveCount(7);
    const titles = await page.locator('.grid-body [role="row"] .col-title').allTextContents();
    return titles.filter((title) => title.startsWith('Twinning'));
  };
  const listAsc = await listed('ascending');
  const listDesc = await listed('descending');
  expect(listAsc).toHaveLength(6);
  // Not the same order backwards: the record without a creator is last both ways.
  expect(listAsc.at(-1)).toBe('Twinning report 5');
  expect(listDesc.at(-1)).toBe('Twinning report 5');

  await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('twinning');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('status')).toHaveText(/6 records found/);
  const sort = results.getByLabel('Sort');
  const hitTitles = results.getByRole('listitem').getByRole('link');
  await sort.selectOption({ label: 'Creator, ascending' });
  await expect(hitTitles).toHaveText(listAsc);
  await sort.selectOption({ label: 'Creator, descending' });
  await expect(hitTitles).toHaveText(listDesc);
  await sort.selectOption({ label: 'Relevance' });
  await expect(hitTitles).toHaveCount(6);
});
