/** The timeline of records per year (English, the reference catalogue). */
export const timeline = {
  heading: 'Timeline',
  ofLibrary: 'Records per year in the library',
  ofPartnership: 'Records per year: {{name}}',
  ofSearch: 'Records per year in the search results',
  ofFilter: 'Records per year in this list',
  bar_one: '{{year}}: {{count, number}} record',
  bar_other: '{{year}}: {{count, number}} records',
  undated_one: 'and {{count, number}} undated record',
  undated_other: 'and {{count, number}} undated records',
  empty: 'No dated records to show.',
  loadFailed: 'The timeline could not be loaded',
  hide: 'Hide the timeline',
  show: 'Show the timeline',
  chosen: 'Showing {{year}} only',
};
