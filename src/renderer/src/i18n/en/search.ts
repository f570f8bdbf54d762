/** The search box, the results pane, facets and saved searches. */
import { SEARCH_WORDS_EN } from '../../../../shared/search/words-en';

export const search = {
  label: 'Search the catalogue',
  placeholder: 'Search titles, names, places, tags…',
  heading: 'Search results',
  sort: 'Sort',
  sortOrder: {
    relevance: 'Relevance',
    /** One of the list's orders: the list's column name and its direction (library.columns, library.ascending). */
    listed: '{{column}}, {{direction}}',
  },
  save: 'Save search…',
  name: 'Name',
  unavailable: 'Search is unavailable.',
  preparingProgress: 'Preparing the search index… {{done, number}} of {{total, number}} records.',
  preparing: 'Preparing the search index…',
  searching: 'Searching…',
  nothing: 'Nothing matches.',
  nothingFor: 'Nothing matches “{{query}}”.',
  found_one: '{{count, number}} record found.',
  found_other: '{{count, number}} records found.',
  searchingText: ' Searching the documents’ text…',
  indexLoading: ' (Found in documents’ text; the record index is still loading.)',
  understood: 'Searched for {{what}}.',
  /** What the query was understood as, part by part (src/shared/search/query.ts reports them as data). */
  query: SEARCH_WORDS_EN.query,

  /** What the query parser fixed or ignored. */
  warning: SEARCH_WORDS_EN.warning,

  note: 'Note: {{warning}}.',
  didYouMean: 'Did you mean',
  partialMatch: 'Matches all but one word',
  showMore_one: 'Show {{count}} more result',
  showMore_other: 'Show {{count}} more results',
  or: SEARCH_WORDS_EN.or,
  failed: 'Search failed',
  matchedIn: 'Matched in {{where}}',
  filters: 'filters',
  listSeparator: ', ',
  /** Where a hit matched, as the search engine names it (src/shared/search): the same words in English. */
  where: SEARCH_WORDS_EN.where,

  facets: {
    label: 'Filter the results',
    type: 'Type',
    decade: 'Decade',
    decadeValue: '{{decade}}s',
    year: 'Year',
    partnership: 'Partnership',
    organisation: 'Organisation',
    place: 'Place',
    tag: 'Tag',
    language: 'Language',
    documents: 'Documents',
    hasFile: 'Has a file',
    hasText: 'Has text',
  },
  saved: {
    heading: 'Saved searches',
    delete: 'Delete saved search {{name}}',
  },
};
