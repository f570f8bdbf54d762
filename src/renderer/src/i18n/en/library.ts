/** The record list, its columns, selection and filters (English, the reference catalogue). */
export const library = {
  allRecords: 'All records',
  recordCount_one: '{{count, number}} record',
  recordCount_other: '{{count, number}} records',
  gridLabel: 'Records',
  loadFailed: 'The list could not be loaded',
  noRecords: 'No records here.',
  loadingRow: 'Loading…',
  undated: 'undated',
  sortedBy: 'Sorted by {{column}}, {{direction}}',
  ascending: 'ascending',
  descending: 'descending',
  columns: {
    thumbnail: 'Preview',
    type: 'Type',
    title: 'Title',
    date: 'Date',
    referenceCode: 'Reference',
    updatedAt: 'Updated',
  },
  resizeColumn: 'Resize the {{column}} column',
  chooser: {
    button: 'Columns',
    legend: 'Columns shown',
    titleAlways: 'The title is always shown',
  },
  selection: {
    selectAll: 'Select all matching records',
    selectRow: 'Select {{title}}',
    // The header's menu says "3 selected"; the list's line says what, for screen readers as it changes.
    selected_one: '{{count, number}} record selected',
    selected_other: '{{count, number}} records selected',
    capped:
      'The first {{limit, number}} of {{total, number}} matching records are selected (the most a batch can change at once).',
    clear: 'Clear the selection',
    help: 'Up and Down move the selection, Shift extends it, Space adds or removes a record, Enter opens it, Ctrl+A (⌘A) selects every matching record.',
  },
  filters: {
    label: 'Filters',
    linkedTo: 'Linked to {{name}}',
    collection: 'Collection: {{name}}',
    tag: 'Tag: {{name}}',
    year: 'Year: {{year}}',
    importBatch: 'Import: {{name}}',
    remove: 'Remove the filter “{{label}}”',
    clearAll: 'Show all records',
  },
  types: {
    heading: 'Record types',
  },
};
