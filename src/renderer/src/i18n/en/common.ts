/** Strings shared across the workspace (English, the reference catalogue every other language mirrors). */
export const common = {
  appName: 'Civic Archive',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  delete: 'Delete',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  loading: 'Loading…',
  /** Shows the system dialog for a file or folder (desktop app). */
  choosePath: 'Choose…',
  theme: {
    label: 'Theme',
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
  language: {
    label: 'Language',
  },
};
