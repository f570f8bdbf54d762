import { describe, expect, it } from 'vitest';
import { earliestDay, latestDay, partialDateProblem, precisionOf, rangeProblem } from '../../src/shared/partial-date';

describe('partial ISO dates', () => {
  it('accepts years, months and days that exist', () => {
    for (const d of ['1988', '2018-09', '2018-09-14', '2020-02-29', '0001']) expect(partialDateProblem(d), d).toBeNull();
  });
  it('names what is wrong with a date that does not exist', () => {
    expect(partialDateProblem('2018-13-40')).toMatch(/month 13 does not exist/);
    expect(partialDateProblem('2018-00')).toMatch(/month 00/);
    expect(partialDateProblem('2019-02-29')).toMatch(/day 29 does not exist in 2019-02 \(it has 28 days\)/);
    expect(partialDateProblem('2018-04-31')).toMatch(/day 31/);
    expect(partialDateProblem('0000')).toMatch(/no year 0000/);
    for (const d of ['18', '2018-9', '2018/09/14', 'Sept 2018', '', '2018-09-14T10:00']) expect(partialDateProblem(d), d).toMatch(/not a date/);
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
