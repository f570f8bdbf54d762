/**
 * The record editor's pickers and dates: an agreement with two signatories (one found, one created
 * on the spot) and a place of signing created inline; dates typed as written, shown as read, saved
 * as partial ISO dates.
 */
import { api, expect, fieldValue, openWithSample, test } from './fixtures';

interface Authority {
  id: number;
  name: string;
  kind: string;
}
interface Record_ {
  id: number;
  date: string | null;
  dateSigned: string | null;
  placeSigned: string | null;
  links: { authorityId: number; name: string; kind: string; role: string; note: string | null }[];
}

test('create an agreement with two signatories and a new place created inline', async ({ page, host }) => {
  await openWithSample(page, host);
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Type', { exact: true }).selectOption('agreement');
  await page.getByLabel('Title', { exact: true }).fill('Agreement on library exchanges between Leeds and Hangzhou');
  await page.getByLabel('Kind of agreement').selectOption('agreement');

  // A signatory already in the catalogue, found by part of the name.
  const signatory = page.getByRole('combobox', { name: 'Add a signatory' });
  await signatory.fill('Blake');
  await expect(signatory).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('option', { name: /^Judith Blake/ }).click();
  // A second one created on the spot, chosen with the keyboard.
  await signatory.fill('Xu Liyi');
  const createPerson = page.getByRole('option', { name: 'Create “Xu Liyi” as a new person' });
  await expect(createPerson).toBeVisible();
  await signatory.press('ArrowDown');
  await expect(signatory).toHaveAttribute('aria-activedescendant', (await createPerson.getAttribute('id'))!);
  await signatory.press('Enter');
  const signatories = page.getByRole('group', { name: 'Signatories' });
  await expect(signatories.getByRole('listitem')).toHaveCount(2);
  await expect(signatories).toContainText('Judith Blake');
  await expect(signatories).toContainText('Xu Liyi');

  // The place of signing, new to the catalogue: created inline as a place record.
  const place = page.getByRole('combobox', { name: 'Place signed' });
  await place.fill('Hangzhou International Expo Centre');
  await page.getByRole('option', { name: 'Create “Hangzhou International Expo Centre” as a new place' }).click();
  await expect(place).toHaveValue('Hangzhou International Expo Centre');

  // The partnership it belongs to, from the picker every type has.
  await page.getByRole('combobox', { name: 'Add a partnership' }).fill('Hangzhou');
  await page.getByRole('option', { name: /^Leeds–Hangzhou sister-city partnership/ }).click();
  await expect(page.getByRole('group', { name: 'Partnerships' })).toContainText(
    'Leeds–Hangzhou sister-city partnership',
  );

  // Dates as written, with what they were read as beside them.
  await page.getByLabel('Date signed').fill('14 Sept 2018');
  await expect(page.locator('#field-dateSigned-parsed')).toHaveText('Read as 14 September 2018');
  const date = page.getByLabel('Date of the agreement');
  await date.fill('next Tuesday');
  await expect(page.locator('#field-date-parsed')).toContainText('cannot be read as a date');
  await date.fill('Sept 2018');
  await expect(page.locator('#field-date-parsed')).toHaveText('Read as September 2018');

  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Agreement on library exchanges between Leeds and Hangzhou');
  await expect(fieldValue(page, 'Date')).toHaveText('2018-09');
  await expect(fieldValue(page, 'Date signed')).toHaveText('2018-09-14');
  await expect(fieldValue(page, 'Place signed')).toHaveText('Hangzhou International Expo Centre');

  const id = Number(/#\/records\/(\d+)/.exec(page.url())![1]);
  const saved = await api<Record_>(host, 'getRecord', { id });
  expect(saved.date).toBe('2018-09');
  expect(saved.dateSigned).toBe('2018-09-14');
  expect(
    saved.links
      .filter((l) => l.role === 'signatory')
      .map((l) => l.name)
      .sort(),
  ).toEqual(['Judith Blake', 'Xu Liyi']);
  const places = await api<{ items: Authority[] }>(host, 'listAuthorities', { kind: 'place', query: 'Expo Centre' });
  expect(places.items.map((p) => p.name)).toEqual(['Hangzhou International Expo Centre']);
  expect(saved.links).toContainEqual(
    expect.objectContaining({ authorityId: places.items[0]!.id, kind: 'place', note: 'place signed' }),
  );
  expect(saved.links).toContainEqual(
    expect.objectContaining({ kind: 'partnership', role: 'subject', name: 'Leeds–Hangzhou sister-city partnership' }),
  );
  const xu = await api<{ items: Authority[] }>(host, 'listAuthorities', { kind: 'person', query: 'Xu Liyi' });
  expect(xu.items).toHaveLength(1);
});

test('an unreadable date is refused beside the field and nothing is saved', async ({ page, host }) => {
  await openWithSample(page, host);
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Type', { exact: true }).selectOption('report');
  await page.getByLabel('Title', { exact: true }).fill('Annual report');
  const date = page.getByLabel('Date', { exact: true });
  await date.fill('31 Sept 2018');
  await expect(page.locator('#field-date-parsed')).toContainText('day 31 does not exist in September 2018');
  const before = (await api<{ revision: number }>(host, 'libraryInfo')).revision;
  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-date-error')).toContainText('day 31 does not exist');
  expect((await api<{ revision: number }>(host, 'libraryInfo')).revision).toBe(before);
  // Day first, as the office writes it; "c." makes it approximate.
  await date.fill('c. 30/09/2018');
  await expect(page.locator('#field-date-parsed')).toHaveText('Read as circa 30 September 2018');
  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(fieldValue(page, 'Date')).toHaveText('c. 2018-09-30');
});
