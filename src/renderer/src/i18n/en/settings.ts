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
    otherDesktop: 'In the desktop app, File → Open Library… opens another library folder, or an empty folder as a new library.',
    otherHost: 'The browser host serves one library; to open another, or create a new one in an empty folder, start it with',
    otherEnv: 'or set the environment variable',
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
    maxFileEnvironment: 'Set for this run by CIVIC_ARCHIVE_MAX_FILE_BYTES ({{size}}); the library’s own setting applies when it is not set.',
    notNumber: 'Largest file: “{{value}}” is not a number of megabytes',
    ocr: 'OCR languages',
    ocrHelp: 'Scans are read in English and Simplified Chinese. To add a language, put its Tesseract .traineddata file in the library’s ocr/ folder; CIVIC_ARCHIVE_OCR_LANGS (e.g. eng+chi_sim) limits the languages for a run.',
  },
  interface: {
    heading: 'Interface',
    help: 'Language and theme apply at once and are remembered on this computer.',
  },
};
