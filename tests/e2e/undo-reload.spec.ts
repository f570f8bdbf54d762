/**
 * The undo history survives a reload and belongs to its library: an edit is undone after the page
 * reloads (and redone after another), a redo refused after a reload when someone changed the
 * record since (nothing lost), and a second library opened in the same browser host has its own
 * history — the first one's comes back with it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, expect, openWithSample, startHost, test, type HostInfo } from './fixtures';

interface Listed {
  items: { id: number; title: string }[];
}

async function firstAgreement(host: HostInfo): Promise<{ id: number; title: string }> {
  return (await api<Listed>(host, 'listRecords', { type: 'agreement', limit: 100 })).items[0]!;
}

// Reloads and library switches on a shared, loaded machine: generous (no speed is measured here).
test.describe.configure({ timeout: 120_000 });

const titleOf = async (host: HostInfo, id: number) => (await api<{ title: string }>(host, 'getRecord', { id })).title;

test('an edit is undone after a reload, redone after another, and refused when changed since', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  const record = await firstAgreement(host);
  await page.goto(`${host.baseUrl}/#/records/${record.id}/edit`);
  await page.getByLabel('Title', { exact: true }).fill('Retitled before the reload');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Retitled before the reload');

  await page.reload();
  const undo = page.getByRole('button', { name: 'Undo the edit of “Retitled before the reload”' });
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone: the edit of' })).toBeVisible();
  expect(await titleOf(host, record.id)).toBe(record.title);

  // The redo is kept too; after another reload, someone changes the record first: refused, nothing lost.
  await page.reload();
  const redo = page.getByRole('button', { name: 'Redo the edit of “Retitled before the reload”' });
  await expect(redo).toBeEnabled();
  await api(host, 'updateRecord', { id: record.id, patch: { title: 'Changed by a colleague' } });
  await redo.click();
  await expect(page.getByRole('alert').filter({ hasText: 'has changed since' })).toBeVisible({ timeout: 15_000 });
  expect(await titleOf(host, record.id)).toBe('Changed by a colleague');
  await expect(redo).toBeEnabled();
});

test('each library has its own history: another library does not see it, and it comes back with its own', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  const record = await firstAgreement(host);
  await page.goto(`${host.baseUrl}/#/records/${record.id}/edit`);
  await page.getByLabel('Title', { exact: true }).fill('Edited in the first library');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Edited in the first library');
  const undoFirst = page.getByRole('button', { name: 'Undo the edit of “Edited in the first library”' });
  await expect(undoFirst).toBeEnabled();

  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-e2e-other-library-'));
  try {
    await api(host, 'openLibrary', { path: other, create: true });
    await page.goto(`${host.baseUrl}/#/`);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Nothing to undo' })).toBeDisabled();
    await api(host, 'createRecord', { type: 'letter', title: 'A letter in the second library' });

    await api(host, 'openLibrary', { path: host.libraryDir });
    await page.reload();
    await expect(undoFirst).toBeEnabled();
    await undoFirst.click();
    await expect.poll(() => titleOf(host, record.id)).toBe(record.title);
  } finally {
    await api(host, 'openLibrary', { path: host.libraryDir }).catch(() => undefined);
    fs.rmSync(other, { recursive: true, force: true });
  }
});

test('the history is kept in the library: a host started on another port still has it', async ({ page, host }) => {
  await api(host, 'createRecord', { type: 'letter', title: 'A letter to retitle' });
  const record = (await api<Listed>(host, 'listRecords', { limit: 10 })).items[0]!;
  await page.goto(host.url);
  await page.goto(`${host.baseUrl}/#/records/${record.id}/edit`);
  await page.getByLabel('Title', { exact: true }).fill('Retitled on the first port');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Retitled on the first port');
  const undo = page.getByRole('button', { name: 'Undo the edit of “Retitled on the first port”' });
  await expect(undo).toBeEnabled();
  await expect.poll(() => fs.existsSync(path.join(host.libraryDir, 'undo-history.json'))).toBe(true);

  // Another host on the same library: another port, so another origin with its own localStorage.
  const second = await startHost(host.libraryDir);
  try {
    expect(new URL(second.info.baseUrl).port).not.toBe(new URL(host.baseUrl).port);
    // Cookies ignore ports: the first host's session cookie would be offered to the second one,
    // and the host's guard takes a cookie before the URL's token (src/main/host/guard.ts).
    await page.goto('about:blank');
    await page.context().clearCookies();
    await page.goto(`${second.info.url}#/records/${record.id}`);
    await expect(undo).toBeEnabled();
    await undo.click();
    await expect.poll(() => titleOf(host, record.id)).toBe('A letter to retitle');
  } finally {
    // Off the second host before it stops: a poll that found it gone would be a page error.
    await page.goto('about:blank');
    await second.stop();
  }
});
