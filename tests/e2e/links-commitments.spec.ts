/** The editor's structured parts: commitments with status, links with roles, a new authority made inline. */
import { expect, fieldValue, MOU_TITLE, openWithSample, test } from './fixtures';

test('edit commitments and links of the MoU, then follow a link to its records', async ({ page, host }) => {
  await openWithSample(page, host);
  await page.getByRole('grid', { name: 'Records' }).getByRole('link', { name: MOU_TITLE }).filter({ hasText: /hangzhou/i }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();

  // Commitments: drop the first, add one with a status.
  const firstText = await page.getByLabel('Commitment 1', { exact: true }).inputValue();
  await page.getByRole('button', { name: 'Remove commitment 1' }).click();
  await page.getByRole('button', { name: 'Add a commitment' }).click();
  const rows = page.locator('ol.commitment-rows > li');
  const n = await rows.count();
  await page.getByLabel(`Commitment ${n}`, { exact: true }).fill('Exchange archivists between the two city archives.');
  await page.getByLabel(`Status of commitment ${n}`).selectOption('in-progress');

  // Links: an existing person found by name, and an organisation created on the spot.
  await page.getByLabel('Role', { exact: true }).selectOption('speaker');
  await page.getByLabel('Find a person, organisation, place, event or partnership').fill('Sharon');
  await page.getByRole('button', { name: 'Link Sharon Watson (Person) as Speaker' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Linked Sharon Watson as Speaker.' })).toBeVisible();

  await page.getByLabel('Role', { exact: true }).selectOption('party');
  await page.getByLabel('Find a person, organisation, place, event or partnership').fill('Hangzhou Library');
  await page.getByLabel(/Or create .* as a new/).selectOption('organisation');
  await page.getByRole('button', { name: 'Create and link' }).click();
  await expect(page.getByLabel('Role of Hangzhou Library')).toHaveValue('party');

  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#record-heading')).toHaveText(MOU_TITLE);

  const commitments = page.locator('ol.commitments');
  await expect(commitments).not.toContainText(firstText);
  await expect(commitments.locator('li').filter({ hasText: 'Exchange archivists' })).toContainText('In progress');
  const links = page.getByRole('region', { name: 'Linked to' });
  await expect(links.locator('li').filter({ hasText: 'Sharon Watson' })).toContainText('Speaker');
  await expect(links.locator('li').filter({ hasText: 'Hangzhou Library' })).toContainText('Party');
  await expect(fieldValue(page, 'Kind')).toHaveText('Memorandum of understanding');

  // A linked name shows the records linked to it.
  await links.getByRole('button', { name: 'Sharon Watson' }).click();
  await expect(page.getByText('Linked to Sharon Watson')).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Records' }).getByRole('link', { name: MOU_TITLE })).toBeVisible();
});

test('changing an agreement to another type clears its agreement details', async ({ page, host }) => {
  await openWithSample(page, host);
  await page.getByRole('grid', { name: 'Records' }).getByRole('link', { name: /Qingdao/ }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Agreement' })).toBeVisible();
  await page.getByLabel('Type', { exact: true }).selectOption('letter');
  await expect(page.getByRole('group', { name: 'Agreement' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.record-kicker')).toHaveText('Letter');
  await expect(page.getByRole('region', { name: 'Agreement' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Record types' }).getByRole('button', { name: /^Letter/ })).toContainText('1');
});
