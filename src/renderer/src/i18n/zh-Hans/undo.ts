import type { Messages } from '../messages';
import type { undo as en } from '../en/undo';

export const undo: Messages<typeof en> = {
  undo: '撤销',
  redo: '重做',
  undoWhat: '撤销{{what}}',
  redoWhat: '重做{{what}}',
  nothingToUndo: '没有可撤销的操作',
  nothingToRedo: '没有可重做的操作',
  undone: '已撤销：{{what}}。',
  redone: '已重做：{{what}}。',
  refused: '无法撤销或重做{{what}}：{{message}}',
  working: '处理中…',
  dismiss: '关闭此消息',
  what: {
    edit: '对“{{title}}”的编辑',
    create: '“{{title}}”的创建',
    delete: '“{{title}}”的删除',
    batch_one: '对 {{count}} 条记录的批量修改',
    batch_other: '对 {{count}} 条记录的批量修改',
    authorityEdit: '对{{name}}的编辑',
    merge: '将“{{merge}}”合并到“{{keep}}”',
  },
  changedSince: '“{{title}}”此后已被修改（在其他窗口、命令行或由同事修改），因此保持原样。请打开该记录手动修改。',
};
