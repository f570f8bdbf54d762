/**
 * Partial ISO dates: archives often know only the year ("2018") or the month ("2018-09").
 * Stored as the ISO prefix itself, so that text order is chronological order and SQLite
 * can sort and range-filter them without any conversion.
 */

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type Precision = 'year' | 'month' | 'day';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Returns why `value` is not a partial ISO date, or null when it is one. */
export function partialDateProblem(value: string): string | null {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return `"${value}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(m[1]);
  if (year < 1) return `"${value}" has no year 0000`;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return `"${value}" is not a date: month ${m[2]} does not exist`;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      const last = daysInMonth(year, month);
      if (day < 1 || day > last) {
        return `"${value}" is not a date: day ${m[3]} does not exist in ${m[1]}-${m[2]} (it has ${last} days)`;
      }
    }
  }
  return null;
}

export function isPartialDate(value: string): boolean {
  return partialDateProblem(value) === null;
}

export function precisionOf(value: string): Precision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

/** The first day a partial date can mean ("2018" -> "2018-01-01"). */
export function earliestDay(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

/** The last day a partial date can mean ("2018-02" -> "2018-02-28"). */
export function latestDay(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const [y, mo] = value.split('-').map(Number) as [number, number];
    return `${value}-${String(daysInMonth(y, mo)).padStart(2, '0')}`;
  }
  return value;
}

/** An end date is fine when its latest possible day is not before the start's earliest. */
export function rangeProblem(start: string, end: string): string | null {
  if (latestDay(end) < earliestDay(start)) return `end date ${end} is before the start date ${start}`;
  return null;
}

export function yearOf(value: string | null | undefined): number | null {
  return value ? Number(value.slice(0, 4)) : null;
}
