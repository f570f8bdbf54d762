/**
 * The Chinese interface has no English left: in zh-Hans, every screen and dialog is opened — the
 * empty library, the list, a record, the editor for each record type, the authorities, merge,
 * batch edit, citing, import and export, documents and the reader, settings, the shortcuts, undo,
 * the timeline, saved searches — with at least one error in each form, and the visible text and the
 * accessible names, titles and placeholders must hold no English word beyond a short allow-list
 * of proper names and formats. The catalogue's own data is Chinese, so it cannot mask a leftover.
 *
 * Service errors carry a reason code the renderer words in Chinese. What is still English is
 * named, step by step, in KNOWN_GAPS below: a leftover anywhere else fails the walk, and so does a
 * gap that is no longer there (the list only shrinks).
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { englishLeft } from '../support/english-left';
import { api, expect as baseExpect, chooseLanguage, test, type HostInfo } from './fixtures';

// A long walk on a shared, loaded machine: each screen gets more time to appear than the default.
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * English the Chinese interface still shows, by step, each matched by the text it stands in:
 * returned data that is not yet a reason code (a preview's skipped reason, an import report's row
 * reasons) and the parsers' own accounts of a broken file (BibTeX, the CSL style check), which the
 * error carries as a detail inside a Chinese sentence.
 */
// None left: every screen, dialog and refusal of the walk is in Chinese. A gap found later is named here.
const KNOWN_GAPS: Record<string, RegExp> = {};

/** Soft: one run lists every screen's leftovers, not just the first. */
async function noEnglish(scope: Locator, where: string): Promise<void> {
  const gap = KNOWN_GAPS[where];
  await expect.soft(async () => expect(await englishLeft(scope, gap)).toEqual([]), where).toPass({ timeout: 3_000 });
  // A known gap that is gone is taken off the list.
  if (gap) expect.soft(await englishLeft(scope), `${where}: still a known gap`).not.toEqual([]);
  // Printed as the walk goes, since a long walk's report comes only at its end.
  console.log(`${where}: ${(await englishLeft(scope, gap)).join(' | ') || 'no English'}`);
}

// A step that cannot find its control fails soon, not at the end of the whole walk's time.
test.use({ actionTimeout: 20_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

async function setUpChineseLibrary(host: HostInfo) {
  type Made = { id: number };
  const person = await api<Made>(host, 'createAuthority', { kind: 'person', name: '张伟' });
  const duplicate = await api<Made>(host, 'createAuthority', { kind: 'person', name: '张伟（外事办）' });
  const place = await api<Made>(host, 'createAuthority', { kind: 'place', name: '杭州市' });
  await api(host, 'createAuthority', { kind: 'organisation', name: '杭州市人民政府外事办公室' });
  await api(host, 'createAuthority', { kind: 'event', name: '二〇一八年友城代表团访问', placeId: place.id });
  await api(host, 'createAuthority', { kind: 'partnership', name: '利兹—杭州友好城市' });
  const fonds = await api<Made>(host, 'createCollection', { name: '外事往来档案', level: 'fonds' });
  const links = [
    { authorityId: person.id, role: 'signatory' },
    { authorityId: duplicate.id, role: 'author' },
  ];
  const records: Record<string, Made> = {};
  const titles = {
    'press-release': '代表团访问杭州新闻稿',
    agreement: '两市友好合作谅解备忘录',
    'media-coverage': '杭州电视台报道代表团来访',
    photograph: '代表团在西湖合影',
    letter: '市长致杭州市长的信',
    report: '友好城市年度工作报告',
    'event-programme': '代表团访问日程安排',
    other: '其他往来材料',
  } as const;
  let day = 10;
  for (const [type, title] of Object.entries(titles)) {
    records[type] = await api<Made>(host, 'createRecord', {
      type,
      title,
      date: `2018-09-${day++}`,
      description: '二〇一八年代表团访问杭州期间形成的档案。',
      tags: ['友好城市'],
      collectionId: fonds.id,
      links,
      ...(type === 'agreement'
        ? {
            agreementKind: 'mou',
            dateSigned: '2018-09-14',
            placeSigned: '杭州',
            commitments: [{ text: '互派学生交流' }],
          }
        : {}),
    });
  }
  return { person, duplicate, place, records };
}

test('every screen and dialog in Simplified Chinese, errors included, has no English left', async ({
  page,
  host,
  pageErrors,
}) => {
  test.setTimeout(900_000);

  // The empty library, switched to Chinese.
  await page.goto(host.url);
  await chooseLanguage(page, 'zh-Hans');
  await expect(page.getByRole('heading', { name: '此档案库为空' })).toBeVisible();
  await noEnglish(page.locator('body'), '空档案库');

  const { person, records } = await setUpChineseLibrary(host);
  await page.reload();
  await expect(page.getByRole('grid')).toContainText('两市友好合作谅解备忘录');
  // The list, the sidebar (collections, partnerships, tags, imports) and the timeline.
  await noEnglish(page.locator('body'), '列表、侧栏与时间轴');

  // The column chooser.
  await page.getByRole('button', { name: '列', exact: true }).click();
  await noEnglish(page.locator('body'), '列选择');
  await page.keyboard.press('Escape');

  // A record, and its cite dialog with the style picker.
  await page.goto(`${host.baseUrl}/#/records/${records['agreement']!.id}`);
  await expect(page.locator('.record-pane')).toContainText('互派学生交流');
  await noEnglish(page.locator('body'), '记录详情');
  await page.getByRole('button', { name: '引用…' }).click();
  const cite = dialog(page, /^引用/);
  await expect(cite.getByLabel('引文格式')).toBeVisible();
  await noEnglish(cite, '引用对话框');
  await cite.getByLabel('引文格式').fill('没有这种格式');
  await noEnglish(cite, '引用对话框：格式选择（无匹配）');
  await cite.getByLabel('引文格式').fill('apa');
  await noEnglish(cite, '引用对话框：格式选择');
  await cite.getByRole('button', { name: '关闭' }).click();

  // The delete confirmation.
  await page.getByRole('button', { name: '删除…' }).click();
  await noEnglish(dialog(page, '删除这条记录？'), '删除确认');
  await page.keyboard.press('Escape');

  // The editor for each record type, then errors: a required title left empty and a bad date.
  for (const [type, record] of Object.entries(records)) {
    await page.goto(`${host.baseUrl}/#/records/${record.id}/edit`);
    await expect(page.getByRole('button', { name: '保存修改' })).toBeVisible();
    await noEnglish(page.locator('main'), `编辑器：${type}`);
  }
  await page.goto(`${host.baseUrl}/#/new`);
  await expect(page.getByRole('button', { name: '创建记录' })).toBeVisible();
  await noEnglish(page.locator('main'), '新建记录');
  await page.getByRole('button', { name: '创建记录' }).click();
  await expect(page.getByText(/^未保存/)).toBeVisible();
  await noEnglish(page.locator('main'), '新建记录：题名为空');
  await page.getByLabel('类型', { exact: true }).selectOption('other');
  await page.getByLabel('题名', { exact: true }).fill('日期有误的记录');
  await page.getByLabel('日期', { exact: true }).fill('2018-13-45');
  await page.getByRole('button', { name: '创建记录' }).click();
  await expect(page.getByText(/^未保存/)).toBeVisible();
  await noEnglish(page.locator('main'), '新建记录：日期有误');

  // Leaving the new record's form with what was typed asks first; discarding goes on.
  await page.goto(`${host.baseUrl}/#/records/${records['letter']!.id}/edit`);
  const discard = dialog(page, '放弃修改？');
  await expect(discard).toBeVisible();
  await noEnglish(discard, '放弃修改确认');
  await discard.getByRole('button', { name: '放弃修改' }).click();

  // An edit, then undo: the undo button's name, and the message after undoing.
  await expect(page.getByRole('button', { name: '保存修改' })).toBeVisible();
  await page.getByLabel('题名', { exact: true }).fill('市长致杭州市长的信（修订）');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('button', { name: /^撤销/ })).toBeEnabled();
  await noEnglish(page.locator('.topbar'), '撤销按钮');
  await page.getByRole('button', { name: /^撤销/ }).click();
  await expect(page.getByText(/^已撤销/)).toBeVisible();
  await noEnglish(page.locator('body'), '撤销之后');

  // Authorities: the index, a page, its form (with a required name left empty), and the merge dialog.
  await page.goto(`${host.baseUrl}/#/authorities/person`);
  await expect(page.getByLabel('按名称筛选')).toBeVisible();
  await noEnglish(page.locator('main'), '规范记录索引');
  await page.getByLabel('按名称筛选').fill('没有此人');
  await noEnglish(page.locator('main'), '规范记录索引：无匹配');
  await page.goto(`${host.baseUrl}/#/authorities/${person.id}`);
  await expect(page.getByRole('button', { name: '将重复项合并到此…' })).toBeVisible();
  await noEnglish(page.locator('main'), '规范记录页面');
  await page.getByRole('button', { name: '将重复项合并到此…' }).click();
  const merge = dialog(page, /^将重复项合并到/);
  await expect(merge).toBeVisible();
  await noEnglish(merge, '合并对话框');
  await merge.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  await page.getByLabel('名称', { exact: true }).fill('');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('main').getByRole('alert').first()).toBeVisible();
  await noEnglish(page.locator('main'), '规范记录表单：名称为空');

  // Batch edit, its preview, and an error (a bad date).
  await page.goto(host.url);
  const grid = page.getByRole('grid');
  await grid
    .getByRole('checkbox', { name: /^选择“/ })
    .first()
    .check();
  await grid
    .getByRole('checkbox', { name: /^选择“/ })
    .nth(1)
    .check();
  // The selection menu: what the two ticked records can be given to.
  await page.getByRole('button', { name: '已选 2 条' }).click();
  await noEnglish(page.locator('.selection-menu'), '所选记录的操作');
  await page.getByRole('button', { name: /^批量编辑 2 条记录/ }).click();
  const batch = dialog(page, /^批量编辑 2 条记录/);
  await noEnglish(batch, '批量编辑');
  await batch.getByRole('radio', { name: '设置字段' }).check();
  await batch.getByLabel('字段', { exact: true }).selectOption('date');
  await batch.getByLabel('新值').fill('不是日期');
  await batch.getByRole('button', { name: '预览修改' }).click();
  await noEnglish(batch, '批量编辑：日期有误');
  await batch.getByRole('radio', { name: '添加标签' }).check();
  await batch.getByLabel('标签', { exact: true }).fill('交流');
  await batch.getByRole('button', { name: '预览修改' }).click();
  await expect(batch.getByRole('heading', { name: '将要修改的内容' })).toBeVisible();
  await noEnglish(batch, '批量编辑：预览');
  await batch.getByRole('button', { name: '取消' }).click();

  // Search, the results and facets, saving a search (an empty name first), and the saved one.
  await page.getByRole('searchbox', { name: '检索档案目录' }).fill('杭州 year:二〇一八');
  await expect(page.getByRole('region', { name: '检索结果' })).toBeVisible();
  await noEnglish(page.locator('body'), '检索结果');
  await page.getByRole('button', { name: '保存检索…' }).click();
  await noEnglish(page.locator('body'), '保存检索');
  await page.getByLabel('名称', { exact: true }).fill('杭州');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '杭州', exact: true })).toBeVisible();
  await noEnglish(page.locator('.sidebar'), '已保存的检索');
  await page.getByRole('searchbox', { name: '检索档案目录' }).fill('');

  // Import files: the dialog, a folder that does not exist (a service error), then real files,
  // the jobs bar and the viewer.
  await page.getByRole('button', { name: '导入…' }).click();
  const importFiles = dialog(page, '导入文件');
  await noEnglish(importFiles, '导入文件');
  await importFiles.getByLabel('或本机上的文件夹：').fill(path.join(host.libraryDir, '不存在的文件夹'));
  await importFiles.getByRole('button', { name: '预览' }).click();
  // The folder is skipped, with the service's reason for it.
  await importFiles.getByText(/^已跳过/).click();
  await noEnglish(importFiles, '导入文件：文件夹不存在（服务给出的原因）');
  await importFiles
    .getByTestId('import-files')
    .setInputFiles([{ name: '会议纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('两市代表团会谈纪要。\n') }]);
  await noEnglish(importFiles, '导入文件：预览');
  await importFiles.getByRole('button', { name: /^导入 1 个文件/ }).click();
  await noEnglish(page.locator('body'), '作业栏');
  await page
    .locator('.sidebar')
    .getByRole('button', { name: /会议纪要/ })
    .click();
  await page
    .locator('.list-pane')
    .getByRole('link', { name: /会议纪要/ })
    .first()
    .click();
  await page
    .locator('.documents')
    .getByRole('button', { name: /会议纪要/ })
    .click();
  await expect(page.getByLabel('文件文本')).toContainText('会谈纪要', { timeout: 30_000 });
  await noEnglish(page.locator('body'), '文件查看器');

  // The reader: the same file in most of the window, and its find box.
  const openReader = page.locator('.documents').getByRole('button', { name: '在阅读器中打开' });
  await openReader.click();
  const reader = dialog(page, /^阅读器：会议纪要/);
  await expect(reader.getByLabel('本页文本')).toContainText('会谈纪要');
  await page.keyboard.press('Control+f');
  await reader.getByRole('searchbox', { name: '在文档中查找' }).fill('纪要');
  await expect(reader.locator('.reader-find-count')).toHaveText('第 1 处，共 1 处');
  await expect(reader.locator('mark')).toHaveText('纪要');
  await noEnglish(reader, '阅读器');
  await reader.getByRole('searchbox', { name: '在文档中查找' }).fill('没有的词');
  await expect(reader.locator('.reader-find-count')).toHaveText('无匹配');
  await noEnglish(reader, '阅读器：无匹配');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  await expect(openReader).toBeFocused();

  // Citations and exchange: settings, a bad style file, a malformed BibTeX, a CSV with its
  // column mapping and report, a file that is not UTF-8.
  await page.goto(host.url);
  await page.getByRole('button', { name: '引文与数据交换…' }).click();
  const exchange = dialog(page, '引文与数据交换');
  await expect(exchange.getByLabel('收藏机构（档案馆）')).toBeVisible();
  await noEnglish(exchange, '引文与数据交换');
  const importFile = exchange.getByLabel('文件', { exact: true });
  await importFile.setInputFiles({
    name: '损坏.bib',
    mimeType: 'text/plain',
    buffer: Buffer.from('@article{坏, title = {没有结束'),
  });
  await exchange.getByRole('button', { name: '预览', exact: true }).click();
  await expect(exchange.getByRole('alert').filter({ hasText: 'BibTeX' })).toBeVisible();
  await noEnglish(exchange, '引文与数据交换：损坏的 BibTeX（服务错误）');
  // A GB18030 file is read as detected (the select says so); named UTF-8 it is refused with its line.
  await importFile.setInputFiles({
    name: '乱码.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([
      0x74, 0x0a, 0xba, 0xbc, 0xd6, 0xdd, 0xca, 0xd0, 0xc8, 0xcb, 0xc3, 0xf1, 0xd5, 0xfe, 0xb8, 0xae,
    ]),
  });
  const encoding = exchange.getByLabel('编码');
  await expect(encoding.locator('option:checked')).toHaveText(/^已检测：/);
  await encoding.selectOption('utf-8');
  await expect(exchange.getByRole('alert').filter({ hasText: '乱码.csv：第 2 行不是 utf-8 文本' })).toBeVisible();
  await noEnglish(exchange, '引文与数据交换：非 UTF-8 文件');
  await importFile.setInputFiles({
    name: '名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('标题,日期,类型\n友城交流座谈会纪要,2019-05-01,report\n,不是日期,letter\n'),
  });
  await expect(exchange.getByRole('button', { name: '保存此映射…' })).toBeVisible();
  await noEnglish(exchange, '引文与数据交换：列映射');
  // Chinese headers are not matched by name: previewing unmapped is refused (a service error).
  await exchange.getByRole('button', { name: '预览', exact: true }).click();
  await expect(exchange.getByRole('alert').filter({ hasText: 'CSV' })).toBeVisible();
  await noEnglish(exchange, '引文与数据交换：CSV 未映射题名（服务错误）');
  await exchange.getByLabel('标题', { exact: true }).selectOption('title');
  await exchange.getByLabel('日期', { exact: true }).selectOption('date');
  await exchange.getByLabel('类型', { exact: true }).selectOption('type');
  await exchange.getByRole('button', { name: '预览', exact: true }).click();
  await expect(exchange.locator('.import-report')).toBeVisible();
  await noEnglish(exchange, '引文与数据交换：导入报告');
  // Last, as its error stays at the top of the dialog.
  await exchange.getByLabel('安装 CSL 引文格式').setInputFiles({
    name: '坏格式.csl',
    mimeType: 'application/xml',
    buffer: Buffer.from('<style>不是引文格式</style>'),
  });
  await expect(exchange.getByRole('alert').filter({ hasText: 'CSL' })).toBeVisible();
  await noEnglish(exchange, '引文与数据交换：坏的引文格式（服务错误）');
  await exchange.getByRole('button', { name: '关闭' }).last().click();

  // Settings, with a bad maximum file size.
  await page.getByRole('button', { name: '设置…' }).click();
  const settings = dialog(page, '设置');
  await expect(settings.getByRole('heading', { name: '档案库' })).toBeVisible();
  await noEnglish(settings, '设置');
  await settings.getByLabel('可导入的最大文件（MB）').fill('-5');
  await settings.getByRole('button', { name: '保存设置' }).click();
  await noEnglish(settings, '设置：文件大小有误');
  await page.keyboard.press('Escape');

  // The keyboard shortcuts.
  await page.getByRole('button', { name: '键盘快捷键' }).click();
  await noEnglish(dialog(page, '键盘快捷键'), '键盘快捷键');
  await page.keyboard.press('Escape');

  // The service errors above wrote nothing to the console; a failed request's 4xx may have.
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 4\d\d/.test(e)));
});
