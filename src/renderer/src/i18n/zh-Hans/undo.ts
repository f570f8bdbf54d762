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
  notKept: {
    session_one: '重新加载后未保留：{{what}}（此类操作只能在执行它的会话中撤销）。',
    session_other:
      '重新加载后未保留：{{what}}及其之前的操作，共 {{count, number}} 步（此类操作只能在执行它的会话中撤销，之前的操作只能在它之后撤销）。',
    size_one: '重新加载后未保留：最早的一步，{{what}}（撤销历史过大，无法全部保存）。',
    size_other: '重新加载后未保留：最早的 {{count, number}} 步，直到{{what}}（撤销历史过大，无法全部保存）。',
  },
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
