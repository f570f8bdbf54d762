/** The labels of a published item's fields: the same in the record pane and the editor. */
export const PUBLICATION_LABELS = {
  cslType: 'Publication type',
  dateText: 'Date as written',
  containerTitle: 'Published in',
  collectionTitle: 'Series',
  volume: 'Volume',
  issue: 'Issue',
  page: 'Pages',
  edition: 'Edition',
  number: 'Number',
  publisherPlace: 'Place of publication',
  genre: 'Genre',
  format: 'Format or medium',
  doi: 'DOI',
  isbn: 'ISBN',
  issn: 'ISSN',
  accessed: 'Accessed',
};
