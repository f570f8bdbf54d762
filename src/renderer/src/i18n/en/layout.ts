/** The workspace's frame: panes, splitters, the sidebar's sections (English, the reference catalogue). */
export const layout = {
  skipToRecords: 'Skip to the records',
  opening: 'Opening the library…',
  openFailed: 'The library could not be opened',
  newRecord: 'New record',
  libraryPath: 'Library: {{path}}',
  choose: 'Choose a record to see its description.',
  splitters: {
    sidebar: 'Resize the sidebar',
    list: 'Resize the list',
  },
  sidebar: {
    label: 'Library',
    collections: 'Collections',
    collectionsNone: 'No collections yet.',
    expand: 'Show the collections inside {{name}}',
    partnerships: 'Partnerships',
    partnershipsNone: 'No partnerships yet.',
    tags: 'Tags',
    tagsNone: 'No tags yet.',
    imports: 'Recent imports',
    importsNone: 'Nothing imported yet.',
    importName: '{{name}} and {{count, number}} more',
    since: 'since {{year}}',
  },
};
