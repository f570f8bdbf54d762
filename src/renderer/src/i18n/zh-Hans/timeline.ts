/** 按年份统计记录的时间轴（简体中文）。 */
import type { timeline as en } from '../en/timeline';
import type { Messages } from '../messages';

export const timeline: Messages<typeof en> = {
  heading: '时间轴',
  ofLibrary: '档案库中每年的记录数',
  ofPartnership: '每年的记录数：{{name}}',
  ofSearch: '搜索结果中每年的记录数',
  ofFilter: '此列表中每年的记录数',
  bar_one: '{{year}}年：{{count, number}} 条记录',
  bar_other: '{{year}}年：{{count, number}} 条记录',
  undated_one: '另有 {{count, number}} 条无日期记录',
  undated_other: '另有 {{count, number}} 条无日期记录',
  empty: '没有带日期的记录可显示。',
  loadFailed: '无法加载时间轴',
  hide: '隐藏时间轴',
  show: '显示时间轴',
  chosen: '只显示 {{year}} 年',
};
