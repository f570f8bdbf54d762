/**
 * Forms that respect the user: Cancel, Escape and opening another record ask before typing is
 * thrown away (a form as it was opened closes at once), and a person created inside the form is
 * only created when the record is saved — a cancelled form leaves nobody behind, and undoing the
 * creation takes the new person away with the record.
 */
import type { Page } from '@playwright/test';
import { api, expect, MOU_TITLE, openWithSample, test, type HostInfo } from './fixtures';

const discard = (page: Page) => page.getByRole('dialog', { name: 'Discard changes?' });

async function peopleNamed(host: HostInfo, name: string): Promise<number> {
  return (await api<{ total: number }>(host, 'listAuthorities', { query: name, kind: 'person' })).total;
}

test('Cancel, Escape and opening another record ask before typed data is lost', async ({ page, host }) => {
  await openWithSample(page, host);
  const editorHeading = page.getByRole('heading', { name: 'New record' });

  // A form left as it was opened closes at once.
  await page.getByRole('button', { name: 'New record' }).click();
  await expect(editorHeading).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(discard(page)).toHaveCount(0);
  await expect(editorHeading).toHaveCount(0);

  // Typed, then Cancel: asked; keeping on editing keeps the text.
  await page.getByRole('button', { name: 'New record' }).click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('Notes of a visit');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(discard(page)).toBeVisible();
  await expect(discard(page)).toContainText('has not been saved');
  await discard(page).getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(discard(page)).toHaveCount(0);
  await expect(title).toHaveValue('Notes of a visit');

  // Opening another record from the list: asked, and staying keeps the form and its address.
  const mou = page.getByRole('grid', { name: 'Records' }).getByRole('link', { name: MOU_TITLE }).first();
  await mou.click();
  await expect(discard(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(discard(page)).toHaveCount(0);
  await expect(title).toHaveValue('Notes of a visit');
  expect(new URL(page.url()).hash).toBe('#/new');

  // Escape from a field asks too; Discard goes.
  await title.press('Escape');
  await expect(discard(page)).toBeVisible();
  await discard(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(editorHeading).toHaveCount(0);

  // Editing a record: typed, then another record opened and the change discarded: that record opens.
  await mou.click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Title', { exact: true }).fill('A title I will not keep');
  const other = page.getByRole('grid', { name: 'Records' }).getByRole('link').nth(2);
  const otherTitle = (await other.textContent())!.trim();
  await other.click();
  await discard(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.locator('#record-heading')).toHaveText(otherTitle);
  const grid = page.getByRole('grid', { name: 'Records' });
  await expect(grid.getByRole('link', { name: 'Notes of a visit' }), 'the discarded record was never made').toHaveCount(
    0,
  );
  await expect(grid.getByRole('link', { name: 'A title I will not keep' })).toHaveCount(0);
});

test('a person created inside a cancelled form is not left behind; saved, then undone, both go', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Type', { exact: true }).selectOption('letter');
  await page.getByLabel('Title', { exact: true }).fill('Letter from Ada Pendleton');
  const author = page.getByRole('combobox', { name: 'Add an author' });
  await author.fill('Ada Pendleton');
  await page.getByRole('option', { name: 'Create “Ada Pendleton” as a new person' }).click();
  const authors = page.getByRole('group', { name: 'Authors' });
  await expect(authors).toContainText('Ada Pendleton');
  await expect(authors.locator('.new-authority')).toHaveText('new');
  expect(await peopleNamed(host, 'Ada Pendleton'), 'not created before the save').toBe(0);

  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await discard(page).getByRole('button', { name: 'Discard changes' }).click();
  expect(await peopleNamed(host, 'Ada Pendleton'), 'nothing left behind').toBe(0);

  // The same, saved: the person is created with the letter and linked to it.
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Type', { exact: true }).selectOption('letter');
  await page.getByLabel('Title', { exact: true }).fill('Letter from Ada Pendleton');
  await author.fill('Ada Pendleton');
  await page.getByRole('option', { name: 'Create “Ada Pendleton” as a new person' }).click();
  // A letter has its recipients too.
  await page.getByRole('combobox', { name: 'Add a recipient' }).fill('Leeds City Council');
  await page.getByRole('option', { name: /^Leeds City Council/ }).click();
  await expect(page.getByRole('group', { name: 'Recipients' })).toContainText('Leeds City Council');
  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Letter from Ada Pendleton');
  expect(await peopleNamed(host, 'Ada Pendleton')).toBe(1);
  const id = Number(/#\/records\/(\d+)/.exec(page.url())![1]);
  const saved = await api<{ links: { name: string; role: string }[] }>(host, 'getRecord', { id });
  expect(saved.links.map((l) => [l.name, l.role])).toEqual([
    ['Leeds City Council', 'recipient'],
    ['Ada Pendleton', 'author'],
  ]);

  // Undoing the creation takes the new person away too.
  await page.getByRole('button', { name: 'Undo the creation of “Letter from Ada Pendleton”' }).click();
  await expect(page.locator('#record-heading')).toHaveCount(0);
  await expect.poll(() => peopleNamed(host, 'Ada Pendleton')).toBe(0);
});

test('typing “Cllr J. Blake” offers the existing Judith Blake, in the combobox and the authority form', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  const people = await api<{ total: number }>(host, 'listAuthorities', { kind: 'person', limit: 1_000 });
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Type', { exact: true }).selectOption('agreement');
  const signatory = page.getByRole('combobox', { name: 'Add a signatory' });
  await signatory.fill('Cllr J. Blake');
  const hint = page.getByRole('option', { name: /^Judith Blake.*possible match for “Cllr J\. Blake”/ });
  await expect(hint).toBeVisible();
  // The existing person comes before "create", so Down and Enter choose her.
  await signatory.press('ArrowDown');
  await expect(signatory).toHaveAttribute('aria-activedescendant', (await hint.getAttribute('id'))!);
  await signatory.press('Enter');
  const signatories = page.getByRole('group', { name: 'Signatories' });
  await expect(signatories).toContainText('Judith Blake');
  await expect(signatories.locator('.new-authority')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await discard(page).getByRole('button', { name: 'Discard changes' }).click();
  expect((await api<{ total: number }>(host, 'listAuthorities', { kind: 'person', limit: 1_000 })).total).toBe(
    people.total,
  );

  // Renaming another person to what may be Judith Blake says so, with a link to her page.
  const other = (
    await api<{ items: { id: number; name: string }[] }>(host, 'listAuthorities', { kind: 'person' })
  ).items.find((a) => a.name !== 'Judith Blake')!;
  await page.goto(`${host.baseUrl}/#/authorities/${other.id}`);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('Rt Hon Judith Blake CBE');
  const similar = page.locator('#authority-name-similar');
  await expect(similar).toContainText('Possible duplicate: Judith Blake');
  await expect(similar.getByRole('link', { name: 'Judith Blake' })).toHaveAttribute('href', /#\/authorities\/\d+/);
});

test('a signatory signs on behalf of a party organisation, shown so in the record', async ({ page, host }) => {
  await openWithSample(page, host);
  await page
    .getByRole('grid', { name: 'Records' })
    .getByRole('link', { name: MOU_TITLE })
    .filter({ hasText: /hangzhou/i })
    .click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const party = page.getByRole('combobox', { name: 'Add a party' });
  await party.fill('Leeds City Council');
  await page.getByRole('option', { name: /^Leeds City Council/ }).click();
  await page.getByLabel('Judith Blake signed on behalf of').selectOption({ label: 'on behalf of Leeds City Council' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  const links = page.getByRole('region', { name: 'Linked to' });
  await expect(links.locator('li').filter({ hasText: 'Judith Blake' }).first()).toContainText(
    'Judith Blake, on behalf of Leeds City Council',
  );
});

test('at 1280×800 the people combobox near the window’s foot keeps its list inside the window', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWithSample(page, host);
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Type', { exact: true }).selectOption('letter');
  const author = page.getByRole('combobox', { name: 'Add an author' });
  // The text box at the foot of its pane, as after scrolling the form down to it.
  await author.evaluate('el => el.scrollIntoView({ block: "end" })');
  const field = (await author.boundingBox())!;
  expect(field.y + field.height, 'the text box sits low in the window').toBeGreaterThan(800 - 120);
  await author.press('L');
  await author.press('e');
  const list = page.getByRole('listbox', { name: 'Add an author' });
  await expect(list.getByRole('option').first()).toBeVisible();
  expect(await list.getByRole('option').count()).toBeGreaterThan(2);
  const box = (await list.boundingBox())!;
  expect(box.y + box.height, 'the list ends inside the window').toBeLessThanOrEqual(800);
  expect(box.y, 'the list starts inside the window').toBeGreaterThanOrEqual(0);
  // Opened upwards, it ends above its text box rather than over it.
  expect(box.y + box.height).toBeLessThanOrEqual(field.y + 1);
  // Every option is still reached by key: the list scrolls to the active one.
  for (let i = 0; i < 8; i++) await author.press('ArrowDown');
  const active = (await author.getAttribute('aria-activedescendant'))!;
  await expect(page.locator(`[id="${active}"]`)).toBeInViewport();
});
