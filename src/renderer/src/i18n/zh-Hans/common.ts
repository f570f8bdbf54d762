import type { Messages } from '../messages';
import type { common as en } from '../en/common';

/** 简体中文: the same keys as the English catalogue (the type says so). */
export const common: Messages<typeof en> = {
  appName: '城市档案',
  save: '保存',
  cancel: '取消',
  close: '关闭',
  delete: '删除',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  loading: '正在加载…',
  choosePath: '选择…',
  theme: {
    label: '主题',
    system: '跟随系统',
    light: '浅色',
    dark: '深色',
  },
  language: {
    label: '语言',
  },
};
