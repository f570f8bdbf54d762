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

// ---------------------------------------------------------------- reading what an archivist types

/**
 * What a date field holds once read: a partial ISO date, an optional end, and whether it is
 * approximate. The archivist may type it as they would write it — "Sept 2018", "14/09/2018"
 * (day first: a UK office), "c. 1988", "1988?", "1988–1990", "Sept 2018 to June 2019",
 * "2018年9月14日" — and sees what was understood before saving.
 */
export interface DateEntry {
  date: string;
  dateEnd: string | null;
  approximate: boolean;
}

/** Why an entry cannot be read; `message` is English, `code` and `params` let an interface say it in its language. */
export interface DateEntryProblem {
  code:
    | 'unreadable'
    | 'no-such-month'
    | 'no-such-day'
    | 'no-year-zero'
    | 'end-before-start'
    | 'range-not-allowed'
    | 'approximate-not-allowed';
  message: string;
  params: Record<string, string>;
}

export type DateEntryResult = { ok: true; value: DateEntry | null } | { ok: false; problem: DateEntryProblem };

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const MONTH = `(${Object.keys(MONTHS).join('|')})\\.?`;
const ORDINAL = '(?:st|nd|rd|th)?';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as its parts, before it is checked: month and day may be absent (or impossible). */
interface Parts {
  year: number;
  month?: number;
  day?: number;
}

const SINGLE: { re: RegExp; parts: (m: RegExpExecArray) => Parts }[] = [
  { re: /^(\d{4})$/, parts: (m) => ({ year: +m[1]! }) },
  { re: /^(\d{4})-(\d{1,2})$/, parts: (m) => ({ year: +m[1]!, month: +m[2]! }) },
  { re: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, parts: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }) },
  // Day first, as a UK office writes it: 14/09/2018, 14.09.2018, 14-09-2018.
  { re: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/, parts: (m) => ({ year: +m[3]!, month: +m[2]!, day: +m[1]! }) },
  { re: /^(\d{1,2})[/.](\d{4})$/, parts: (m) => ({ year: +m[2]!, month: +m[1]! }) },
  {
    re: new RegExp(`^(\\d{1,2})${ORDINAL}\\s*(?:of\\s+)?${MONTH},?\\s*(\\d{4})$`),
    parts: (m) => ({ year: +m[3]!, month: MONTHS[m[2]!]!, day: +m[1]! }),
  },
  {
    re: new RegExp(`^${MONTH}\\s*(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`),
    parts: (m) => ({ year: +m[3]!, month: MONTHS[m[1]!]!, day: +m[2]! }),
  },
  { re: new RegExp(`^${MONTH},?\\s*(\\d{4})$`), parts: (m) => ({ year: +m[2]!, month: MONTHS[m[1]!]! }) },
  { re: new RegExp(`^(\\d{4})\\s+${MONTH}$`), parts: (m) => ({ year: +m[1]!, month: MONTHS[m[2]!]! }) },
  {
    re: /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?$/,
    parts: (m) => ({ year: +m[1]!, ...(m[2] ? { month: +m[2] } : {}), ...(m[3] ? { day: +m[3] } : {}) }),
  },
];

const APPROXIMATE_BEFORE = /^(?:circa|ca\.?|c\.?|approximately|approx\.?|about|around|大约|约在|约)\s*/;
const APPROXIMATE_AFTER = /\s*(?:\?|\(\?\)|左右|前后|approx\.?)$/;

function problem(
  code: DateEntryProblem['code'],
  message: string,
  params: Record<string, string> = {},
): { ok: false; problem: DateEntryProblem } {
  return { ok: false, problem: { code, message, params } };
}

/** Parts to a checked partial ISO date, or why they do not make one. */
function toIso(p: Parts, text: string): { ok: true; iso: string } | { ok: false; problem: DateEntryProblem } {
  if (p.year < 1) return problem('no-year-zero', `"${text}": there is no year 0`, { text });
  const y = String(p.year).padStart(4, '0');
  if (p.month === undefined) return { ok: true, iso: y };
  if (p.month < 1 || p.month > 12) {
    return problem(
      'no-such-month',
      `"${text}": month ${p.month} does not exist (dates are read day first, as 14/09/2018)`,
      { text, month: String(p.month) },
    );
  }
  if (p.day === undefined) return { ok: true, iso: `${y}-${pad(p.month)}` };
  const last = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  if (p.day < 1 || p.day > last) {
    return problem(
      'no-such-day',
      `"${text}": day ${p.day} does not exist in ${MONTH_NAMES[p.month - 1]} ${y} (it has ${last} days)`,
      {
        text,
        day: String(p.day),
        month: MONTH_NAMES[p.month - 1]!,
        monthNumber: String(p.month),
        year: y,
        days: String(last),
      },
    );
  }
  return { ok: true, iso: `${y}-${pad(p.month)}-${pad(p.day)}` };
}

function readParts(text: string): Parts | null {
  for (const { re, parts } of SINGLE) {
    const m = re.exec(text);
    if (m) return parts(m);
  }
  return null;
}

/** "1980s" means the decade. */
const DECADE = /^(\d{3})0'?s$/;

interface Piece {
  start: Parts;
  end?: Parts;
  approximate: boolean;
}

function readPiece(raw: string): Piece | null {
  let text = raw
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .trim();
  let approximate = false;
  const before = APPROXIMATE_BEFORE.exec(text);
  if (before && text.length > before[0].length) {
    approximate = true;
    text = text.slice(before[0].length);
  }
  const after = APPROXIMATE_AFTER.exec(text);
  if (after && text.length > after[0].length) {
    approximate = true;
    text = text.slice(0, after.index);
  }
  text = text.trim().replace(/\.$/, '');
  const decade = DECADE.exec(text);
  if (decade) return { start: { year: +`${decade[1]}0` }, end: { year: +`${decade[1]}9` }, approximate };
  const parts = readParts(text);
  return parts ? { start: parts, approximate } : null;
}

/** A range's first half often leaves out what the second half says: "14–16 Sept 2018", "Sept–Dec 2018". */
function borrowFromEnd(left: string, end: Parts): Piece | null {
  const month = end.month ? MONTH_NAMES[end.month - 1]!.toLowerCase() : undefined;
  return readPiece(`${left} ${end.year}`) ?? (month ? readPiece(`${left} ${month} ${end.year}`) : null);
}

/** A range's second half may leave out what the first says: "2018年9月14日至16日", "2018-09-14 to 16". */
function borrowFromStart(right: string, start: Parts): Piece | null {
  const m = /^(\d{1,2})\s*([日号月])?$/.exec(right);
  if (!m || start.month === undefined) return null;
  const n = Number(m[1]);
  if (start.day !== undefined && m[2] !== '月') return { start: { ...start, day: n }, approximate: false };
  return { start: { year: start.year, month: n }, approximate: false };
}

const SEPARATORS = /\s*(?:–|—|―|-|~|～|－|至|到|\bto\b|\buntil\b|\btill\b|\band\b)\s*/g;

/** "1988–90", "1988-90": a range of years with the second shortened ("1988-09" stays a month). */
const SHORT_YEARS = /^(\d{2})(\d{2})\s*([-–—~]|to)\s*(\d{2})$/;

function readShortYears(text: string): Piece | null {
  const m = SHORT_YEARS.exec(text);
  if (!m || (m[3] === '-' && Number(m[4]) <= 12)) return null;
  const start = Number(`${m[1]}${m[2]}`);
  let end = Number(`${m[1]}${m[4]}`);
  if (end < start) end += 100;
  return { start: { year: start }, end: { year: end }, approximate: false };
}

function readRange(text: string): Piece | null {
  const short = readShortYears(text.replace(/^(?:c\.?|circa|ca\.?)\s*/, ''));
  if (short) return { ...short, approximate: /^(?:c\.?|circa|ca\.?)\s*/.test(text) };
  const whole = readPiece(text);
  if (whole) return whole;
  const body = text.replace(/^(?:from|between|从)\s*/, '');
  for (const m of body.matchAll(SEPARATORS)) {
    const leftText = body.slice(0, m.index).trim();
    const rightText = body.slice(m.index + m[0].length).trim();
    if (!leftText || !rightText) continue;
    const readLeft = readPiece(leftText);
    const readRight = readPiece(rightText);
    const right = readRight ?? (readLeft ? borrowFromStart(rightText, readLeft.start) : null);
    const left = readLeft ?? (right ? borrowFromEnd(leftText, right.start) : null);
    if (left && right) {
      return { start: left.start, end: right.end ?? right.start, approximate: left.approximate || right.approximate };
    }
  }
  return null;
}

/**
 * Reads a date as typed. Empty text is "no date" (value null). Ranges and approximation can be
 * refused for fields that hold a single exact date (the date an agreement was signed).
 */
export function parseDateEntry(
  input: string,
  options: { range?: boolean; approximate?: boolean } = {},
): DateEntryResult {
  const text = input.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { ok: true, value: null };
  const piece = readRange(text);
  if (!piece) {
    return problem(
      'unreadable',
      `"${input.trim()}" cannot be read as a date: try 2018, Sept 2018, 14/09/2018, c. 1988 or 1988–1990`,
      { text: input.trim() },
    );
  }
  const start = toIso(piece.start, input.trim());
  if (!start.ok) return start;
  let dateEnd: string | null = null;
  if (piece.end) {
    const end = toIso(piece.end, input.trim());
    if (!end.ok) return end;
    dateEnd = end.iso;
    const wrong = rangeProblem(start.iso, end.iso);
    if (wrong)
      return problem('end-before-start', `"${input.trim()}": the end ${end.iso} is before the start ${start.iso}`, {
        start: start.iso,
        end: end.iso,
      });
    if (dateEnd === start.iso) dateEnd = null;
  }
  if (dateEnd && options.range === false)
    return problem('range-not-allowed', 'this field takes a single date, not a range', {});
  if (piece.approximate && options.approximate === false)
    return problem('approximate-not-allowed', 'this field takes an exact date', {});
  return { ok: true, value: { date: start.iso, dateEnd, approximate: piece.approximate } };
}

/** The entry text for stored values, which parseDateEntry reads back to the same values. */
export function dateEntryText(date: string | null | undefined, dateEnd?: string | null, approximate?: boolean): string {
  if (!date) return '';
  const range = dateEnd && dateEnd !== date ? `${date} – ${dateEnd}` : date;
  return approximate ? `c. ${range}` : range;
}

/** A partial date written out in full: "14 September 2018", "September 2018", "2018"; 2018年9月14日 in Chinese. */
function describePartialDate(iso: string, language: 'en' | 'zh-Hans' = 'en'): string {
  const [y, m, d] = iso.split('-');
  if (language === 'zh-Hans') return `${Number(y)}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
  const month = m ? MONTH_NAMES[Number(m) - 1] : undefined;
  return [d ? String(Number(d)) : '', month ?? '', String(Number(y))].filter(Boolean).join(' ');
}

/** "14 September 2018", "circa 1988", "September 2018 – June 2019"; 约1988年, 2018年9月至2019年6月. */
export function describeDateEntry(entry: DateEntry, language: 'en' | 'zh-Hans' = 'en'): string {
  const zh = language === 'zh-Hans';
  const start = describePartialDate(entry.date, language);
  const range = entry.dateEnd ? `${start}${zh ? '至' : ' – '}${describePartialDate(entry.dateEnd, language)}` : start;
  if (!entry.approximate) return range;
  return zh ? `约${range}` : `circa ${range}`;
}
