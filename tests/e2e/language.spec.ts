/** The interface language switches live, is remembered, and sets the document's lang for screen readers. */
import { expect, openWithSample, test } from './fixtures';

test('switching to Simplified Chinese and back, without a restart, remembered on reload', async ({ page, host }) => {
  await openWithSample(page, host);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption('zh-Hans');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByLabel('主题')).toBeVisible();
  await expect(page.getByLabel('主题').locator('option:checked')).toHaveText('跟随系统');

  await page.reload();
  await expect(page.getByLabel('语言')).toHaveValue('zh-Hans');

  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByLabel('Theme')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
