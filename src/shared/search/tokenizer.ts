/**
 * One tokenizer for every search engine in the app (MiniSearch now, SQLite FTS5 for document
 * text later): the same text always yields the same terms, whoever indexes it.
 *
 * - NFKC folds full-width and compatibility forms ("ＭｏＵ" = "mou").
 * - Case and diacritics are folded ("Zürich" = "zurich").
 * - Han text becomes overlapping character bigrams ("杭州市" -> 杭州 州市): word segmentation
 *   of Chinese disagrees between a long document and a short query (lucaong/minisearch#201),
 *   bigrams always agree. A lone Han character stays a term so one-character queries work.
 * - Traditional Chinese is folded to Simplified, character by character, with OpenCC's data
 *   (opencc-js: Hong Kong variants, then Traditional → Simplified), so 墓誌銘 and 墓志铭, 利茲 and
 *   利兹 are the same terms: archives of a Chinese partnership hold both scripts. Character by
 *   character (not OpenCC's phrase conversion) keeps every text its length, so a highlight of the
 *   folded form falls on the original characters, which are shown as written.
 */
import { ConverterFactory } from 'opencc-js/core';
import { from, to } from 'opencc-js/preset/t2cn';

const HAN = /\p{Script=Han}/u;
// A run of Han characters, or a run of other letters/digits (with inner apostrophes); Han is a
// letter too, so it is kept out of the second kind: "leeds杭州" is two words, not bigrams of both.
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:['’](?:(?!\p{Script=Han})[\p{L}\p{N}])+)*/gu;
// The same for text without Han (most of it), without the look-ahead per character.
const PLAIN_RUN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

let convert: ((text: string) => string) | null = null;
/** Each code point seen: its folded Han character, or null when it is not Han. */
const hanFolds = new Map<number, string | null>();

/**
 * A code point's Han character in its folded (Simplified) form, or null when it is not Han. Taken
 * to a fixed point, so folding is idempotent (snippets fold terms that are already folded), and
 * only when OpenCC gives one character back. Cached per code point, so a snippet scanning a long
 * text asks a Map per character. The converter is built on first use: a library without Chinese
 * never pays.
 */
export function foldedHan(codePoint: number): string | null {
  let folded = hanFolds.get(codePoint);
  if (folded !== undefined) return folded;
  const char = String.fromCodePoint(codePoint);
  if (HAN.test(char)) {
    convert ??= ConverterFactory(...from.hk!, ...to.cn!);
    folded = char;
    for (let i = 0; i < 3; i++) {
      const next = convert(folded);
      if (next === folded || Array.from(next).length !== 1) break;
      folded = next;
    }
  } else folded = null;
  hanFolds.set(codePoint, folded);
  return folded;
}

/** One Han character in its folded (Simplified) form; any other character as it is. */
export function foldHan(char: string): string {
  return foldedHan(char.codePointAt(0)!) ?? char;
}

const HAN_CHAR = /\p{Script=Han}/gu;

export function foldText(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return HAN.test(folded) ? folded.replace(HAN_CHAR, foldHan) : folded;
}

function hanTerms(run: string, out: string[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    out.push(chars[0]!);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  if (!text) return out;
  const folded = foldText(text);
  for (const match of folded.matchAll(HAN.test(folded) ? RUN : PLAIN_RUN)) {
    const run = match[0];
    if (HAN.test(run)) hanTerms(run, out);
    else out.push(run.replace(/['’]/g, ''));
  }
  return out;
}

export function isHanTerm(term: string): boolean {
  return HAN.test(term);
}

/** Bumped whenever tokenize() changes its output: indexes made by another version are rebuilt. */
export const TOKENIZER_VERSION = 2;
