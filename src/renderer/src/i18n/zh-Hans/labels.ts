import type { Messages } from '../messages';
import type { labels as en } from '../en/labels';

/** 简体中文：档案著录用语。 */
export const labels: Messages<typeof en> = {
  recordType: {
    'press-release': '新闻稿',
    agreement: '协议',
    'media-coverage': '媒体报道',
    photograph: '照片',
    letter: '信函',
    report: '报告',
    'event-programme': '活动日程',
    other: '其他',
  },
  agreementKind: {
    mou: '谅解备忘录',
    memorandum: '备忘录',
    contract: '合同',
    'letter-of-intent': '意向书',
    agreement: '协议',
  },
  medium: {
    television: '电视',
    radio: '广播',
    newspaper: '报纸',
    magazine: '杂志',
    web: '网络',
  },
  access: {
    open: '开放',
    restricted: '限制利用',
    closed: '不开放',
  },
  commitmentStatus: {
    proposed: '拟议',
    'in-progress': '进行中',
    fulfilled: '已履行',
    lapsed: '已失效',
    unknown: '状态不明',
  },
  role: {
    author: '责任者',
    issuer: '发布方',
    signatory: '签署人',
    party: '缔约方',
    speaker: '发言人',
    performer: '表演者',
    mentioned: '提及',
    subject: '主题',
    photographer: '摄影者',
    publisher: '出版者',
  },
  authorityKind: {
    person: '人物',
    organisation: '机构',
    place: '地点',
    event: '事件',
    partnership: '合作关系',
  },
  authorityGroup: {
    person: '人物',
    organisation: '机构',
    place: '地点',
    event: '事件',
    partnership: '合作关系',
  },
};
