/**
 * Finding words inside one document's text, as a reader's find box does: case-, accent- and
 * width-insensitive (the search engine's own foldText, so "ＭｏＵ" finds "MoU"), Traditional and
 * Simplified Chinese alike (its Han folding), any run of white space matching any other, and
 * spaces between two Han characters ignored (OCR often writes "委 员 会"), so Chinese, written
 * without spaces, is found as typed. Each hit is given back as offsets into the original text, so
 * it can be marked where it is shown (a page's text items, the text pane, the OCR words).
 */
import { foldText } from '../../../shared/search/tokenizer';

const HAN = /\p{Script=Han}/u;
const SPACE = /\s/u;

export interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`, where its source character starts and ends in the original. */
  from: number[];
  to: number[];
}

function foldChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code < 0x80 ? ch.toLowerCase() : foldText(ch);
}

export function foldForFind(text: string): FoldedText {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let space = -1;
  let lastHan = false;
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const end = i + ch.length;
    if (SPACE.test(ch)) {
      if (folded.length > 0 && space < 0) space = i;
      i = end;
      continue;
    }
    const f = foldChar(ch);
    const han = HAN.test(ch);
    if (f.length > 0) {
      if (space >= 0 && !(han && lastHan)) {
        folded += ' ';
        from.push(space);
        to.push(space + 1);
      }
      space = -1;
      folded += f;
      for (let k = 0; k < f.length; k++) {
        from.push(i);
        to.push(end);
      }
      lastHan = han;
    } else {
      // A mark folded away (the accent of a decomposed "é") still belongs to the letter before it.
      for (let k = to.length - 1; k >= 0 && to[k] === i; k--) to[k] = end;
    }
    i = end;
  }
  return { folded, from, to };
}

export interface TextRange {
  start: number;
  end: number;
}

/** Every place `query` occurs in `text` (not overlapping), as ranges of the original text. */
export function findAll(text: string, query: string, prepared?: FoldedText): TextRange[] {
  const needle = foldForFind(query).folded;
  if (needle.length === 0) return [];
  const hay = prepared ?? foldForFind(text);
  const out: TextRange[] = [];
  for (let at = hay.folded.indexOf(needle); at >= 0; at = hay.folded.indexOf(needle, at + needle.length)) {
    out.push({ start: hay.from[at]!, end: hay.to[at + needle.length - 1]! });
  }
  return out;
}

/** A text cut into plain and matched pieces, for marking hits where the text is shown. */
export function markPieces(text: string, ranges: readonly TextRange[]): { text: string; hit: number | null }[] {
  const out: { text: string; hit: number | null }[] = [];
  let at = 0;
  ranges.forEach((r, i) => {
    if (r.start > at) out.push({ text: text.slice(at, r.start), hit: null });
    out.push({ text: text.slice(r.start, r.end), hit: i });
    at = r.end;
  });
  if (at < text.length) out.push({ text: text.slice(at), hit: null });
  return out;
}
