/**
 * Dates as bibliographies write them (issue 10): ranges, seasons, circa, literal dates ("[1965?]",
 * "1980ff", "n.d.") and year suffixes ("1992a"). Import reads them into partial dates and keeps
 * what those cannot say; export gives the item's date back; a style prints them as the official
 * style prints the original item. A year suffix is never stored or printed by us: citeproc adds
 * one when two works of an author and year need it.
 */
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../../src/main/cite/csl-item';
import { readBibliographicDate } from '../../../src/main/exchange/dates';
import { oracleStyle, renderWithOracle } from '../cite/oracle';
import { openTestLibrary } from '../../support/catalogue';

describe('readBibliographicDate', () => {
  it.each([
    ['2018', { date: '2018' }],
    ['14 September 2018', { date: '2018-09-14' }],
    ['1992a', { date: '1992', suffix: true }],
    ['2001–2009', { date: '2001', end: '2009' }],
    ['2001--2009', { date: '2001', end: '2009' }],
    ['2001-2009', { date: '2001', end: '2009' }],
    ['1987-08-03/2003-10-23', { date: '1987-08-03', end: '2003-10-23' }],
    ['c. 1890', { date: '1890', circa: true }],
    ['circa 1890', { date: '1890', circa: true }],
    ['[1965?]', { date: '1965', circa: true, text: '[1965?]' }],
    ['1965?', { date: '1965', circa: true, text: '1965?' }],
    ['1980ff', { date: '1980', text: '1980ff' }],
    ['Winter 1999', { date: '1999', season: 4 }],
    ['n.d.', {}],
    ['Ming dynasty', { text: 'Ming dynasty' }],
  ])('%s', (raw, reading) => expect(readBibliographicDate(raw)).toEqual(reading));

  it('reads "2001-09" as a month, not a range', () => {
    expect(readBibliographicDate('2001-09')).toEqual({ date: '2001-09' });
  });
});

const item = (id: string, issued: unknown, extra: Record<string, unknown> = {}): CslItem => ({
  id,
  type: 'book',
  title: `Book ${id}`,
  author: [{ family: 'Harrison', given: 'Ada' }],
  publisher: 'Leeds University Press',
  issued,
  ...extra,
});

describe('import and export of bibliography dates', () => {
  const ITEMS = [
    item('range', {
      'date-parts': [
        [1987, 8, 3],
        [2003, 10, 23],
      ],
    }),
    item('years', { 'date-parts': [[1988], [1995]] }),
    item('season', { 'date-parts': [[1999]], season: 4 }),
    item('circa', { 'date-parts': [[1890]], circa: true }),
    item('literal', { literal: '[1965?]' }),
    item('ff', { raw: '1980ff' }),
    item('raw-range', { raw: '2001--2009' }),
    item('nd', { raw: 'n.d.' }),
  ];

  it('reads each into a partial date, keeps what it cannot say, and exports the item’s date', async () => {
    const lib = await openTestLibrary();
    const report = await lib.ok('importMetadata', { content: JSON.stringify(ITEMS), format: 'csl-json' });
    expect(report.imported).toBe(ITEMS.length);
    const ids = report.rows.map((r) => r.recordId!);
    const records = await Promise.all(ids.map((id) => lib.ok('getRecord', { id })));
    const dates = records.map((r) => [r.date, r.dateEnd, r.dateApproximate, r.dateText]);
    expect(dates).toEqual([
      ['1987-08-03', '2003-10-23', false, null],
      ['1988', '1995', false, null],
      ['1999', null, false, null],
      ['1890', null, true, null],
      ['1965', null, true, '[1965?]'],
      ['1980', null, false, '1980ff'],
      ['2001', '2009', false, null],
      [null, null, false, null],
    ]);
    const out = JSON.parse((await lib.ok('exportCitations', { ids, format: 'csl-json' })).content) as CslItem[];
    expect(out.map((i) => i.issued)).toEqual(ITEMS.map((i) => i.issued));
    await lib.close();
  });

  it('prints a range as the official style prints it (not "1987, August 3–2003October 23")', async () => {
    const lib = await openTestLibrary();
    const report = await lib.ok('importMetadata', { content: JSON.stringify([ITEMS[0]]), format: 'csl-json' });
    const cited = await lib.ok('citeRecords', { ids: [report.rows[0]!.recordId!], style: 'chicago-author-date' });
    const official = renderWithOracle(oracleStyle('chicago-author-date'), [ITEMS[0]!]);
    expect(cited.entries[0]!.text).toBe(official.entries[0]!.text);
    expect(cited.entries[0]!.text).not.toMatch(/2003October/);
    expect(cited.inText.text).toBe(official.inText.text);
    await lib.close();
  });

  it('drops a year suffix: "1992a" is 1992, and the style adds a and b itself when two works need them', async () => {
    const lib = await openTestLibrary();
    const two = [
      item('a', { raw: '1992a' }, { title: 'First book' }),
      item('b', { 'date-parts': [['1992b']] }, { title: 'Second book' }),
    ];
    const report = await lib.ok('importMetadata', { content: JSON.stringify(two), format: 'csl-json' });
    const ids = report.rows.map((r) => r.recordId!);
    const records = await Promise.all(ids.map((id) => lib.ok('getRecord', { id })));
    expect(records.map((r) => [r.date, r.dateText, r.cslForms?.issued])).toEqual([
      ['1992', null, undefined],
      ['1992', null, undefined],
    ]);
    const alone = await lib.ok('citeRecords', { ids: [ids[0]!], style: 'apa' });
    expect(alone.entries[0]!.text).toContain('(1992)');
    expect(alone.inText.text).toBe('(Harrison, 1992)');
    const both = await lib.ok('citeRecords', { ids, style: 'apa' });
    expect(both.inText.text).toBe('(Harrison, 1992a, 1992b)');
    await lib.close();
  });
});
