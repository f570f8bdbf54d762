/** The editor's structured parts: commitments with status, links with roles, a new authority made inline. */
import { expect, fieldValue, MOU_TITLE, openWithSample, test } from './fixtures';

test('edit commitments and links of the MoU, then follow a link to its records', async ({ page, host }) => {
  await openWithSample(page, host);
  await page
    .getByRole('grid', { name: 'Records' })
    .getByRole('link', { name: MOU_TITLE })
    .filter({ hasText: /hangzhou/i })
    .click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();

  // Commitments: drop the first, add one with a status.
  const firstText = await page.getByLabel('Commitment 1', { exact: true }).inputValue();
  await page.getByRole('button', { name: 'Remove commitment 1' }).click();
  await page.getByRole('button', { name: 'Add a commitment' }).click();
  const rows = page.locator('ol.commitment-rows > li');
  const n = await rows.count();
  await page.getByLabel(`Commitment ${n}`, { exact: true }).fill('Exchange archivists between the two city archives.');
  await page.getByLabel(`Status of commitment ${n}`).selectOption('in-progress');

  // Links: an existing person found by name in the general link adder (a combobox), as a speaker…
  await page.getByLabel('Role', { exact: true }).selectOption('speaker');
  const find = page.getByRole('combobox', {
    name: 'Find or create a person, organisation, place, event or partnership',
  });
  await find.fill('Sharon');
  await page.getByRole('option', { name: /^Sharon Watson/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Linked Sharon Watson as Speaker.' })).toBeVisible();

  // …and a party created on the spot from the agreement's own Parties picker, with the keyboard alone.
  const party = page.getByRole('combobox', { name: 'Add a party' });
  await party.fill('Hangzhou Library');
  const create = page.getByRole('option', { name: 'Create “Hangzhou Library” as a new organisation' });
  await expect(create).toBeVisible();
  for (
    let i = 0;
    i < 10 && (await party.getAttribute('aria-activedescendant')) !== (await create.getAttribute('id'));
    i++
  )
    await party.press('ArrowDown');
  await party.press('Enter');
  await expect(page.getByRole('group', { name: 'Parties' })).toContainText('Hangzhou Library');

  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#record-heading')).toHaveText(MOU_TITLE);

  const commitments = page.locator('ol.commitments');
  await expect(commitments).not.toContainText(firstText);
  await expect(commitments.locator('li').filter({ hasText: 'Exchange archivists' })).toContainText('In progress');
  const links = page.getByRole('region', { name: 'Linked to' });
  await expect(links.locator('li').filter({ hasText: 'Sharon Watson' })).toContainText('Speaker');
  await expect(links.locator('li').filter({ hasText: 'Hangzhou Library' })).toContainText('Party');
  await expect(fieldValue(page, 'Kind')).toHaveText('Memorandum of understanding');

  // A linked name's "List" narrows the list to its records…
  await links.getByRole('button', { name: 'Show the records linked to Sharon Watson in the list' }).click();
  await expect(page.getByText('Linked to Sharon Watson')).toBeVisible();
  await expect(page.getByRole('grid').getByRole('link', { name: MOU_TITLE })).toBeVisible();
  // …and the name itself opens its page, with every record linked to it.
  await links.getByRole('link', { name: 'Sharon Watson' }).click();
  await expect(page.locator('#authority-heading')).toHaveText('Sharon Watson');
  await expect(
    page.getByRole('region', { name: /linked records?$/ }).getByRole('link', { name: MOU_TITLE }),
  ).toBeVisible();
});

test('changing an agreement to another type clears its agreement details', async ({ page, host }) => {
  await openWithSample(page, host);
  await page
    .getByRole('grid', { name: 'Records' })
    .getByRole('link', { name: /Qingdao/ })
    .click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Agreement' })).toBeVisible();
  await page.getByLabel('Type', { exact: true }).selectOption('letter');
  await expect(page.getByRole('group', { name: 'Agreement' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.record-kicker')).toHaveText('Letter');
  await expect(page.getByRole('region', { name: 'Agreement' })).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Record types' }).getByRole('button', { name: /^Letter/ }),
  ).toContainText('1');
});
