/**
 * "Possible duplicate" hints for names of people and bodies: does what the archivist is typing
 * ("Cllr J. Blake", "王市长", "Prof. Xu Liping") probably name an authority already in the
 * catalogue ("Judith Blake", "王小明", "Liping Xu")? Pure, so the service and tests share it.
 *
 * - Names are folded as search folds them (case, diacritics, full-width, Traditional Chinese).
 * - Honorifics and post-nominals are set aside (Cllr, Mr, Dr, Rt Hon… MP, OBE; 先生, 女士, 市长…).
 * - Latin-script words match in any order: the same word, one slip away (Damerau, as search
 *   forgives), an initial for a first name (J. = Judith), or a shortened form (Chris = Christopher).
 *   Every word of the shorter name must be accounted for, at least one of them in full, and the
 *   longer name's last word (the surname, most often) must be among those matched.
 * - Han names match whole, one inside the other, one slip away (long names only), or by the family name alone when
 *   only that and a title were typed (王先生).
 */
import { damerau } from '../search/damerau';
import { foldText } from '../search/tokenizer';

// Folded forms: lower case, no dots (the words are split on them).
const TITLES = new Set(
  (
    'cllr councillor mr mrs ms miss mx dr doctor prof professor sir dame lord lady rt hon honourable honorable ' +
    'right the rev revd reverend mayor alderman baroness baron madam mme mlle herr frau'
  ).split(' '),
);
const POST_NOMINALS = new Set('mp mep obe mbe cbe kbe dbe kc qc phd jp frs jr snr jnr'.split(' '));
// Longest first, so 副市长 goes before 市长 could leave 副 behind.
const HAN_TITLES =
  '尊敬的 副市长 市长 副书记 书记 副主任 主任 局长 处长 部长 省长 主席 总理 大使 领事 议员 教授 博士 老师 先生 女士 小姐 夫人 同志 阁下 勋爵 爵士'
    .split(' ')
    .map(foldText);

const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** A name as the matcher reads it: parse each authority's names once and reuse them (parseName). */
export interface Parsed {
  words: string[];
  han: string;
  /** A title was set aside from the Han name (王先生): its family name alone may then match. */
  hanTitled: boolean;
}

/** Folds a name and sets its titles aside: the costly part, done once per name, not per comparison. */
export function parseName(name: string): Parsed {
  return parse(name);
}

function parse(name: string): Parsed {
  const folded = foldText(name);
  let han = (folded.match(HAN_RUN) ?? []).join('');
  let hanTitled = false;
  for (let again = true; again;) {
    again = false;
    for (const title of HAN_TITLES) {
      if (han.length > title.length && (han.startsWith(title) || han.endsWith(title))) {
        han = han.startsWith(title) ? han.slice(title.length) : han.slice(0, -title.length);
        hanTitled = again = true;
      }
    }
  }
  const latin = folded.replace(HAN_RUN, ' ').replace(/['’]/g, '');
  const words = latin.match(WORD) ?? [];
  let start = 0;
  let end = words.length;
  while (start < end - 1 && TITLES.has(words[start]!)) start++;
  while (end > start + 1 && POST_NOMINALS.has(words[end - 1]!)) end--;
  return { words: words.slice(start, end), han, hanTitled };
}

/** How two words agree: 2 in full (or one slip away), 1 as an initial or shortened form, 0 not at all. */
function wordAgreement(a: string, b: string): 0 | 1 | 2 {
  if (a === b) return 2;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && damerau(a, b, long.length >= 8 ? 2 : 1) <= (long.length >= 8 ? 2 : 1)) return 2;
  if (short.length === 1) return long.startsWith(short) ? 1 : 0;
  if (short.length >= 3 && long.startsWith(short)) return 1;
  return 0;
}

type Agreement = (a: string, b: string) => 0 | 1 | 2;

/** Latin-script names: 0 when they cannot be the same, else how sure (up to 1). */
function wordsScore(a: string[], b: string[], agree: Agreement = wordAgreement): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const used: boolean[] = [];
  let full = 0;
  let points = 0;
  for (const w of short) {
    let best = -1;
    let bestAgreement = 0;
    for (let j = 0; j < long.length; j++) {
      if (used[j]) continue;
      const agreement = agree(w, long[j]!);
      if (agreement > bestAgreement) [best, bestAgreement] = [j, agreement];
    }
    if (best < 0) return 0;
    used[best] = true;
    points += bestAgreement;
    if (bestAgreement === 2) full++;
  }
  if (full === 0) return 0;
  if (long.length > short.length && !used[long.length - 1]) return 0;
  return points / (2 * long.length);
}

/**
 * wordAgreement remembered for one search: the same words (first names, common surnames, "city",
 * "council") recur across thousands of authorities, and the edit distance is the costly part.
 */
function rememberedAgreement(): Agreement {
  const memo = new Map<string, Map<string, 0 | 1 | 2>>();
  return (a, b) => {
    let row = memo.get(a);
    if (!row) memo.set(a, (row = new Map<string, 0 | 1 | 2>()));
    let v = row.get(b);
    if (v === undefined) row.set(b, (v = wordAgreement(a, b)));
    return v;
  };
}

/** Han-script names: 0 when they cannot be the same, else how sure (up to 1). */
function hanScore(a: Parsed, b: Parsed): number {
  const [x, y] = [a.han, b.han];
  if (!x || !y) return 0;
  if (x === y) return 1;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 2 && long.includes(short)) return short.length / long.length;
  // One character apart is another person as often as a slip (王小明, 王小红): only long names, of bodies.
  if (short.length >= 5 && damerau(x, y, 1) <= 1) return 0.7;
  const titledShort = x.length <= y.length ? a.hanTitled : b.hanTitled;
  if (short.length === 1 && titledShort && long.startsWith(short)) return 0.4;
  return 0;
}

/** How likely `typed` names the same person or body as `name`: 0 (not) to 1 (the same name). */
export function nameSimilarity(typed: string, name: string): number {
  return parsedSimilarity(parse(typed), parse(name));
}

function parsedSimilarity(a: Parsed, b: Parsed, agree?: Agreement): number {
  return Math.max(wordsScore(a.words, b.words, agree), hanScore(a, b));
}

export interface NameCandidate {
  id: number;
  /** Its name first, then its other names (other scripts, earlier forms). */
  names: readonly string[];
}

/** A candidate whose names were parsed already (parseName), in the same order. */
export interface ParsedCandidate extends NameCandidate {
  parsed: readonly Parsed[];
}

export interface PossibleMatch {
  id: number;
  /** The name of the authority that matched what was typed. */
  matched: string;
  score: number;
}

/** The candidates that `typed` may name, best first (a tie keeps the candidates' order). */
export function possibleMatches(typed: string, candidates: readonly NameCandidate[], limit = 5): PossibleMatch[] {
  return parsedMatches(
    typed,
    candidates.map((c) => ({ ...c, parsed: c.names.map(parse) })),
    limit,
  );
}

/** possibleMatches over candidates parsed once (the service keeps them per catalogue revision). */
export function parsedMatches(typed: string, candidates: readonly ParsedCandidate[], limit = 5): PossibleMatch[] {
  const a = parse(typed);
  if (a.words.length === 0 && !a.han) return [];
  const out: PossibleMatch[] = [];
  const agree = rememberedAgreement();
  for (const c of candidates) {
    let best: PossibleMatch | null = null;
    for (let i = 0; i < c.parsed.length; i++) {
      const b = c.parsed[i]!;
      // Cheap refusals first: no script in common, nothing to compare.
      if (!(a.words.length && b.words.length) && !(a.han && b.han)) continue;
      const score = parsedSimilarity(a, b, agree);
      if (score > 0 && (!best || score > best.score)) best = { id: c.id, matched: c.names[i]!, score };
    }
    if (best) out.push(best);
  }
  return out.sort((x, y) => y.score - x.score).slice(0, limit);
}
