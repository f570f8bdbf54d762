/**
 * Authority pages: reached from the sidebar and from a record's links, listing every linked
 * record; edited (and the edit undone); two records of the same person merged, links moved over,
 * and the merge undone.
 */
import { api, expect, openWithSample, test } from './fixtures';

interface Authority {
  id: number;
  name: string;
  altNames: { name: string }[];
  recordCount: number;
}

test('merge two people: the duplicate’s links move over and its name stays as another name', async ({ page, host }) => {
  await openWithSample(page, host);
  const blake = (await api<{ items: Authority[] }>(host, 'listAuthorities', { kind: 'person', query: 'Judith Blake' }))
    .items[0]!;
  const dup = await api<Authority>(host, 'createAuthority', { kind: 'person', name: 'Cllr J. Blake' });
  const letter = await api<{ id: number }>(host, 'createRecord', {
    type: 'letter',
    title: 'Letter from Cllr J. Blake to the Mayor of Hangzhou',
    links: [{ authorityId: dup.id, role: 'author' }],
  });
  await page.reload();

  // From the sidebar: People, then her page.
  await page
    .getByRole('navigation', { name: 'People, places and more' })
    .getByRole('link', { name: /^People/ })
    .click();
  await page.getByLabel('Filter by name').fill('Blake');
  await page.getByRole('link', { name: 'Judith Blake' }).click();
  await expect(page.locator('#authority-heading')).toHaveText('Judith Blake');
  const records = page.getByRole('region', { name: /linked records?$/ });
  await expect(records.getByRole('listitem')).toHaveCount(blake.recordCount);

  await page.getByRole('button', { name: 'Merge a duplicate into this…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge a duplicate into Judith Blake' });
  const find = dialog.getByRole('combobox', { name: 'The duplicate person' });
  await find.fill('J. Blake');
  // Only other people are offered: not Judith Blake herself, and nothing can be created here.
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await dialog.getByRole('option', { name: /^Cllr J\. Blake/ }).click();
  await expect(dialog.getByRole('radio', { name: /“Judith Blake”/ })).toBeChecked();
  await expect(dialog).toContainText('1 record linked to “Cllr J. Blake” will be linked to this one instead');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Merged: 1 link moved to Judith Blake.' })).toBeVisible();

  await expect(records.getByRole('listitem')).toHaveCount(blake.recordCount + 1);
  await expect(records.getByRole('link', { name: 'Letter from Cllr J. Blake to the Mayor of Hangzhou' })).toBeVisible();
  const after = await api<Authority>(host, 'getAuthority', { id: blake.id });
  expect(after.altNames.map((n) => n.name)).toContain('Cllr J. Blake');
  const moved = await api<{ links: { authorityId: number; role: string }[] }>(host, 'getRecord', { id: letter.id });
  expect(moved.links).toEqual([expect.objectContaining({ authorityId: blake.id, role: 'author' })]);
  await expect(api(host, 'getAuthority', { id: dup.id })).rejects.toThrow(/no authority record/);

  // One undo puts the duplicate back, with its id and its link.
  await page.getByRole('button', { name: 'Undo the merge of “Cllr J. Blake” into “Judith Blake”' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Undone: the merge of “Cllr J. Blake” into “Judith Blake”.' }),
  ).toBeVisible();
  await expect(records.getByRole('listitem')).toHaveCount(blake.recordCount);
  expect((await api<Authority>(host, 'getAuthority', { id: dup.id })).name).toBe('Cllr J. Blake');
  expect(
    (await api<{ links: { authorityId: number }[] }>(host, 'getRecord', { id: letter.id })).links.map(
      (l) => l.authorityId,
    ),
  ).toEqual([dup.id]);
  expect((await api<Authority>(host, 'getAuthority', { id: blake.id })).altNames.map((n) => n.name)).not.toContain(
    'Cllr J. Blake',
  );
});

test('from a record’s link to its page, edit it, and undo the edit', async ({ page, host }) => {
  await openWithSample(page, host);
  await page
    .getByRole('grid')
    .getByRole('link', { name: /memorandum of understanding/i })
    .filter({ hasText: /hangzhou/i })
    .click();
  await page.getByRole('region', { name: 'Linked to' }).getByRole('link', { name: 'Judith Blake' }).click();
  await expect(page.locator('#authority-heading')).toHaveText('Judith Blake');

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Other names').fill('朱迪思·布莱克 | zh-Hans');
  await page.getByLabel('Description').fill('Described anew in the authority test.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('dl.fields')).toContainText('朱迪思·布莱克');
  await expect(page.locator('dl.fields')).toContainText('Described anew in the authority test.');

  await page.getByRole('button', { name: 'Undo the edit of Judith Blake' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone: the edit of Judith Blake.' })).toBeVisible();
  await expect(page.locator('dl.fields')).not.toContainText('Described anew');
  await expect(page.locator('dl.fields')).toContainText('Leader of Leeds City Council');
  await expect(page.locator('dl.fields')).not.toContainText('朱迪思·布莱克');
});
