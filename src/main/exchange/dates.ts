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

/** What a bibliography's date says, read into our partial dates. */
export interface BibliographicDate {
  date?: string;
  end?: string;
  circa?: boolean;
  /** CSL's season (1 spring … 4 winter): kept with the item's CSL date, never in the partial date. */
  season?: number;
  /** The date as written, when it says more than the partial date can ("[1965?]", "1980ff", "Ming dynasty"). */
  text?: string;
  /** A year suffix ("1992a") was dropped: the citation processor adds its own when two works need it. */
  suffix?: boolean;
}

const SEASONS: Record<string, number> = { spring: 1, summer: 2, autumn: 3, fall: 3, winter: 4 };

function tryLoose(value: string): string | null {
  try {
    return parseLooseDate(value);
  } catch {
    return null;
  }
}

/**
 * A date as bibliographies write it: "1992a" (the year; the suffix is the citation processor's
 * business), "2001–2009" and "2001--2009" (a range), "c. 1890" (circa), "[1965?]" and "1980ff"
 * (read as 1965 and 1980, the written form kept to print), "Winter 1999" (a season), "n.d." (no
 * date). Never throws: what cannot be read is kept as written, with no partial date.
 */
export function readBibliographicDate(raw: string): BibliographicDate {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value === '' || /^(n\.? ?d\.?|s\.? ?d\.?|undated|no date)$/i.test(value)) return {};
  const whole = tryLoose(value);
  if (whole) return { date: whole };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})([a-z])$/.exec(value))) return { date: m[1]!, suffix: true };
  if ((m = /^(?:c\.|ca\.?|circa|approx\.?|~) ?(.+)$/i.exec(value))) {
    const inner = readBibliographicDate(m[1]!);
    return inner.date && !inner.text ? { ...inner, circa: true } : { ...inner, text: value };
  }
  if ((m = /^\[(.+?)\??\]$/.exec(value)) || (m = /^(.+?)\?$/.exec(value))) {
    const inner = readBibliographicDate(m[1]!.replace(/\?$/, ''));
    return inner.date ? { ...inner, circa: true, text: value } : { text: value };
  }
  if ((m = /^(\d{4}) ?ff\.?$/.exec(value))) return { date: m[1]!, text: value };
  if ((m = /^(spring|summer|autumn|fall|winter),? (\d{4})$/i.exec(value)))
    return { date: m[2]!, season: SEASONS[m[1]!.toLowerCase()]! };
  if ((m = /^(\d{4}),? (spring|summer|autumn|fall|winter)$/i.exec(value)))
    return { date: m[1]!, season: SEASONS[m[2]!.toLowerCase()]! };
  // A range: "2001--2009", "2001–2009", "1987-08-03/2003-10-23", "2001-2009" (two years; "2001-09" is a month).
  const parts =
    /^(\d{4})-(\d{4})$/.exec(value)?.slice(1) ??
    (/--|–|—|\//.test(value) ? value.split(/ ?(?:--|–|—|\/) ?/) : value.split(/ (?:-|to) /));
  if (parts.length === 2) {
    const start = tryLoose(parts[0]!);
    const end = tryLoose(parts[1]!);
    if (start && end) return { date: start, end };
  }
  return { text: value };
}
