/** Where a hit matched and what a query meant travel as data; the CLI words them in English. */
import { describe, expect, it } from 'vitest';
import { MatchedIn, MATCHED_FIELDS } from '../../../src/shared/channels/search';
import { LINK_ROLES } from '../../../src/shared/model';
import { buildRecordSearch } from '../../../src/shared/search/engine';
import { mergeHits, type TextHit } from '../../../src/shared/search/merge';
import { matchedInWords, understoodWords, warningWords } from '../../../src/main/cli/format';
import { parseQuery } from '../../../src/shared/search/query';
import { doc } from '../../support/search-documents';

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
    doc(1, {
      title: 'Qingdao memorandum',
      links: [{ kind: 'person', name: 'Judith Blake', altNames: [], roles: ['signatory'] }],
    }),
    doc(2, { title: 'Signing photo' }),
  ]);

  it('adds the pages and text of the record to its own fields, each once, without "catalogue fields"', () => {
    const hits = search.search('qingdao').hits;
    const merged = mergeHits(
      hits,
      [text(1, 'record'), text(1, 'description'), text(1, 'page', 'mou.pdf', 3), text(1, 'description')],
      ['qingdao'],
    );
    expect(merged[0]!.matchedIn).toEqual([
      { field: 'title' },
      { field: 'description' },
      { field: 'page', page: 3, file: 'mou.pdf' },
    ]);
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

describe('what a query was understood as, worded by the CLI', () => {
  const said = (query: string) => {
    const q = parseQuery(query);
    return { understood: q.understood.map(understoodWords).join(', '), warnings: q.warnings.map(warningWords) };
  };

  it('says each part as it always did', () => {
    expect(said('person:blake -qingdao').understood).toBe('a person matching “blake”, not “qingdao”');
    expect(said('title:"light night" OR leeds OR ref:LCC1 year:2018 type:mou').understood).toBe(
      'title matching the phrase “light night” or “leeds” or the reference code matching “LCC1”, in 2018, type Agreement',
    );
    expect(said('from:2018-09 to:2019').understood).toBe('from 2018-09, to 2019');
  });

  it('an OR after a filter joins the words it follows, not the filter', () => {
    expect(parseQuery('leeds OR year:2018 hangzhou').understood.map(understoodWords)).toEqual([
      '“leeds” or “hangzhou”',
      'in 2018',
    ]);
  });

  it('says every fix it made', () => {
    expect(said('"open OR').warnings).toEqual(['added the missing closing quote']);
    expect(said('OR leeds to:nope year:18 type:podcast note:x from:2020 to:2019 from:').warnings).toEqual([
      '“OR” needs words on both sides; it was ignored',
      'to: needs a date like 2018 or 2018-09 (“nope” ignored)',
      'year: needs four digits (“18” ignored)',
      'type: “podcast” is not a record type; ignored',
      '“note:” is not a field; searched as words',
      'from: needs a date like 2018 or 2018-09 (nothing given)',
      'the dates run backwards (from 2020-01-01 to 2019-12-31); swapped them',
    ]);
  });
});
