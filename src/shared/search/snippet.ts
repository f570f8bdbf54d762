/**
 * Snippets with the matched words marked, as segments of plain text: the UI renders each segment
 * as text (marking the matched ones), so a title containing `<script>` can only ever show as text.
 */
import { foldText, isHanTerm } from './tokenizer';

export interface Segment {
  text: string;
  match: boolean;
}

const HAN_WORD = /^\p{Script=Han}+$/u;
const WORD = /\p{Script=Han}|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** True when a word (folded) is matched by a query term: exactly, by prefix, or (Han) as part of a bigram. */
function wordMatches(folded: string, terms: string[]): boolean {
  return terms.some((t) => (isHanTerm(t) ? t.includes(folded) : folded === t || (t.length >= 2 && folded.startsWith(t))));
}

/** The folded form of one word; plain ASCII (most words) skips Unicode normalisation. */
function foldWord(word: string): string {
  if (HAN_WORD.test(word)) return word;
  const w = /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : foldText(word);
  return w.includes("'") || w.includes('’') ? w.replace(/['’]/g, '') : w;
}

/** Splits text into segments, marking the words the terms match. */
export function highlight(text: string, terms: string[]): Segment[] {
  const folded = terms.map(foldWord);
  const out: Segment[] = [];
  let last = 0;
  if (folded.length === 0) return text ? [{ text, match: false }] : [];
  for (const m of text.matchAll(WORD)) {
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

/** A window of about `width` characters around the first match, with ellipses where cut. */
export function snippet(text: string, terms: string[], width = 180): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const marked = highlight(flat, terms);
  let offset = 0;
  let first = -1;
  for (const s of marked) {
    if (s.match) {
      first = offset;
      break;
    }
    offset += s.text.length;
  }
  if (first < 0) return [{ text: flat.length > width ? `${flat.slice(0, width).trimEnd()}…` : flat, match: false }];
  let start = Math.max(0, first - Math.floor(width / 3));
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    if (space > first - width / 2) start = space + 1;
  }
  const end = Math.min(flat.length, start + width);
  const window = flat.slice(start, end);
  const segments = highlight(window, terms);
  if (start > 0) segments.unshift({ text: '…', match: false });
  if (end < flat.length) segments.push({ text: '…', match: false });
  return segments;
}

export function segmentsText(segments: Segment[]): string {
  return segments.map((s) => s.text).join('');
}
