/** The labels of a published item's fields: the same in the record pane and the editor. */
export const PUBLICATION_LABELS = {
  cslType: '出版物类型',
  dateText: '原文日期写法',
  containerTitle: '所载文献',
  collectionTitle: '丛书',
  volume: '卷',
  issue: '期',
  page: '页码',
  edition: '版次',
  number: '编号',
  publisherPlace: '出版地',
  genre: '体裁',
  format: '载体或形式',
  doi: 'DOI',
  isbn: 'ISBN',
  issn: 'ISSN',
  accessed: '访问日期',
};
