/**
 * No silent loss on reload or close: while the record form holds unsaved typing the page asks
 * the browser to confirm leaving (`beforeunload`); a form as it was opened lets the page go.
 * Both answers are tried: Leave reloads without the typing, Stay keeps the page as it was. Stay is
 * answered on a reload the page starts itself; headless Chromium then stays on the page and
 * closes it normally at the end of the test.
 */
import type { Dialog } from '@playwright/test';
import { api, expect, test } from './fixtures';

test('a reload with a dirty form asks first; a clean or saved form reloads at once', async ({ page, host }) => {
  test.slow(); // three reloads of the whole app on a shared two-core machine
  await api(host, 'createRecord', { type: 'letter', title: 'A letter already there' });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'All records' })).toBeVisible();
  const asked: Dialog[] = [];
  // Leave, always, here: Stay is the next test's.
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

test('Stay keeps the page and the typing, which can then be saved', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'This library is empty' })).toBeVisible();
  await page.getByRole('button', { name: 'Create a record' }).click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('Notes of a visit');
  // Gone with the page if it were reloaded.
  await page.evaluate('window.stayedMarker = "still here"');
  const asked = new Promise<Dialog>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog);
      void dialog.dismiss();
    }),
  );
  await page.evaluate('setTimeout(() => location.reload(), 0)');
  expect((await asked).type()).toBe('beforeunload');

  // Stayed: the same page, the typing where it was, and it saves.
  expect(await page.evaluate('window.stayedMarker')).toBe('still here');
  await expect(title).toHaveValue('Notes of a visit');
  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Notes of a visit');
  const listed = await api<{ items: { title: string }[] }>(host, 'listRecords', {});
  expect(listed.items.map((r) => r.title)).toEqual(['Notes of a visit']);
  expect(await page.evaluate('window.stayedMarker')).toBe('still here');
});
