/** The end-to-end path: sample from the empty-library screen, open the MoU, retitle it, reload, see it. */
import { api, expect, fieldValue, MOU_TITLE, revisionOf, test } from './fixtures';

test('load the sample, edit the MoU title, and the list shows it after a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'This library is empty' })).toBeVisible();
  await page.getByRole('button', { name: 'Load the sample catalogue' }).click();

  const records = page.getByRole('grid', { name: 'Records' });
  const mou = records.getByRole('link', { name: MOU_TITLE }).filter({ hasText: /hangzhou/i });
  await expect(mou).toHaveCount(1);
  await mou.click();

  const heading = page.locator('#record-heading');
  await expect(heading).toHaveText(MOU_TITLE);
  await expect(page.getByRole('heading', { name: 'Commitments' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Judith Blake' })).toBeVisible();

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const title = page.getByLabel('Title', { exact: true });
  await expect(title).toHaveValue(MOU_TITLE);
  const newTitle = 'Leeds–Hangzhou memorandum of understanding, 2018 (retitled in test)';
  await title.fill(newTitle);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(heading).toHaveText(newTitle);

  await page.reload();
  await expect(page.getByRole('grid', { name: 'Records' }).getByRole('link', { name: newTitle })).toBeVisible();
  // The old title is gone, the change is in the record's history.
  await expect(
    page
      .getByRole('grid', { name: 'Records' })
      .getByRole('link', { name: 'Memorandum of understanding between Leeds and Hangzhou (2018)' }),
  ).toHaveCount(0);
  await page.getByText('History', { exact: true }).click();
  await expect(page.locator('.audit-list')).toContainText(newTitle);
});

test('an impossible date is refused beside the date field and nothing is saved', async ({ page, host }) => {
  await api(host, 'loadSample');
  await page.goto(host.url);
  await page
    .getByRole('grid', { name: 'Records' })
    .getByRole('link', { name: MOU_TITLE })
    .filter({ hasText: /hangzhou/i })
    .click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const before = await revisionOf(host);

  // An agreement's date is the date of the agreement (it also has a date signed).
  const date = page.getByLabel('Date of the agreement');
  await date.fill('2018-13-40');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/month 13 does not exist/);
  await expect(page.locator('#field-date-error')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /Not saved/ })).toBeVisible();
  expect(await revisionOf(host)).toBe(before);

  // What was typed is thrown away only once the archivist says so.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard changes' }).click();
  await expect(fieldValue(page, 'Date')).toHaveText('2018-09');
  expect(await revisionOf(host)).toBe(before);
});

test('create, a duplicate reference code refused by the service, then delete with confirmation', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create a record' }).click();
  await page.getByLabel('Type', { exact: true }).selectOption('media-coverage');
  await page.getByLabel('Title', { exact: true }).fill('Yorkshire Post report on the Hangzhou visit');
  // Media coverage calls its date what it is, and reads it as typed.
  await page.getByLabel('Broadcast or publication date').fill('Sept 2018');
  await expect(page.locator('#field-date-parsed')).toHaveText('Read as September 2018');
  await page.getByLabel('Reference code').fill('TEST/MEDIA/1');
  await page.getByLabel('Medium', { exact: true }).selectOption('newspaper');
  await page.getByLabel('Outlet').fill('Yorkshire Post');
  await page.getByLabel('Languages').fill('en');
  await page.getByRole('textbox', { name: 'Tags' }).fill('press, Hangzhou');
  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Yorkshire Post report on the Hangzhou visit');
  await expect(fieldValue(page, 'Medium')).toHaveText('Newspaper');
  await expect(fieldValue(page, 'Reference code')).toHaveText('TEST/MEDIA/1');

  // The second record reuses the reference code: only the service can know, and says so at the field.
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Title', { exact: true }).fill('A second record');
  const ref = page.getByLabel('Reference code');
  await ref.fill('TEST/MEDIA/1');
  const before = await revisionOf(host);
  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(ref).toHaveAccessibleDescription(/already used/);
  expect(await revisionOf(host)).toBe(before);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard changes' }).click();

  await page
    .getByRole('grid', { name: 'Records' })
    .getByRole('link', { name: 'Yorkshire Post report on the Hangzhou visit' })
    .click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this record?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete record' }).click();
  await expect(page.getByRole('heading', { name: 'This library is empty' })).toBeVisible();
  expect((await api<{ counts: { records: number } }>(host, 'libraryInfo')).counts.records).toBe(0);
});
