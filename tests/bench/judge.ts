/**
 * `npm run judge:relevance` — writes tests/fixtures/relevance/judgements.json, the judged test
 * collection, from tests/fixtures/relevance/queries.json (hand-written queries and judgements)
 * and from the generator's own data for the generated records (tests/bench/corpus.ts): what a
 * generated record IS (its words, its links, its type and date), never what an engine returns.
 * It also adds queries for the generated library's own words, typed as people type them: the word,
 * a transposition, a slip and a partial word; and its Chinese words in both scripts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { authorities, records, type GenRecord } from './corpus';
import { FIXTURES, GENERATED, SEED, type JudgedQuery } from './relevance';

type Part =
  | { link: string }
  | { name: string; kind: string }
  | { word: string }
  | { zh: string }
  | { tag: string }
  | { any: Part[] };

interface Rule {
  all: Part[];
  none?: Part[];
  type?: string;
  year?: string;
  max?: number;
}

interface HandQuery {
  query: string;
  kind: string;
  intent: string;
  judged: Record<string, number>;
  generated: Rule | null;
}

const names = new Map(authorities().map((a) => [a.key, a]));
const STRONG = new Set(['author', 'signatory', 'party', 'subject']);
const wordsOf = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u));

/** How well one generated record answers one part of a rule, 0–3. */
function grade(g: GenRecord, part: Part): number {
  if ('any' in part) return Math.max(0, ...part.any.map((p) => grade(g, p)));
  if ('link' in part || 'name' in part) {
    const hits = g.links.filter((l) => {
      if ('link' in part) return l.key === part.link;
      const a = names.get(l.key)!;
      return a.kind === part.kind && wordsOf(a.name).has(part.name.toLowerCase());
    });
    return hits.length === 0 ? 0 : Math.max(...hits.map((l) => (STRONG.has(l.role) ? 3 : 2)));
  }
  if ('tag' in part) return g.tags.includes(part.tag) ? 3 : 0;
  const has =
    'word' in part ? (text: string) => wordsOf(text).has(part.word) : (text: string) => text.includes(part.zh);
  if (has(g.title) || g.tags.some(has)) return 3;
  if (has(g.description)) return 2;
  return g.pages.some(has) ? 1 : 0;
}

function judge(g: GenRecord, rule: Rule): number {
  if (rule.type && g.type !== rule.type) return 0;
  if (rule.year && !g.date.startsWith(rule.year)) return 0;
  if (rule.none?.some((p) => grade(g, p) > 0)) return 0;
  const grades = rule.all.map((p) => grade(g, p));
  return Math.min(rule.max ?? 3, ...grades);
}

const generated = [...records(GENERATED, SEED)];

function judgeGenerated(rule: Rule | null): Record<string, number> {
  const out: Record<string, number> = {};
  if (!rule) return out;
  for (const g of generated) {
    const grade = judge(g, rule);
    if (grade > 0) out[g.referenceCode] = grade;
  }
  return out;
}

const hand = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'queries.json'), 'utf8')) as { queries: HandQuery[] };
const collection: JudgedQuery[] = hand.queries.map((q) => ({
  query: q.query,
  kind: q.kind,
  intent: q.intent,
  judgements: { ...q.judged, ...judgeGenerated(q.generated) },
}));

// ---- The generated library's own made-up words: those in 2–8 records' titles or descriptions.
const titleOrDescription = new Map<string, number>();
for (const g of generated)
  for (const w of wordsOf(`${g.title} ${g.description}`))
    if (/^[a-z]{6,}$/.test(w)) titleOrDescription.set(w, (titleOrDescription.get(w) ?? 0) + 1);
const vocabulary = new Set<string>();
for (const g of generated)
  for (const w of wordsOf(`${g.title} ${g.description} ${g.pages.join(' ')}`)) vocabulary.add(w);
const chosen = [...titleOrDescription]
  .filter(([, n]) => n >= 2 && n <= 8)
  .map(([w]) => w)
  .sort()
  .filter((_, i) => i % 7 === 0)
  .slice(0, 14);

const swap = (w: string, i: number) => w.slice(0, i) + w[i + 1]! + w[i]! + w.slice(i + 2);
for (const word of chosen) {
  const judgements = judgeGenerated({ all: [{ word }] });
  const intent = `the generated library's word “${word}”`;
  const mid = Math.floor(word.length / 2);
  const variants: [string, string][] = [
    [word, 'exact'],
    [swap(word, mid), 'transposition'],
    [word.slice(0, mid) + word.slice(mid + 1), 'slip'],
    [word.slice(0, Math.max(4, Math.ceil(word.length * 0.6))), 'partial'],
  ];
  for (const [query, kind] of variants) {
    // A slip that is itself a word of the library asks for that word, not this one.
    if (kind !== 'exact' && kind !== 'partial' && vocabulary.has(query)) continue;
    collection.push({ query, kind, intent, judgements });
  }
}

// ---- Two words of one record's title, as someone remembering it would type them.
for (const g of generated.filter((_, i) => i % 40 === 3)) {
  const words = g.title
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => /^[a-z]{6,}$/.test(w));
  if (words.length < 2) continue;
  const [a, b] = [words[0]!, words[words.length - 1]!];
  const judgements = judgeGenerated({ all: [{ word: a }, { word: b }], max: 2 });
  judgements[g.referenceCode] = 3;
  collection.push({
    query: `${a} ${b}`,
    kind: 'remembered title',
    intent: `the record titled “${g.title}”`,
    judgements,
  });
}

// ---- Chinese words of the generated library in both scripts (Traditional written by hand).
const CHINESE: [string, string][] = [
  ['代表团', '代表團'],
  ['经济', '經濟'],
  ['艺术', '藝術'],
  ['访问', '訪問'],
  ['会议', '會議'],
  ['贸易', '貿易'],
  ['投资', '投資'],
  ['签署', '簽署'],
];
for (const [simplified, traditional] of CHINESE) {
  const judgements = judgeGenerated({ all: [{ zh: simplified }] });
  const intent = `records about ${simplified} (the generated library's Chinese word)`;
  collection.push({ query: simplified, kind: 'chinese-simplified', intent, judgements });
  collection.push({ query: traditional, kind: 'chinese-traditional', intent, judgements });
}

const empty = collection.filter((q) => Object.values(q.judgements).every((g) => g === 0));
if (empty.length) throw new Error(`queries with no relevant record: ${empty.map((q) => q.query).join(', ')}`);
const file = path.join(FIXTURES, 'judgements.json');
// One query a line: a readable file, and a diff that shows which judgements changed.
const about =
  'The judged test collection (issue 14), written by tests/bench/judge.ts from queries.json and the generator’s data: query → record key → grade 0–3. Record keys: the sample and hand-written records’ short names (tests/bench/relevance.ts), or a generated record’s reference code.';
fs.writeFileSync(
  file,
  `{\n"about": ${JSON.stringify(about)},\n"queries": [\n${collection.map((q) => JSON.stringify(q)).join(',\n')}\n]}\n`,
);
console.log(`${collection.length} judged queries → ${path.relative(process.cwd(), file)}`);
const kinds = new Map<string, number>();
for (const q of collection) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
console.log([...kinds].map(([k, n]) => `${k} ${n}`).join(', '));
