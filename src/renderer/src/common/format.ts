/**
 * How dates, times and numbers read in the interface language. Partial dates keep their precision
 * (a year stays a year): in English they read as catalogued (ISO 8601, "c. 2018"), in Chinese as
 * 2018年9月14日, 约2018年.
 */
import { currentLanguage } from '../i18n/i18n';

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** One partial date ("2018", "2018-09", "2018-09-14") in the interface language; anything else as it is. */
export function formatPartialDate(date: string): string {
  if (currentLanguage() !== 'zh-Hans') return date;
  const m = PARTIAL.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  return `${y}年${mo ? `${Number(mo)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/** "2018-09", "c. 2018", "2018-09-14 – 2018-09-16" (约2018年, 2018年9月14日至2018年9月16日); null when undated. */
export function formatRecordDate(
  date: string | null | undefined,
  dateEnd?: string | null,
  approximate?: boolean,
): string | null {
  if (!date) return null;
  const zh = currentLanguage() === 'zh-Hans';
  const start = formatPartialDate(date);
  const range = dateEnd && dateEnd !== date ? `${start}${zh ? '至' : ' – '}${formatPartialDate(dateEnd)}` : start;
  if (!approximate) return range;
  return zh ? `约${range}` : `c. ${range}`;
}

/**
 * A stored ISO timestamp in local time, to the minute, written the way record dates are in the
 * interface language: 2026-11-29 14:05 beside ISO record dates in English, 2026年11月29日 14:05 in
 * Chinese (not the browser's US "11/29/2026, 2:05 PM").
 */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  return `${formatPartialDate(day)} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A language's name in the interface language ("English", "Chinese (Simplified)"; 英语); the tag when unknown. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([currentLanguage()], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A calendar date ("2026-11-29" or a timestamp) as the interface language writes it in full: 29 November 2026, 2026年11月29日. */
export function formatDay(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(currentLanguage() === 'zh-Hans' ? 'zh-Hans' : 'en-GB', {
    dateStyle: 'long',
    timeZone: iso.length === 10 ? 'UTC' : undefined,
  });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A count in the interface language's digits grouping (12,345). The formatter is made once per
 * language: the sidebar formats every count again on each keystroke, and making a formatter each
 * time was two seconds of the window's thread over 57 keystrokes at 100,000 records.
 */
export function formatNumber(n: number): string {
  const language = currentLanguage();
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(n);
}

/** Splits "en, zh-Hans" or "culture, trade" into trimmed, non-empty items. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
