/**
 * Snippets with the matched words marked, as segments of plain text: the UI renders each segment
 * as text (marking the matched ones), so a title containing `<script>` can only ever show as text.
 */
import { foldedHan, foldHan, foldText, isHanTerm } from './tokenizer';

export interface Segment {
  text: string;
  match: boolean;
}

const HAN_WORD = /^\p{Script=Han}+$/u;
// As the tokenizer's runs: a Han character, or a run of other letters and digits.
const WORD = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:['’](?:(?!\p{Script=Han})[\p{L}\p{N}])+)*/gu;
// The same for text without Han (most of it), without the look-ahead per character.
const PLAIN_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const HAN = /\p{Script=Han}/u;
const wordsOf = (text: string) => text.matchAll(HAN.test(text) ? WORD : PLAIN_WORD);

/** A query's folded terms, split once by kind: asking each term whether it is Han, for each word of a text, was a regular expression test per pair. */
interface Terms {
  han: string[];
  other: string[];
}

function termsOf(folded: string[]): Terms {
  const han: string[] = [];
  const other: string[] = [];
  for (const t of folded) (isHanTerm(t) ? han : other).push(t);
  return { han, other };
}

/** True when a word (folded) is matched by a query term: exactly, by prefix, or (Han) as part of a bigram. */
function wordMatches(folded: string, terms: Terms): boolean {
  for (const t of terms.other) if (folded === t || (t.length >= 2 && folded.startsWith(t))) return true;
  for (const t of terms.han) if (t.includes(folded)) return true;
  return false;
}

/**
 * The folded form of one word; plain ASCII (most words) skips Unicode normalisation. Han is folded
 * to Simplified (as the tokenizer does), so 墓誌銘 in a text is marked for a query 墓志铭 and is
 * shown as written.
 */
function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded !== undefined) return folded;
  if (HAN_WORD.test(word)) folded = Array.from(word, foldHan).join('');
  else {
    const w = /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : foldText(word);
    folded = w.includes("'") || w.includes('’') ? w.replace(/['’]/g, '') : w;
  }
  // Marking 50 hits folds thousands of words, mostly the same few hundred: a bounded memo.
  if (foldedWords.size >= FOLDED_WORDS) foldedWords.clear();
  foldedWords.set(word, folded);
  return folded;
}
const foldedWords = new Map<string, string>();
const FOLDED_WORDS = 50_000;

/** Splits text into segments, marking the words the terms match. */
export function highlight(text: string, terms: string[]): Segment[] {
  if (terms.length === 0) return text ? [{ text, match: false }] : [];
  const folded = termsOf(terms.map(foldWord));
  if (folded.other.length === 0) return highlightHan(text, folded.han);
  if (PLAIN_TEXT.test(text)) return highlightPlain(text, folded.other);
  const out: Segment[] = [];
  let last = 0;
  for (const m of wordsOf(text)) {
    const word = m[0];
    if (!wordMatches(foldWord(word), folded)) continue;
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), match: false });
    const prev = out[out.length - 1];
    // Adjacent Han characters merge into one mark.
    if (prev?.match && at === last) prev.text += word;
    else out.push({ text: word, match: true });
    last = at + word.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}

/**
 * highlight on plain ASCII without apostrophes (most snippets and titles): a word is a run of
 * letters and digits and folds to its lower case, so each is compared in place with the terms,
 * with no regular expression match and fold per word (as plainFirstMatchAt finds the first).
 * Han terms match nothing here.
 */
function highlightPlain(text: string, terms: string[]): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (let i = 0; i < text.length;) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
    // Exactly, or as a prefix from two letters on (wordMatches); a loop, not some(): a callback
    // made per word was most of marking's garbage.
    const length = i - start;
    let matched = false;
    for (const t of terms) {
      if ((length === t.length || (t.length >= 2 && length > t.length)) && startsLower(text, start, t)) {
        matched = true;
        break;
      }
    }
    if (!matched) continue;
    if (start > last) out.push({ text: text.slice(last, start), match: false });
    out.push({ text: text.slice(start, i), match: true });
    last = i;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}

/** Whether text, lower-cased, has `term` at `at`, for ASCII text (no lower-cased copy of it made). */
function startsLower(text: string, at: number, term: string): boolean {
  for (let j = 0; j < term.length; j++) {
    const c = text.charCodeAt(at + j);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== term.charCodeAt(j)) return false;
  }
  return true;
}

/**
 * highlight when every term is Han: only Han characters can match then, each a word of its own,
 * so the text is read character by character. Chinese text through the word expression was a
 * match, a fold and a test per character: a third of a Chinese query's time in either engine.
 */
function highlightHan(text: string, han: string[]): Segment[] {
  const chars = hanChars(han);
  const out: Segment[] = [];
  let last = 0;
  // Adjacent matched characters are one mark.
  for (let run = nextHanRun(text, 0, chars); run; run = nextHanRun(text, run[1], chars)) {
    if (run[0] > last) out.push({ text: text.slice(last, run[0]), match: false });
    out.push({ text: text.slice(run[0], run[1]), match: true });
    last = run[1];
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}

/** The characters of Han terms, folded (a Han character is a word of its own). */
const hanChars = (terms: string[]) => new Set(terms.flatMap((t) => Array.from(t)));

/**
 * The next run of characters the set holds (folded to Simplified) from `from` in `text`, as
 * [start, end) in UTF-16 units, or null: read code unit by code unit, folding only from the CJK
 * radicals block on (below it nothing is Han), with no regular expression match per character.
 */
function nextHanRun(text: string, from: number, chars: Set<string>): [number, number] | null {
  let start = -1;
  for (let i = from; i < text.length;) {
    const code = text.charCodeAt(i);
    const point = code >= 0xd800 && code <= 0xdbff ? text.codePointAt(i)! : code;
    const folds = point < 0x2e80 ? null : foldedHan(point);
    const matched = folds !== null && chars.has(folds);
    if (matched && start < 0) start = i;
    else if (!matched && start >= 0) return [start, i];
    i += point > 0xffff ? 2 : 1;
  }
  return start >= 0 ? [start, text.length] : null;
}

/** Where the first word a term matches starts in `text`, or -1; stops at that word (a body text can be megabytes). */
export function firstMatchAt(text: string, terms: string[]): number {
  const folded = terms.map(foldWord);
  if (folded.length === 0) return -1;
  const fast = plainFirstMatchAt(text, folded) ?? hanFirstMatchAt(text, folded);
  if (fast !== undefined) return fast;
  const kinds = termsOf(folded);
  for (const m of wordsOf(text)) if (wordMatches(foldWord(m[0]), kinds)) return m.index ?? 0;
  return -1;
}

/** firstMatchAt when every term is Han (each Han character a word of its own); undefined when a term is not. */
function hanFirstMatchAt(text: string, folded: string[]): number | undefined {
  if (!folded.every(isHanTerm)) return undefined;
  return nextHanRun(text, 0, hanChars(folded))?.[0] ?? -1;
}

/** Plain ASCII without apostrophes: a word folds to its lower case, so a match is a term found at a word's start. */
const PLAIN_TEXT = /^[^\x80-\uffff'’]*$/;
/** Texts up to this length are lower-cased whole for the fast path; a longer one (a body) is walked word by word and stops at its first match. */
const PLAIN_LENGTH = 16_384;
const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * firstMatchAt for the common case, without a regular expression match and a fold per word
 * (most of the text engine's time went there: four scans of each of fifty hits' text). Gives
 * undefined when the text is not that case and the words must be walked.
 */
function plainFirstMatchAt(text: string, folded: string[]): number | undefined {
  if (text.length > PLAIN_LENGTH || !PLAIN_TEXT.test(text)) return undefined;
  const lower = text.toLowerCase();
  let first = -1;
  for (const term of folded) {
    // A term with letters the text cannot have (Han, diacritics) matches nothing in it.
    if (!PLAIN_TEXT.test(term) || term.length === 0) continue;
    for (let at = lower.indexOf(term); at >= 0 && (first < 0 || at < first); at = lower.indexOf(term, at + 1)) {
      if (at > 0 && isWordCode(lower.charCodeAt(at - 1))) continue;
      // One letter matches only a word of one letter; longer terms match as prefixes.
      if (term.length < 2 && isWordCode(lower.charCodeAt(at + term.length))) continue;
      first = at;
      break;
    }
  }
  return first;
}

/** What `\s` matches in a regular expression, by code unit. */
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * Reads `text` as the window shows it (runs of spaces as one space, trimmed), one character at a
 * time: `visit` gets each one's place in that collapsed text, where it starts in `text` (a run's
 * first space) and whether it is the space, until it answers true.
 */
function eachCollapsed(text: string, visit: (n: number, raw: number, space: boolean) => boolean): void {
  let n = 0;
  let run = -1;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (run < 0 && n > 0) run = i;
      continue;
    }
    // A run of spaces counts once, when more text follows it (a trailing one is trimmed).
    if (run >= 0 && visit(n++, run, true)) return;
    run = -1;
    if (visit(n++, i, false)) return;
  }
}

/**
 * The window algorithm on a (short) text: about `width` characters from a little before the first
 * match, which starts at `first` in `text` (or -1: none), with runs of spaces as one space. Only
 * the window is read out of the text; collapsing all of it (four widths) with a regular expression
 * was a seventh of a search's garbage and a third of the text engine's.
 */
function window(text: string, terms: string[], width: number, first: number): Segment[] {
  // Where the match is once spaces are collapsed (a word starts there, so no run of spaces is split).
  let at = 0;
  if (first >= 0)
    eachCollapsed(text, (n, raw) => {
      if (raw >= first) return true;
      at = n + 1;
      return false;
    });
  let start = Math.max(0, at - Math.floor(width / 3));
  if (start > 0) {
    // From just after a space, when one is near enough before.
    let space = -1;
    eachCollapsed(text, (n, _raw, isRun) => {
      if (n > start) return true;
      if (isRun) space = n;
      return false;
    });
    if (space > at - width / 2) start = space + 1;
  }
  // The window's characters in `text`, and whether more follow it.
  let from = text.length;
  let to = text.length;
  let more = false;
  eachCollapsed(text, (n, raw, isRun) => {
    if (n === start) from = raw;
    if (n === start + width) {
      to = raw;
      more = true;
      return true;
    }
    if (!isRun) to = raw + 1;
    return false;
  });
  const piece = from >= to ? '' : text.slice(from, to);
  // Most windows hold single spaces only, and are used as sliced.
  const flat = /\s\s|[^\S ]/.test(piece) ? piece.replace(/\s+/g, ' ') : piece;
  if (first < 0) return [{ text: more ? `${flat.trimEnd()}…` : flat, match: false }];
  const segments = highlight(flat, terms);
  if (start > 0) segments.unshift({ text: '…', match: false });
  if (more) segments.push({ text: '…', match: false });
  return segments;
}

/**
 * A window of about `width` characters around the first match, with ellipses where cut. Only the
 * neighbourhood of the first match is marked up, however long the text. `at` is where the first
 * match is, when the caller has already looked (firstMatchAt), so the text is not read again.
 */
export function snippet(text: string, terms: string[], width = 180, at = firstMatchAt(text, terms)): Segment[] {
  const from = at < 0 ? 0 : Math.max(0, at - width);
  const to = Math.min(text.length, (at < 0 ? 0 : at) + width * 3);
  const segments = window(text.slice(from, to), terms, width, at < 0 ? -1 : at - from);
  const ellipsis = (s: Segment | undefined) => s !== undefined && !s.match && s.text.endsWith('…');
  if (from > 0 && segments[0]?.text !== '…') segments.unshift({ text: '…', match: false });
  if (to < text.length && !ellipsis(segments[segments.length - 1])) segments.push({ text: '…', match: false });
  return segments;
}

export function segmentsText(segments: Segment[]): string {
  return segments.map((s) => s.text).join('');
}
