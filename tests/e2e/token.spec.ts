/** The browser host refuses anyone without its token: no cookie, no header, no `?token=`. */
import { expect, test } from './fixtures';

test('a request without the token is refused', async ({ host }) => {
  const post = (headers: Record<string, string> = {}) =>
    fetch(`${host.baseUrl}/api/libraryInfo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: '{}',
    });

  expect((await post()).status).toBe(403);
  expect((await post({ 'X-Archive-Token': 'not-the-token' })).status).toBe(403);
  expect((await post({ Cookie: 'civic_archive_token=not-the-token' })).status).toBe(403);
  expect((await fetch(`${host.baseUrl}/`)).status).toBe(403);
  expect((await fetch(`${host.baseUrl}/?token=wrong`, { redirect: 'manual' })).status).toBe(403);

  // The same request with the token goes through, so the refusals above are about the token.
  const allowed = await post({ 'X-Archive-Token': host.token });
  expect(allowed.status).toBe(200);
  expect(((await allowed.json()) as { ok: boolean }).ok).toBe(true);
});

test('a browser without the token gets no app, with it the app opens', async ({ page, host, pageErrors }) => {
  const refused = await page.goto(host.baseUrl);
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Civic Archive' })).toHaveCount(0);

  await page.goto(host.url);
  await expect(page).toHaveURL(`${host.baseUrl}/`);
  await expect(page.getByRole('heading', { name: 'Civic Archive' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This library is empty' })).toBeVisible();

  // The refused page load (and its favicon) were logged as 403s on purpose; nothing else may be.
  const unexpected = pageErrors.filter((e) => !/status of 403/.test(e));
  pageErrors.splice(0, pageErrors.length, ...unexpected);
});
