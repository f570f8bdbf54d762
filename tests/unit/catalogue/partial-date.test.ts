import { describe, expect, it } from 'vitest';
import {
  dateEntryText,
  describeDateEntry,
  earliestDay,
  latestDay,
  parseDateEntry,
  partialDateProblem,
  precisionOf,
  rangeProblem,
  type DateEntry,
} from '../../../src/shared/partial-date';

describe('partial ISO dates', () => {
  it('accepts years, months and days that exist', () => {
    for (const d of ['1988', '2018-09', '2018-09-14', '2020-02-29', '0001'])
      expect(partialDateProblem(d), d).toBeNull();
  });
  it('names what is wrong with a date that does not exist', () => {
    expect(partialDateProblem('2018-13-40')).toMatch(/month 13 does not exist/);
    expect(partialDateProblem('2018-00')).toMatch(/month 00/);
    expect(partialDateProblem('2019-02-29')).toMatch(/day 29 does not exist in 2019-02 \(it has 28 days\)/);
    expect(partialDateProblem('2018-04-31')).toMatch(/day 31/);
    expect(partialDateProblem('0000')).toMatch(/no year 0000/);
    for (const d of ['18', '2018-9', '2018/09/14', 'Sept 2018', '', '2018-09-14T10:00'])
      expect(partialDateProblem(d), d).toMatch(/not a date/);
  });
  it('knows its precision and the days it spans', () => {
    expect(precisionOf('2018')).toBe('year');
    expect(precisionOf('2018-09')).toBe('month');
    expect(precisionOf('2018-09-14')).toBe('day');
    expect([earliestDay('2018'), latestDay('2018')]).toEqual(['2018-01-01', '2018-12-31']);
    expect(latestDay('2020-02')).toBe('2020-02-29');
    expect(latestDay('2018-09-14')).toBe('2018-09-14');
  });
  it('compares ranges at the precision given', () => {
    expect(rangeProblem('2018-09', '2018')).toBeNull(); // the end year contains the start month
    expect(rangeProblem('2018-09-14', '2018-09')).toBeNull();
    expect(rangeProblem('2019', '2018-12')).toMatch(/before the start date/);
  });
});

/** The value read, or the test fails with the problem. */
function read(text: string, options?: Parameters<typeof parseDateEntry>[1]): DateEntry | null {
  const r = parseDateEntry(text, options);
  if (!r.ok) throw new Error(`${text}: ${r.problem.message}`);
  return r.value;
}
const single = (date: string, approximate = false): DateEntry => ({ date, dateEnd: null, approximate });
const range = (date: string, dateEnd: string, approximate = false): DateEntry => ({ date, dateEnd, approximate });

describe('reading a date as an archivist types it', () => {
  it('reads ISO forms, month names and day-first numeric dates', () => {
    const cases: [string, DateEntry][] = [
      ['2018', single('2018')],
      ['2018-09', single('2018-09')],
      ['2018-9', single('2018-09')],
      ['Sept 2018', single('2018-09')],
      ['sep. 2018', single('2018-09')],
      ['September 2018', single('2018-09')],
      ['14 Sept 2018', single('2018-09-14')],
      ['14th September, 2018', single('2018-09-14')],
      ['September 14, 2018', single('2018-09-14')],
      ['2018-09-14', single('2018-09-14')],
      ['14/09/2018', single('2018-09-14')],
      ['14.09.2018', single('2018-09-14')],
      ['1/2/2019', single('2019-02-01')], // day first: 1 February, not January 2
      ['09/2018', single('2018-09')],
      ['  ２０１８年９月  ', single('2018-09')], // full-width digits
    ];
    for (const [text, value] of cases) expect(read(text), text).toEqual(value);
  });

  it('reads Chinese dates', () => {
    expect(read('2018年')).toEqual(single('2018'));
    expect(read('2018年9月')).toEqual(single('2018-09'));
    expect(read('2018年9月14日')).toEqual(single('2018-09-14'));
    expect(read('2018年9月14号')).toEqual(single('2018-09-14'));
    expect(read('约1988年')).toEqual(single('1988', true));
    expect(read('1988年左右')).toEqual(single('1988', true));
    expect(read('2018年9月至2019年6月')).toEqual(range('2018-09', '2019-06'));
    expect(read('2018年9月14日至16日')).toEqual(range('2018-09-14', '2018-09-16'));
    expect(read('2018年9月至12月')).toEqual(range('2018-09', '2018-12'));
  });

  it('reads approximate dates', () => {
    for (const text of [
      'c. 1988',
      'c.1988',
      'c 1988',
      'circa 1988',
      'ca. 1988',
      'ca 1988',
      '1988?',
      '[1988?]',
      'approx. 1988',
    ]) {
      expect(read(text), text).toEqual(single('1988', true));
    }
    expect(read('c. Sept 2018')).toEqual(single('2018-09', true));
  });

  it('reads ranges, filling in what the first half leaves out', () => {
    expect(read('1988–1990')).toEqual(range('1988', '1990'));
    expect(read('1988-1990')).toEqual(range('1988', '1990'));
    expect(read('1988 — 1990')).toEqual(range('1988', '1990'));
    expect(read('Sept 2018 to June 2019')).toEqual(range('2018-09', '2019-06'));
    expect(read('from 2018-09 to 2019-06')).toEqual(range('2018-09', '2019-06'));
    expect(read('between 1988 and 1990')).toEqual(range('1988', '1990'));
    expect(read('14–16 Sept 2018')).toEqual(range('2018-09-14', '2018-09-16'));
    expect(read('Sept–Dec 2018')).toEqual(range('2018-09', '2018-12'));
    expect(read('2018-09-14 to 16')).toEqual(range('2018-09-14', '2018-09-16'));
    expect(read('c. 1988–1990')).toEqual(range('1988', '1990', true));
    expect(read('1980s')).toEqual(range('1980', '1989'));
    // The second year shortened, as often written; "1988-09" is still September.
    expect(read('1988–90')).toEqual(range('1988', '1990'));
    expect(read('1988-90')).toEqual(range('1988', '1990'));
    expect(read('1998-02')).toEqual(single('1998-02'));
    expect(read('1999–01')).toEqual(range('1999', '2001'));
    expect(read('c. 1988–90')).toEqual(range('1988', '1990', true));
    // A range within one day is that day.
    expect(read('2018-09-14 to 14 Sept 2018')).toEqual(single('2018-09-14'));
  });

  it('says clearly what it cannot read, and why a date does not exist', () => {
    const refuse = (text: string, options?: Parameters<typeof parseDateEntry>[1]) => {
      const r = parseDateEntry(text, options);
      if (r.ok) throw new Error(`${text} was read as ${JSON.stringify(r.value)}`);
      return r.problem;
    };
    expect(refuse('next Tuesday')).toMatchObject({
      code: 'unreadable',
      message: expect.stringMatching(/cannot be read as a date: try 2018, Sept 2018/),
    });
    expect(refuse('Septembre 2018').code).toBe('unreadable');
    expect(refuse('18').code).toBe('unreadable');
    expect(refuse('2018-13-40')).toMatchObject({
      code: 'no-such-month',
      message: expect.stringMatching(/month 13 does not exist/),
    });
    // A US-style date reads day first, so its "month" is impossible: the message says how it was read.
    expect(refuse('09/14/2018').message).toMatch(/month 14 does not exist \(dates are read day first/);
    expect(refuse('31 Sept 2018')).toMatchObject({
      code: 'no-such-day',
      message: expect.stringMatching(/day 31 does not exist in September 2018 \(it has 30 days\)/),
    });
    expect(refuse('29/02/2019').code).toBe('no-such-day');
    expect(refuse('0000').code).toBe('no-year-zero');
    expect(refuse('1990–1988')).toMatchObject({ code: 'end-before-start' });
    expect(refuse('1988–1990', { range: false }).code).toBe('range-not-allowed');
    expect(refuse('c. 1988', { approximate: false }).code).toBe('approximate-not-allowed');
  });

  it('reads nothing as no date', () => {
    expect(parseDateEntry('   ')).toEqual({ ok: true, value: null });
  });

  it('writes stored values as text it reads back the same', () => {
    for (const v of [
      single('2018'),
      single('2018-09-14', true),
      range('2018-09', '2019-06'),
      range('1988', '1990', true),
    ]) {
      expect(read(dateEntryText(v.date, v.dateEnd, v.approximate))).toEqual(v);
    }
    expect(dateEntryText(null)).toBe('');
  });

  it('describes what it understood, in English and Chinese', () => {
    expect(describeDateEntry(read('14/09/2018')!)).toBe('14 September 2018');
    expect(describeDateEntry(read('Sept 2018')!)).toBe('September 2018');
    expect(describeDateEntry(read('c. 1988')!)).toBe('circa 1988');
    expect(describeDateEntry(read('Sept 2018 to June 2019')!)).toBe('September 2018 – June 2019');
    expect(describeDateEntry(read('14 Sept 2018')!, 'zh-Hans')).toBe('2018年9月14日');
    expect(describeDateEntry(read('circa 1988')!, 'zh-Hans')).toBe('约1988年');
    expect(describeDateEntry(read('1988–1990')!, 'zh-Hans')).toBe('1988年至1990年');
  });
});
