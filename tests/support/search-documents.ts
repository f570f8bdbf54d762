/** A search document with every field empty but those given: the engine's tests build their corpora from it. */
import type { SearchDocument } from '../../src/shared/search/document';

export const doc = (id: number, fields: Partial<SearchDocument>): SearchDocument => ({
  id,
  type: 'other',
  agreementKind: '',
  title: '',
  titleAlt: '',
  date: '',
  dateEnd: '',
  referenceCode: '',
  links: [],
  tags: [],
  languages: [],
  outlet: '',
  description: '',
  hasFile: false,
  hasText: false,
  ...fields,
});
