/** 工作区框架：窗格、分隔条、侧栏各部分（简体中文）。 */
import type { layout as en } from '../en/layout';
import type { Messages } from '../messages';

export const layout: Messages<typeof en> = {
  skipToRecords: '跳到记录列表',
  opening: '正在打开档案库…',
  openFailed: '无法打开档案库',
  newRecord: '新建记录',
  libraryPath: '档案库：{{path}}',
  choose: '选择一条记录以查看其著录。',
  splitters: {
    sidebar: '调整侧栏宽度',
    list: '调整列表宽度',
  },
  selection: {
    ticked_zero: '未选择记录',
    ticked_one: '已选 {{count, number}} 条',
    ticked_other: '已选 {{count, number}} 条',
    results_one: '{{count, number}} 条结果',
    results_other: '{{count, number}} 条结果',
    label_one: '对 {{count, number}} 条记录的操作',
    label_other: '对 {{count, number}} 条记录的操作',
    cite_one: '引用 {{count, number}} 条记录…',
    cite_other: '引用 {{count, number}} 条记录…',
    export_one: '将 {{count, number}} 条记录导出为 {{format}}',
    export_other: '将 {{count, number}} 条记录导出为 {{format}}',
    exported_one: '已将 {{count, number}} 条记录导出为 {{format}}。',
    exported_other: '已将 {{count, number}} 条记录导出为 {{format}}。',
    formats: { csv: 'CSV', json: 'JSON', bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' },
  },
  sidebar: {
    label: '档案库',
    // 案卷 is one level (a file); the sidebar lists every level, so it says 全宗／系列 as the record form does.
    collections: '全宗／系列',
    collectionsNone: '尚无全宗／系列。',
    expand: '显示“{{name}}”的下级',
    partnerships: '友好关系',
    partnershipsNone: '尚无友好关系。',
    tags: '标签',
    tagsNone: '尚无标签。',
    imports: '最近导入',
    importsNone: '尚未导入任何文件。',
    importName: '{{name}} 等 {{count, number}} 个',
    since: '始于 {{year}} 年',
  },
};
