/** The interface language switches live, is remembered, and sets the document's lang for screen readers. */
import { chooseLanguage, expect, openSettings, openWithSample, test } from './fixtures';

test('switching to Simplified Chinese and back, without a restart, remembered on reload', async ({ page, host }) => {
  await openWithSample(page, host);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Chosen in Settings: the header keeps to one row.
  const settings = await openSettings(page);
  await settings.getByLabel('Language').selectOption('zh-Hans');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  const zh = page.getByRole('dialog', { name: '设置' });
  await expect(zh.getByLabel('主题')).toBeVisible();
  await expect(zh.getByLabel('主题').locator('option:checked')).toHaveText('跟随系统');

  await page.reload();
  const again = await openSettings(page);
  await expect(again.getByLabel('语言')).toHaveValue('zh-Hans');

  await again.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Theme')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('in Chinese: the sidebar, the list, a record, search with facets and the dialogs, with Chinese dates; then back to English', async ({
  page,
  host,
}) => {
  await openWithSample(page, host);
  await chooseLanguage(page, 'zh-Hans');

  // Record types in the sidebar and the list, dates as 2018年9月.
  await expect(page.locator('.sidebar')).toContainText('媒体报道');
  await expect(page.locator('.sidebar')).toContainText('新闻稿');
  const list = page.locator('.list-pane');
  await expect(list).toContainText('协议');
  await expect(list).toContainText('2018年9月');
  await expect(list).toContainText('2020年3月11日');

  // A record: its agreement kind and date in Chinese.
  await list
    .locator('a[href^="#/records/"]')
    .filter({ hasText: /Leeds and Hangzhou/ })
    .click();
  const record = page.locator('.record-pane');
  await expect(record).toContainText('谅解备忘录');
  await expect(record).toContainText('2018年9月');

  // Search: the box, the results, the count and the facets.
  const search = page.getByRole('searchbox', { name: '检索档案目录' });
  await expect(search).toHaveAttribute('placeholder', '检索题名、人名、地名、标签…');
  await search.fill('Hangzhou');
  const results = page.getByRole('region', { name: '检索结果' });
  await expect(results.getByRole('status')).toContainText(/找到 \d+ 条记录。/);
  await expect(results.getByText(/^匹配字段：.*题名/).first()).toBeVisible();
  await expect(results.getByRole('combobox', { name: '排序' })).toHaveValue('relevance');
  await expect(results.getByRole('option', { name: '相关度' })).toBeAttached();
  const facets = page.getByRole('group', { name: '筛选检索结果' });
  await expect(facets.getByRole('group', { name: '类型' })).toBeVisible();
  await expect(facets.getByRole('group', { name: '类型' })).toContainText('协议');
  // The header's menu acts on the results, and says so in Chinese.
  await expect(page.getByRole('button', { name: /^\d+ 条结果$/ })).toBeVisible();

  // Dialogs: citations and exchange, settings, the shortcut list.
  await page.getByRole('button', { name: '引文与数据交换…' }).click();
  const exchange = page.getByRole('dialog', { name: '引文与数据交换' });
  await expect(exchange.getByLabel('收藏机构（档案馆）')).toBeVisible();
  await expect(exchange.getByRole('heading', { name: '导入记录' })).toBeVisible();
  await exchange.getByRole('button', { name: '关闭' }).last().click();
  await page.getByRole('button', { name: '设置…' }).click();
  await expect(page.getByRole('dialog', { name: '设置' }).getByRole('heading', { name: '档案库' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '键盘快捷键' }).click();
  await expect(page.getByRole('dialog', { name: '键盘快捷键' }).getByRole('cell', { name: '新建记录' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Back to English, live.
  await chooseLanguage(page, 'en');
  await expect(page.getByRole('region', { name: 'Search results' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search the catalogue' })).toHaveValue('Hangzhou');
  await expect(page.locator('.record-pane')).toContainText('Memorandum of understanding');
  await expect(page.locator('.record-pane')).toContainText('2018-09');
  await expect(
    page.getByRole('group', { name: 'Filter the results' }).getByRole('group', { name: 'Type' }),
  ).toContainText('Agreement');
  await expect(page.locator('.sidebar')).toContainText('Media coverage');
});
