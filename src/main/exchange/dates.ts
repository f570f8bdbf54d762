/**
 * Dates as people type them in spreadsheets, read into partial ISO dates: "2018", "2018-09",
 * "14/09/2018" (day first, as in the UK), "2018/09/14", "September 2018", "Sept 2018",
 * "14 September 2018", "September 14, 2018". Anything else is refused with the value, never guessed.
 */
import { partialDateProblem } from '../../shared/partial-date';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function month(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex(
    (m) =>
      w.startsWith(m) &&
      'january february march april may june july august september october november december sept'
        .split(' ')
        .some((full) => full.startsWith(w)),
  );
  return i < 0 ? null : i + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Returns the partial ISO date, or throws an Error whose message says what is wrong. */
export function parseLooseDate(raw: string): string {
  const value = raw.trim();
  let out: string | null = null;
  let m: RegExpExecArray | null;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) out = value;
  else if ((m = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/.exec(value)))
    out = `${m[1]}-${pad(+m[2]!)}${m[3] ? `-${pad(+m[3])}` : ''}`;
  else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value))) out = `${m[3]}-${pad(+m[2]!)}-${pad(+m[1]!)}`;
  else if ((m = /^(\d{1,2})[/.](\d{4})$/.exec(value))) out = `${m[2]}-${pad(+m[1]!)}`;
  else if ((m = /^([A-Za-z.]+)\s+(\d{4})$/.exec(value)) && month(m[1]!)) out = `${m[2]}-${pad(month(m[1]!)!)}`;
  else if ((m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z.]+)\s+(\d{4})$/.exec(value)) && month(m[2]!))
    out = `${m[3]}-${pad(month(m[2]!)!)}-${pad(+m[1]!)}`;
  else if ((m = /^([A-Za-z.]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(value)) && month(m[1]!))
    out = `${m[3]}-${pad(month(m[1]!)!)}-${pad(+m[2]!)}`;
  if (!out)
    throw new Error(
      `"${value}" is not a date this import can read (use e.g. 2018, 2018-09, 2018-09-14, 14/09/2018 or September 2018)`,
    );
  const problem = partialDateProblem(out);
  if (problem) throw new Error(`"${value}" is not a real date: ${problem.replace(/^"[^"]*" (is not a date: )?/, '')}`);
  return out;
}
