/**
 * axe-core on the editing screens added for issue 6 — an open picker (combobox and listbox), the
 * batch dialog with its preview, an authority page and the merge dialog — in the light and the
 * dark theme: no serious or critical WCAG 2.x A/AA violation.
 */
import { api, expect, MOU_TITLE, openWithSample, test } from './fixtures';
import { audit } from '../support/axe';

for (const theme of ['light', 'dark'] as const) {
  test(`${theme} theme: picker, batch dialog, authority page and merge dialog`, async ({ page, host }) => {
    // Five axe audits of whole screens: on a shared two-core machine under load they alone can take
    // most of the default 30 s (both themes timed out in a local run beside a CI run).
    test.slow();
    await page.addInitScript((t) => localStorage.setItem('civic-archive.theme', t), theme);
    await openWithSample(page, host);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    // An agreement's editor with a picker open on a search and its "create" options.
    await page
      .getByRole('grid')
      .getByRole('link', { name: MOU_TITLE })
      .filter({ hasText: /hangzhou/i })
      .click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const signatory = page.getByRole('combobox', { name: 'Add a signatory' });
    await signatory.fill('Wat');
    await signatory.press('ArrowDown');
    await expect(page.getByRole('listbox', { name: 'Add a signatory' })).toBeVisible();
    await page.getByLabel('Date of the agreement').fill('c. Sept 2018');
    await expect(page.locator('#field-date-parsed')).toHaveText('Read as circa September 2018');
    await audit(page, 'the editor with a picker open');
    // Typing is not thrown away without asking: the question is audited too.
    await page.getByRole('button', { name: 'Cancel' }).click();
    const discard = page.getByRole('dialog', { name: 'Discard changes?' });
    await expect(discard).toBeVisible();
    await audit(page, 'the discard question', 'dialog.confirm[open]');
    await discard.getByRole('button', { name: 'Discard changes' }).click();

    // The batch dialog with a preview.
    const grid = page.getByRole('grid');
    await grid.locator('[role="row"][aria-rowindex="2"] .col-type').click();
    await grid.locator('[role="row"][aria-rowindex="4"] .col-type').click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: '3 selected' }).click();
    await page.getByRole('button', { name: 'Batch edit 3 records…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Batch edit 3 records' });
    await dialog.getByRole('radio', { name: 'Set a field' }).check();
    await dialog.getByLabel('Field', { exact: true }).selectOption('accessStatus');
    await dialog.getByLabel('New value').selectOption('restricted');
    await dialog.getByRole('button', { name: 'Preview the changes' }).click();
    await expect(dialog.getByRole('status')).toContainText('will change');
    await audit(page, 'the batch dialog', 'dialog.batch-dialog[open]');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // An authority page and its merge dialog.
    const blake = (await api<{ items: { id: number }[] }>(host, 'listAuthorities', { query: 'Judith Blake' }))
      .items[0]!;
    await page.goto(`${host.baseUrl}/#/authorities/${blake.id}`);
    await expect(page.locator('#authority-heading')).toHaveText('Judith Blake');
    await audit(page, 'an authority page');
    await page.getByRole('button', { name: 'Merge a duplicate into this…' }).click();
    await expect(page.getByRole('dialog', { name: 'Merge a duplicate into Judith Blake' })).toBeVisible();
    await audit(page, 'the merge dialog', 'dialog.merge-dialog[open]');
  });
}
