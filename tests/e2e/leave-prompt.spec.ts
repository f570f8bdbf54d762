/**
 * No silent loss on reload or close: while the record form holds unsaved typing the page asks
 * the browser to confirm leaving (`beforeunload`); a form as it was opened lets the page go.
 */
import type { Dialog } from '@playwright/test';
import { api, expect, test } from './fixtures';

test('a reload with a dirty form asks first; a clean or saved form reloads at once', async ({ page, host }) => {
  test.slow(); // three reloads of the whole app on a shared two-core machine
  await api(host, 'createRecord', { type: 'letter', title: 'A letter already there' });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'All records' })).toBeVisible();
  const asked: Dialog[] = [];
  // Always Leave: dismissing a beforeunload prompt leaves headless Chromium unable to close the
  // page (microsoft/playwright#23141), so Stay is not exercised here.
  page.on('dialog', (dialog) => {
    asked.push(dialog);
    void dialog.accept();
  });

  // A clean form: nothing to lose, no question.
  await page.getByRole('button', { name: 'New record' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'All records' })).toBeVisible();
  expect(asked).toHaveLength(0);

  // Typed: the reload is asked about; Leave reloads, the typing is gone and nothing was saved.
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Notes of a visit');
  const reloaded = page.waitForEvent('load');
  // Not page.reload(): it waits for a load that a held page may not give it.
  await page.evaluate('setTimeout(() => location.reload(), 0)');
  await reloaded;
  expect(asked.map((d) => d.type())).toEqual(['beforeunload']);
  await expect(page.getByRole('grid', { name: 'Records' }).getByRole('link', { name: 'Notes of a visit' })).toHaveCount(
    0,
  );

  // Saved, the form no longer holds the page.
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Notes kept');
  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Notes kept');
  await page.reload();
  await expect(page.locator('#record-heading')).toHaveText('Notes kept');
  expect(asked).toHaveLength(1);
});
