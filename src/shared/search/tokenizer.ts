/**
 * One tokenizer for every search engine in the app (MiniSearch now, SQLite FTS5 for document
 * text later): the same text always yields the same terms, whoever indexes it.
 *
 * - NFKC folds full-width and compatibility forms ("ＭｏＵ" = "mou").
 * - Case and diacritics are folded ("Zürich" = "zurich").
 * - Han text becomes overlapping character bigrams ("杭州市" -> 杭州 州市): word segmentation
 *   of Chinese disagrees between a long document and a short query (lucaong/minisearch#201),
 *   bigrams always agree. A lone Han character stays a term so one-character queries work.
 */

const HAN = /\p{Script=Han}/u;
// A run of Han characters, or a run of letters/digits (with inner apostrophes and dots as in "U.K.").
const RUN = /\p{Script=Han}+|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
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
  for (const match of foldText(text).matchAll(RUN)) {
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
export const TOKENIZER_VERSION = 1;
