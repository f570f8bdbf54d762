/** Undo and redo: the header's buttons, their status line and what each change is called. */
export const undo = {
  undo: 'Undo',
  redo: 'Redo',
  undoWhat: 'Undo {{what}}',
  redoWhat: 'Redo {{what}}',
  nothingToUndo: 'Nothing to undo',
  nothingToRedo: 'Nothing to redo',
  undone: 'Undone: {{what}}.',
  redone: 'Redone: {{what}}.',
  refused: 'Could not undo or redo {{what}}: {{message}}',
  working: 'Working…',
  notKept: {
    session_one:
      'Not kept across the reload: {{what}} (a step of its kind can be undone only in the session that made it).',
    session_other:
      'Not kept across the reload: {{what}} and the steps before it, {{count, number}} in all (a step of its kind can be undone only in the session that made it, and the earlier ones only after it).',
    size_one: 'Not kept across the reload: the oldest step, {{what}} (the history was too large to store).',
    size_other:
      'Not kept across the reload: the {{count, number}} oldest steps, up to {{what}} (the history was too large to store).',
  },
  dismiss: 'Dismiss this message',
  what: {
    edit: 'the edit of “{{title}}”',
    create: 'the creation of “{{title}}”',
    delete: 'the deletion of “{{title}}”',
    batch_one: 'the batch change to {{count}} record',
    batch_other: 'the batch change to {{count}} records',
    authorityEdit: 'the edit of {{name}}',
    merge: 'the merge of “{{merge}}” into “{{keep}}”',
  },
  changedSince:
    '“{{title}}” has changed since (in another window, the command line or by a colleague); it was left as it is. Open it to make the change by hand.',
};
