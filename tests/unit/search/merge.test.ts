/** Where a hit matched travels as keys from both engines, and the CLI words them in English. */
import { describe, expect, it } from 'vitest';
import { MatchedIn, MATCHED_FIELDS } from '../../../src/shared/channels/search';
import { LINK_ROLES } from '../../../src/shared/model';
import { buildRecordSearch } from '../../../src/shared/search/engine';
import { mergeHits, type TextHit } from '../../../src/shared/search/merge';
import { matchedInWords } from '../../../src/main/cli/format';
import type { SearchDocument } from '../../../src/shared/search/document';

const doc = (id: number, fields: Partial<SearchDocument>): SearchDocument => ({
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

const text = (recordId: number, foundIn: TextHit['foundIn'], fileName = '', page = 0): TextHit => ({
  recordId,
  title: `Record ${recordId}`,
  type: 'other',
  date: '',
  referenceCode: '',
  foundIn,
  fileName,
  page,
  rank: -1,
  snippet: [],
});

describe('where a hit matched, as keys', () => {
  const search = buildRecordSearch([
    doc(1, { title: 'Qingdao memorandum', links: [{ kind: 'person', name: 'Judith Blake', altNames: [], roles: ['signatory'] }] }),
    doc(2, { title: 'Signing photo' }),
  ]);

  it('adds the pages and text of the record to its own fields, each once, without "catalogue fields"', () => {
    const hits = search.search('qingdao').hits;
    const merged = mergeHits(hits, [text(1, 'record'), text(1, 'description'), text(1, 'page', 'mou.pdf', 3), text(1, 'description')], ['qingdao']);
    expect(merged[0]!.matchedIn).toEqual([{ field: 'title' }, { field: 'description' }, { field: 'page', page: 3, file: 'mou.pdf' }]);
    expect(merged[0]!.pages).toEqual([{ field: 'page', page: 3, file: 'mou.pdf' }]);
    for (const m of merged[0]!.matchedIn) expect(MatchedIn.parse(m)).toEqual(m);
  });

  it('a record found only by its text says so, catalogue fields included', () => {
    const merged = mergeHits([], [text(2, 'record'), text(2, 'page', 'scan.pdf', 2)], ['photo']);
    expect(merged[0]!.matchedIn).toEqual([{ field: 'catalogue' }, { field: 'page', page: 2, file: 'scan.pdf' }]);
  });

  it('the CLI words every key in English, as it always printed them', () => {
    expect(MATCHED_FIELDS.map((field) => matchedInWords({ field }))).toEqual([
      'title',
      'title (other language)',
      'reference code',
      'person',
      'organisation',
      'place',
      'event',
      'partnership',
      'tag',
      'outlet',
      'type',
      'date',
      'description',
      'text',
      'catalogue fields',
    ]);
    expect(LINK_ROLES.map((role) => matchedInWords({ field: 'role', role }))).toEqual([...LINK_ROLES]);
    expect(matchedInWords({ field: 'page', page: 2, file: 'scan.pdf' })).toBe('page 2 of scan.pdf');
  });
});
