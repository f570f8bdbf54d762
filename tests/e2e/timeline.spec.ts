/**
 * The timeline (records per year for the library, a partnership, a search result; a year filters
 * the list) and the sidebar's collections, partnerships, tags and recent imports.
 */
import type { Page } from '@playwright/test';
import { api, expect, openWithSample, test, type HostInfo } from './fixtures';

const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Records' });
const bodyRows = (page: Page) => page.locator('.grid-body [role="row"]');

/** Seven records over three years (two undated), for counts that can be checked exactly. */
async function seed(host: HostInfo): Promise<void> {
  const add = (title: string, date?: string, tags: string[] = []) =>
    api(host, 'createRecord', { type: 'letter', title, ...(date ? { date } : {}), tags });
  await add('Twinning letter', '1988-05-12', ['twinning']);
  await add('Reply from Hangzhou', '1988-07');
  await add('Invitation to the delegation', '1988');
  await add('Exchange programme note', '1995-03-01', ['twinning']);
  await add('Thirtieth anniversary letter', '2018-09-14');
  await add('Undated note');
  await add('Another undated note');
}

test('the timeline shows records per year; choosing a year filters the list, and again shows all', async ({
  page,
  host,
}) => {
  await seed(host);
  await page.goto(host.url);
  const chart = timeline(page).getByRole('group', { name: 'Records per year in the library' });
  await expect(chart).toBeVisible();
  await expect(chart.getByRole('button')).toHaveCount(3);
  await expect(timeline(page)).toContainText('and 2 undated records');
  const y1988 = chart.getByRole('button', { name: '1988: 3 records' });
  await expect(chart.getByRole('button', { name: '1995: 1 record' })).toBeVisible();
  await expect(chart.getByRole('button', { name: '2018: 1 record' })).toBeVisible();

  await y1988.click();
  await expect(y1988).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('list', { name: 'Filters' })).toContainText('Year: 1988');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '4');
  await expect(bodyRows(page).locator('.col-date')).toHaveText([/^1988/, /^1988/, /^1988/]);
  // The chart keeps every year while the list shows one.
  await expect(chart.getByRole('button')).toHaveCount(3);

  // From the keyboard: one tab stop, arrows move between years, Enter chooses.
  await y1988.focus();
  await page.keyboard.press('ArrowRight');
  await expect(chart.getByRole('button', { name: '1995: 1 record' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '2');
  await expect(bodyRows(page).first()).toContainText('Exchange programme note');
  await page.keyboard.press('Enter');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '8');
});

test('a partnership chosen in the sidebar has its own timeline and list; a search result has its own', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  const partnerships = page.getByRole('navigation', { name: 'Partnerships' });
  const partnership = partnerships.getByRole('button').first();
  const name = (await partnership.locator('span').first().innerText()).split(',')[0]!.trim();
  const all = Number(await grid(page).getAttribute('aria-rowcount'));
  await partnership.click();
  await expect(partnership).toHaveAttribute('aria-pressed', 'true');
  const chart = timeline(page).getByRole('group', { name: `Records per year: ${name}` });
  await expect(chart).toBeVisible();
  await expect(page.getByRole('list', { name: 'Filters' })).toContainText(`Linked to ${name}`);
  const linked = Number(await grid(page).getAttribute('aria-rowcount'));
  expect(linked).toBeLessThanOrEqual(all);
  // The bars add up to the list (its dated records).
  const labels = await chart
    .getByRole('button')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const sum = labels.reduce((n, l) => n + Number(/: (\d+) record/.exec(l)?.[1] ?? 0), 0);
  expect(sum).toBeGreaterThan(0);
  expect(sum).toBeLessThanOrEqual(linked - 1);

  await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('Hangzhou');
  const searchChart = timeline(page).getByRole('group', { name: 'Records per year in the search results' });
  await expect(searchChart).toBeVisible();
  const bar = searchChart.getByRole('button').first();
  await bar.click();
  await expect(bar).toHaveAttribute('aria-pressed', 'true');
});

test('the sidebar filters by a collection with its sub-collections, by a tag and by a recent import', async ({
  page,
  host,
}) => {
  await seed(host);
  const fonds = await api<{ id: number }>(host, 'createCollection', { name: 'Partnership papers', level: 'fonds' });
  const series = await api<{ id: number }>(host, 'createCollection', {
    name: 'Letters',
    level: 'series',
    parentId: fonds.id,
  });
  await api(host, 'createRecord', { type: 'report', title: 'Annual report', date: '2001', collectionId: fonds.id });
  await api(host, 'createRecord', { type: 'letter', title: 'Filed letter', date: '2002', collectionId: series.id });
  await page.goto(host.url);
  const collections = page.getByRole('navigation', { name: 'Collections' });
  await collections.getByRole('button', { name: /^Partnership papers/ }).click();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '3');
  await expect(bodyRows(page).locator('.col-title a')).toHaveText(['Filed letter', 'Annual report']);
  // The branch folds away and opens again.
  const toggle = collections.getByRole('button', { name: 'Show the collections inside Partnership papers' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(collections.getByRole('button', { name: /^Letters/ })).toHaveCount(0);
  await toggle.click();
  await collections.getByRole('button', { name: /^Letters/ }).click();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '2');

  await page.getByRole('button', { name: 'Remove the filter “Collection: Letters”' }).click();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '10');
  await page
    .getByRole('navigation', { name: 'Tags' })
    .getByRole('button', { name: /^twinning/ })
    .click();
  await expect(bodyRows(page).locator('.col-title a')).toHaveText(['Exchange programme note', 'Twinning letter']);
  // Filters add up; choosing the tag again lets it go.
  await page
    .getByRole('navigation', { name: 'Tags' })
    .getByRole('button', { name: /^twinning/ })
    .click();
  await expect(page.getByRole('list', { name: 'Filters' })).toHaveCount(0);

  // A file dropped in through the upload route is an import; the sidebar lists it and filters by it.
  const upload = await fetch(`${host.baseUrl}/upload?name=minutes-1988.txt`, {
    method: 'POST',
    headers: { 'X-Archive-Token': host.token, 'Content-Type': 'application/octet-stream' },
    body: 'Minutes of the 1988 meeting',
  });
  expect(upload.ok).toBe(true);
  const imports = page.getByRole('navigation', { name: 'Recent imports' });
  await expect(imports.getByRole('button', { name: /minutes-1988\.txt/ })).toBeVisible({ timeout: 15_000 });
  await imports.getByRole('button', { name: /minutes-1988\.txt/ }).click();
  await expect(page.getByRole('list', { name: 'Filters' })).toContainText('Import: minutes-1988.txt');
  await expect(bodyRows(page).locator('.col-title a')).toHaveText(['minutes 1988'], { timeout: 15_000 });
});
