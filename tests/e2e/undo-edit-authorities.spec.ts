/**
 * Undoing an edit whose save created a new person takes that person away again (nothing else
 * refers to them), and redoing it brings the same person back under the same id.
 */
import { api, expect, test, type HostInfo } from './fixtures';

interface Authorities {
  total: number;
  items: { id: number; name: string }[];
}

const people = async (host: HostInfo, name: string) =>
  (await api<Authorities>(host, 'listAuthorities', { query: name, kind: 'person' })).items.map((a) => a.id);

test('an edit that created a person: undo removes the person, redo brings them back with their id', async ({
  page,
  host,
}) => {
  const letter = await api<{ id: number }>(host, 'createRecord', { type: 'letter', title: 'Letter to the mayor' });
  await page.goto(`${host.url}#/records/${letter.id}`);
  await expect(page.locator('#record-heading')).toHaveText('Letter to the mayor');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('combobox', { name: 'Add an author' }).fill('Ada Pendleton');
  await page.getByRole('option', { name: 'Create “Ada Pendleton” as a new person' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  const [ada] = await people(host, 'Ada Pendleton');
  expect(ada, 'created by the save').toBeDefined();

  await page.getByRole('button', { name: 'Undo the edit of “Letter to the mayor”' }).click();
  await expect.poll(() => people(host, 'Ada Pendleton')).toEqual([]);
  const undone = await api<{ links: unknown[] }>(host, 'getRecord', { id: letter.id });
  expect(undone.links).toEqual([]);

  await page.getByRole('button', { name: 'Redo the edit of “Letter to the mayor”' }).click();
  await expect.poll(() => people(host, 'Ada Pendleton')).toEqual([ada]);
  const redone = await api<{ links: { authorityId: number; role: string }[] }>(host, 'getRecord', { id: letter.id });
  expect(redone.links.map((l) => [l.authorityId, l.role])).toEqual([[ada, 'author']]);
});
