/** The library list (sorting, type filter) and search-as-you-type through the worker. */
import { expect, MOU_TITLE, openWithSample, test } from './fixtures';

test('the list sorts by column and filters by type', async ({ page, host }) => {
  await openWithSample(page, host);
  const table = page.getByRole('grid', { name: 'Records' });
  const titleHeader = table.getByRole('columnheader', { name: 'Title' });
  await expect(table.getByRole('columnheader', { name: 'Date' })).toHaveAttribute('aria-sort', 'descending');

  const titles = () => table.locator('.grid-body .col-title a').allTextContents();
  const byTitle = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));

  await titleHeader.getByRole('button').click();
  await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
  // The header changes at once, the rows when the service answers: wait for them.
  await expect
    .poll(async () => ((t) => t.length > 2 && t.join('|') === byTitle(t).join('|'))(await titles()))
    .toBe(true);

  await titleHeader.getByRole('button').click();
  await expect(titleHeader).toHaveAttribute('aria-sort', 'descending');

  await page
    .getByRole('navigation', { name: 'Record types' })
    .getByRole('button', { name: /^Agreement/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Agreement', exact: true })).toBeVisible();
  await expect
    .poll(async () => [...new Set(await table.locator('.grid-body .col-type').allTextContents())])
    .toEqual(['Agreement']);
});

test('search as you type finds the sample through a typo, and follows edits', async ({ page, host }) => {
  await openWithSample(page, host);
  const search = page.getByRole('searchbox', { name: 'Search the catalogue' });
  await search.pressSequentially('Hangzou', { delay: 40 });

  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('link', { name: MOU_TITLE }).first()).toBeVisible();
  await expect(results.getByText(/Matched in .*title/i).first()).toBeVisible();

  // Open a hit, retitle it with a word found nowhere else, and search for that word.
  await results.getByRole('link', { name: MOU_TITLE }).first().click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill(`${await title.inputValue()} Zeugma`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#record-heading')).toContainText('Zeugma');

  await search.fill('');
  await expect(page.getByRole('heading', { name: 'All records' })).toBeVisible();
  await search.pressSequentially('zeugm', { delay: 40 });
  await expect(results.getByRole('link', { name: /Zeugma/ })).toHaveCount(1);
});
