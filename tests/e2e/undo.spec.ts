/**
 * Undo and redo in the workspace: a batch tag on ten records is undone with one undo (and redone),
 * a deleted record comes back with the same id and its links and tags, and an undo is refused
 * when someone else changed the record since.
 */
import { api, expect, openWithSample, test, type HostInfo } from './fixtures';

interface Listed {
  total: number;
  items: { id: number; title: string }[];
}
interface Record_ {
  id: number;
  title: string;
  revision: number;
  tags: string[];
  links: { authorityId: number; role: string }[];
}

const tagged = async (host: HostInfo, tag: string) =>
  (await api<Listed>(host, 'listRecords', { tag, limit: 100 })).total;

test('batch-tag ten records, see the preview, then undo all of it at once and redo it', async ({ page, host }) => {
  for (let i = 1; i <= 12; i++)
    await api(host, 'createRecord', {
      type: 'letter',
      title: `Letter ${String(i).padStart(2, '0')}`,
      date: `2019-01-${String(i).padStart(2, '0')}`,
    });
  await page.goto(host.url);
  const grid = page.getByRole('grid');
  const row = (n: number) => grid.locator(`[role="row"][aria-rowindex="${n + 1}"]`);
  await row(1).locator('.col-type').click();
  await row(10)
    .locator('.col-type')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByText('10 selected')).toBeVisible();

  await page.getByRole('button', { name: '10 selected' }).click();
  await page.getByRole('button', { name: 'Batch edit 10 records…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Batch edit 10 records' });
  await expect(dialog.getByRole('radio', { name: 'Add a tag' })).toBeChecked();
  await dialog.getByLabel('Tag', { exact: true }).fill('twinning');
  await dialog.getByRole('button', { name: 'Preview the changes' }).click();
  await expect(dialog.getByRole('status')).toHaveText('10 will change, 0 already so, 0 skipped.');
  const preview = dialog.getByRole('region', { name: 'What will change' });
  await expect(preview.getByRole('row')).toHaveCount(11);
  await expect(preview.getByRole('row').filter({ hasText: 'Letter 12' })).toContainText('Tags: + twinning');
  // Nothing is written by the preview.
  expect(await tagged(host, 'twinning')).toBe(0);

  await dialog.getByRole('button', { name: 'Apply to 10 records' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Changed 10 records.' })).toBeVisible();
  expect(await tagged(host, 'twinning')).toBe(10);

  // One undo takes all ten back; there is nothing left to undo.
  const undo = page.getByRole('button', { name: /^Undo the batch change to 10 records$/ });
  await expect(undo).toBeEnabled();
  await page.locator('body').press('ControlOrMeta+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: the batch change to 10 records.' })).toBeVisible();
  await expect.poll(() => tagged(host, 'twinning')).toBe(0);
  // What the batch said goes with it: nothing says "Changed 10 records" once they are changed back.
  await expect(page.getByRole('status').filter({ hasText: 'Changed 10 records.' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Nothing to undo' })).toBeDisabled();

  await page.getByRole('button', { name: 'Redo the batch change to 10 records' }).click();
  await expect.poll(() => tagged(host, 'twinning')).toBe(10);
  // Someone edits one of them meanwhile: the undo refuses, says why, and leaves all ten as they are.
  const letters = await api<Listed>(host, 'listRecords', { tag: 'twinning', limit: 100 });
  const someone = letters.items[3]!;
  await api(host, 'updateRecord', { id: someone.id, patch: { title: `${someone.title} (edited elsewhere)` } });
  await page.getByRole('button', { name: 'Undo the batch change to 10 records' }).click();
  await expect(
    page.getByRole('alert').filter({
      hasText:
        /Could not undo or redo the batch change to 10 records: nothing was changed: record #\d+ .*changed elsewhere/,
    }),
  ).toBeVisible();
  expect(await tagged(host, 'twinning')).toBe(10);
});

test('undo a delete: the record comes back with the same id, its links and tags', async ({ page, host }) => {
  await openWithSample(page, host);
  const mou = (await api<Listed>(host, 'listRecords', { type: 'agreement', limit: 100 })).items.find((r) =>
    /memorandum of understanding/i.test(r.title),
  )!;
  const before = await api<Record_>(host, 'getRecord', { id: mou.id });
  expect(before.links.length).toBeGreaterThan(0);
  await page.goto(`${host.baseUrl}/#/records/${mou.id}`);
  await expect(page.locator('#record-heading')).toHaveText(before.title);

  await page.getByRole('button', { name: 'Delete…' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this record?' })
    .getByRole('button', { name: 'Delete record' })
    .click();
  await expect(page.locator('#record-heading')).toHaveCount(0);
  expect((await api<Listed>(host, 'listRecords', { ids: [mou.id] })).total).toBe(0);

  await page.getByRole('button', { name: `Undo the deletion of “${before.title}”` }).click();
  await expect(page.locator('#record-heading')).toHaveText(before.title);
  expect(page.url()).toContain(`#/records/${mou.id}`);
  const back = await api<Record_>(host, 'getRecord', { id: mou.id });
  expect(back.id).toBe(mou.id);
  expect(back.tags).toEqual(before.tags);
  expect(back.links.map((l) => [l.authorityId, l.role])).toEqual(before.links.map((l) => [l.authorityId, l.role]));

  // Redo deletes it again; undo once more brings it back again, still the same id.
  await page.locator('body').press('ControlOrMeta+Shift+z');
  await expect.poll(async () => (await api<Listed>(host, 'listRecords', { ids: [mou.id] })).total).toBe(0);
  await page.locator('body').press('ControlOrMeta+z');
  await expect(page.locator('#record-heading')).toHaveText(before.title);
  expect((await api<Record_>(host, 'getRecord', { id: mou.id })).id).toBe(mou.id);
});

test('undo an edit, and a text field keeps Ctrl+Z for its own typing', async ({ page, host }) => {
  await openWithSample(page, host);
  const mou = (await api<Listed>(host, 'listRecords', { type: 'agreement', limit: 100 })).items.find((r) =>
    /memorandum of understanding/i.test(r.title),
  )!;
  await page.goto(`${host.baseUrl}/#/records/${mou.id}/edit`);
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('Retitled for the undo test');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Retitled for the undo test');

  // In the search box, Ctrl+Z undoes typing, not the edit.
  const search = page.getByRole('searchbox').first();
  await search.fill('x');
  await search.press('ControlOrMeta+z');
  expect((await api<Record_>(host, 'getRecord', { id: mou.id })).title).toBe('Retitled for the undo test');
  await search.fill('');

  await page.getByRole('button', { name: 'Undo the edit of “Retitled for the undo test”' }).click();
  await expect(page.locator('#record-heading')).toHaveText(mou.title);
  await page.getByRole('button', { name: 'Redo the edit of “Retitled for the undo test”' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Retitled for the undo test');
});

test('undo a new record removes it; redo brings it back with the same id', async ({ page, host }) => {
  await openWithSample(page, host);
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Type', { exact: true }).selectOption('photograph');
  await page.getByLabel('Title', { exact: true }).fill('Delegation at West Lake');
  await page.getByLabel('Date taken').fill('15/09/2018');
  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Delegation at West Lake');
  const id = Number(/#\/records\/(\d+)/.exec(page.url())![1]);

  await page.getByRole('button', { name: 'Undo the creation of “Delegation at West Lake”' }).click();
  await expect(page.locator('#record-heading')).toHaveCount(0);
  await expect.poll(async () => (await api<Listed>(host, 'listRecords', { ids: [id] })).total).toBe(0);

  await page.getByRole('button', { name: 'Redo the creation of “Delegation at West Lake”' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Delegation at West Lake');
  const back = await api<Record_ & { date: string }>(host, 'getRecord', { id });
  expect([back.id, back.date]).toEqual([id, '2018-09-15']);
});
