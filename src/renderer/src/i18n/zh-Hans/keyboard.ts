import type { Messages } from '../messages';
import type { keyboard as en } from '../en/keyboard';

export const keyboard: Messages<typeof en> = {
  title: '键盘快捷键',
  intro: '单字母快捷键仅在光标不在文本框中时有效。',
  open: '键盘快捷键',
  keys: '按键',
  action: '操作',
  or: '或',
  groups: {
    records: '记录',
    navigation: '浏览',
    editing: '编辑',
    app: '应用',
  },
  actions: {
    newRecord: '新建记录',
    focusSearch: '检索档案目录',
    save: '保存正在编辑的记录',
    delete: '删除所选记录（会先确认）',
    edit: '编辑所选记录',
    next: '列表中的下一条记录',
    previous: '列表中的上一条记录',
    openFile: '打开所选记录的文件',
    undo: '撤销',
    redo: '重做',
    settings: '设置',
    help: '显示此列表',
    closeDialog: '关闭对话框或清除检索',
  },
  confirmDelete: {
    title: '删除此记录？',
    message: '将删除“{{title}}”及其关联。其文件仍保留在档案库的存储区中。',
    confirm: '删除',
  },
  noFile: '此记录没有可打开的文件。',
  deleteFailed: '无法删除该记录',
};
