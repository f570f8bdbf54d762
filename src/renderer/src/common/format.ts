/** How dates and times read in the interface: partial dates exactly as catalogued, never padded to a day. */

/** "2018-09", "c. 2018", "2018-09-14 – 2018-09-16"; null when the record is undated. */
export function formatRecordDate(
  date: string | null | undefined,
  dateEnd?: string | null,
  approximate?: boolean,
): string | null {
  if (!date) return null;
  const range = dateEnd && dateEnd !== date ? `${date} – ${dateEnd}` : date;
  return approximate ? `c. ${range}` : range;
}

/** A stored ISO timestamp in the reader's locale, to the minute. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Splits "en, zh-Hans" or "culture, trade" into trimmed, non-empty items. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
