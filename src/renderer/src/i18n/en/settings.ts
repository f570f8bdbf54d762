/** The settings screen. */
export const settings = {
  open: 'Settings…',
  title: 'Settings',
  saved: 'Settings saved.',
  failed: 'The settings could not be saved',
  loadFailed: 'The settings could not be loaded',
  save: 'Save settings',
  library: {
    heading: 'Library',
    current: 'Current library',
    records_one: '{{count, number}} record',
    records_other: '{{count, number}} records',
    other: 'Another library',
    otherDesktop:
      'In the desktop app, File → Open Library… opens another library folder, or an empty folder as a new library.',
    folder: 'Library folder (full path)',
    folderHelp:
      'A folder holding a library, or an empty or new folder for a new library. The library in use is closed first; nothing in it changes.',
    openOther: 'Open this library',
    create: 'Create a new library here',
    opening: 'Opening…',
    openFailed: 'The library was not opened',
    atStart: 'At start, the browser host opens the library given by',
    otherEnv: 'or the environment variable',
  },
  citations: {
    heading: 'Citations',
    archiveName: 'Holding archive',
    archiveNameHelp: 'Printed as the archive in every citation.',
    archivePlace: 'Its place',
    defaultStyle: 'Default citation style',
  },
  documents: {
    heading: 'Documents',
    maxFile: 'Largest file to import (MB)',
    maxFileHelp: 'Larger files are refused at import, with the reason. Empty: the default ({{size}}).',
    maxFileEnvironment:
      'Set for this run by CIVIC_ARCHIVE_MAX_FILE_BYTES ({{size}}); the library’s own setting applies when it is not set.',
    notNumber: 'Largest file: “{{value}}” is not a number of megabytes',
    ocr: 'OCR languages',
    ocrHelp:
      'Scans are read in English and Simplified Chinese. To add a language, put its Tesseract .traineddata file in the library’s ocr/ folder; CIVIC_ARCHIVE_OCR_LANGS (e.g. eng+chi_sim) limits the languages for a run.',
  },
  backups: {
    heading: 'Backups',
    kept: 'Automatic copies of the catalogue to keep',
    keptHelp:
      'At most one a day, made in the library’s backups/ folder when it is opened after a change. 0: none. Copies made before an upgrade or by hand are never deleted.',
    notCount: 'Automatic copies: “{{value}}” is not a whole number from 0 to 365',
  },
  interface: {
    heading: 'Interface',
    help: 'Language, theme and the list’s rows apply at once and are remembered on this computer.',
    density: { label: 'List rows', comfortable: 'Comfortable', compact: 'Compact' },
  },
};
