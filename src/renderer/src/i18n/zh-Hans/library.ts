/** 记录列表、列、选择与筛选（简体中文）。 */
import type { library as en } from '../en/library';
import type { Messages } from '../messages';

export const library: Messages<typeof en> = {
  allRecords: '全部记录',
  recordCount_one: '{{count, number}} 条记录',
  recordCount_other: '{{count, number}} 条记录',
  gridLabel: '记录',
  loadFailed: '无法加载列表',
  noRecords: '这里没有记录。',
  loadingRow: '加载中…',
  undated: '无日期',
  sortedBy: '按{{column}}{{direction}}排列',
  ascending: '升序',
  descending: '降序',
  columns: {
    thumbnail: '预览',
    type: '类型',
    title: '标题',
    creators: '形成者',
    date: '日期',
    referenceCode: '档号',
    collection: '全宗／系列',
    tags: '标签',
    updatedAt: '更新时间',
  },
  resizeColumn: '调整“{{column}}”列的宽度',
  chooser: {
    button: '列',
    legend: '显示的列',
    titleAlways: '标题始终显示',
  },
  selection: {
    selectAll: '选择所有符合条件的记录',
    selectRow: '选择“{{title}}”',
    selected_one: '已选中 {{count, number}} 条记录',
    selected_other: '已选中 {{count, number}} 条记录',
    capped: '已选择 {{total, number}} 条符合条件的记录中的前 {{limit, number}} 条（批量修改一次最多处理这么多）。',
    clear: '取消选择',
    help: '上、下方向键移动选择，按住 Shift 扩展选择，按住 Ctrl（⌘）只移动焦点、不改变选择，空格键加入或移除一条记录，回车键打开，Ctrl+A（⌘A）选择所有符合条件的记录。',
  },
  filters: {
    label: '筛选条件',
    linkedTo: '关联：{{name}}',
    collection: '全宗／系列：{{name}}',
    tag: '标签：{{name}}',
    year: '年份：{{year}}',
    importBatch: '导入：{{name}}',
    remove: '移除筛选条件“{{label}}”',
    clearAll: '显示全部记录',
  },
  types: {
    heading: '记录类型',
  },
};
