/**
 * The judged test collection (tests/fixtures/relevance/judgements.json) and its measures: the library
 * it judges (the sample catalogue, a few hand-written records with both Chinese scripts and document
 * pages, and 400 generated records), the three rankings compared (ours, the merged list as the app
 * shows it; MiniSearch over everything; FTS5 over everything), and MRR and nDCG@10 over them.
 * Used by `npm run bench:search` and by tests/unit/search/judged.test.ts.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAuthority } from '../../src/main/catalogue/authorities';
import type { CatalogueContext } from '../../src/main/catalogue/context';
import { openLibrary } from '../../src/main/catalogue/library';
import { createRecord } from '../../src/main/catalogue/records';
import { loadSample } from '../../src/main/catalogue/sample';
import { allSearchDocuments } from '../../src/main/search/documents';
import { writePageText } from '../../src/main/search/fulltext';
import { syncRecordText } from '../../src/main/search/record-text';
import { searchText } from '../../src/main/search/text-search';
import { contextFor } from '../../src/main/service/executor';
import { AuthorityCreate, RecordCreate } from '../../src/shared/model';
import { RecordSearch } from '../../src/shared/search/engine';
import { mergeHits } from '../../src/shared/search/merge';
import { tokenize } from '../../src/shared/search/tokenizer';
import { authorities, recordInput, records } from './corpus';
import { buildFtsEverything, everythingText, ftsEverythingSearch, miniSearchEverything } from './peers';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/relevance');
/** The generated part of the judged library: records(GENERATED, SEED) of tests/bench/corpus.ts. */
export const GENERATED = 400;
export const SEED = 9;

/**
 * Hand-written records next to the sample: both Chinese scripts, and document pages whose words
 * only the text engine sees. Keyed by the short names the judgements use.
 */
export const EXTRA_RECORDS: { key: string; record: Record<string, unknown>; pages?: string[] }[] = [
  {
    key: 'zh-mou',
    record: {
      type: 'agreement',
      agreementKind: 'mou',
      title: 'Leeds–Hangzhou MoU (Chinese text)',
      titleAlt: '利兹市与杭州市友好城市谅解备忘录',
      titleAltLanguage: 'zh-Hans',
      date: '2018-09',
      referenceCode: 'LCC/IP/2018/007',
    },
  },
  {
    key: 'rubbing-photo',
    record: { type: 'photograph', title: '友好碑墓誌銘拓片', date: '1989', languages: ['zh-Hant'] },
  },
  {
    key: 'hk-letter',
    record: {
      type: 'letter',
      title: 'Letter from Hong Kong',
      date: '1996-05-02',
      description: '信中提到利茲大學的圖書館，並附上香港大學的來信。',
      languages: ['zh-Hant'],
    },
  },
  {
    key: 'rubbing-scan',
    record: { type: 'report', title: 'Scanned rubbing', date: '1990' },
    pages: ['碑文：墓志铭一篇，记于杭州西湖。友好城市纪念碑。'],
  },
  {
    key: 'kirkstall-visit',
    record: {
      type: 'report',
      title: 'Report on the Hangzhou delegation’s visit to Leeds (1989)',
      date: '1989-06',
      description: 'Programme and report of the first visit of a Hangzhou delegation to Leeds.',
    },
    pages: [
      'Day one: a tour of Kirkstall Abbey and lunch at the Civic Hall with the Lord Mayor.',
      'Day two: a walk round Roundhay Park and a visit to the Tropical World glasshouses, where the delegation saw the spidermonkey enclosure.',
      'Appendix: a facsimile of the letter of invitation from the Lord Mayor of Leeds.',
    ],
  },
  {
    key: 'facsimile-mou',
    record: {
      type: 'other',
      title: 'Facsimile of the 1988 twinning agreement',
      date: '1988-09',
      description: 'A facsimile copy of the agreement establishing friendly relations between Leeds and Hangzhou.',
    },
    pages: ['Agreement on the establishment of friendly city relations between Leeds and Hangzhou, signed 1988.'],
  },
];

/** The five sample records, by the short names the judgements use (their titles are unique). */
export const SAMPLE_RECORDS: Record<string, string> = {
  'press-release': 'Celebration of a 30-year anniversary',
  mou: 'Memorandum of understanding between Leeds and Hangzhou (2018)',
  'qingdao-memo': 'Memorandum with the creative district of Qingdao on the cultural and creative industries (2018)',
  'innovation-park':
    'Agreement between Leeds City Region Enterprise Partnership and China Britain Industry Innovation Park (2018)',
  'hangzhou-tv': 'Hangzhou TV coverage of the Leeds–Hangzhou 30th anniversary celebration',
};

export interface JudgedQuery {
  query: string;
  /** How it was typed: exact, transposition, slip, partial, chinese-simplified, chinese-traditional, name, field… */
  kind: string;
  /** What the person wants, in words: the judgements follow it, not any engine's output. */
  intent: string;
  /** Record key (sample or hand-written short name, or a generated record's reference code) → grade 0–3. */
  judgements: Record<string, number>;
}

export function loadCollection(): JudgedQuery[] {
  return (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'judgements.json'), 'utf8')) as { queries: JudgedQuery[] })
    .queries;
}

let nextHash = 1;

/** Builds the judged library in `dir` through the catalogue's own write paths; returns record key → id. */
export async function buildJudgedLibrary(dir: string): Promise<Map<string, number>> {
  const lib = await openLibrary(dir, { automaticBackup: false });
  const ctx = contextFor(lib, 'bench');
  const keys = new Map<string, number>();
  const insertFile = lib.db.prepare(
    "INSERT INTO files (sha256, size, media_type, page_count, text_status, created_at) VALUES (?, ?, 'application/pdf', ?, 'done', ?)",
  );
  const link = lib.db.prepare(
    'INSERT INTO record_files (record_id, file_id, original_name, position, added_at) VALUES (?, ?, ?, 0, ?)',
  );
  const attach = (recordId: number, name: string, pages: string[]) => {
    const body = pages.join('\f');
    const now = new Date().toISOString();
    const sha = createHash('sha256').update(body).update(String(nextHash++)).digest('hex');
    const fileId = Number(insertFile.run(sha, body.length, pages.length, now).lastInsertRowid);
    link.run(recordId, fileId, name, now);
    pages.forEach((text, i) => writePageText(lib.db, { fileId, page: i + 1, text, source: 'text-layer' }));
  };
  lib.db.transaction(() => {
    loadSample(ctx);
    for (const [key, title] of Object.entries(SAMPLE_RECORDS)) {
      const row = lib.db.prepare('SELECT id FROM records WHERE title = ?').get(title) as { id: number } | undefined;
      if (!row) throw new Error(`sample record not found: ${title}`);
      keys.set(key, row.id);
    }
    for (const extra of EXTRA_RECORDS) {
      const id = createRecord(ctx, RecordCreate.parse(extra.record)).id;
      keys.set(extra.key, id);
      if (extra.pages) attach(id, `${extra.key}.pdf`, extra.pages);
    }
    const ids = new Map<string, number>();
    for (const a of authorities())
      ids.set(
        a.key,
        createAuthority(ctx, AuthorityCreate.parse({ kind: a.kind, name: a.name, altNames: a.altNames })).id,
      );
    for (const g of records(GENERATED, SEED)) {
      const id = createRecord(ctx, recordInput(g, ids)).id;
      keys.set(g.referenceCode, id);
      if (g.pages.length) attach(id, `document-${id}.pdf`, g.pages);
    }
  })();
  syncRecordText(ctx);
  lib.close();
  return keys;
}

/** A ranking: the record ids a query returns, best first. */
export type Ranker = (query: string) => number[];

/** Ours: the record-level engine and FTS5 text, merged as the app's search worker merges them. */
export function oursRanker(ctx: CatalogueContext): Ranker {
  const built = new RecordSearch();
  built.addAll(allSearchDocuments(ctx));
  // Judged as the app searches after start: the index loaded from its snapshot's bytes (index-snapshot.ts).
  const index = RecordSearch.fromJSON(new TextEncoder().encode(built.toJSON()));
  return (query) => {
    const outcome = index.search(query, { limit: 50, withFacets: false });
    const text = searchText(ctx, query, 50);
    const accepted = index.accepted([...new Set(text.hits.map((h) => h.recordId))], outcome.query);
    const terms = outcome.query.groups.flat().flatMap((c) => tokenize(c.text));
    return mergeHits(
      outcome.hits,
      text.hits.filter((h) => accepted.has(h.recordId)),
      terms,
    ).map((h) => h.id);
  };
}

/** MiniSearch over everything (peers.ts): the records' fields and all their text in one index. */
export function miniEverythingRanker(ctx: CatalogueContext): Ranker {
  const text = everythingText(ctx.db);
  const index = miniSearchEverything();
  index.addAll(allSearchDocuments(ctx).map((d) => ({ ...d, text: text.get(d.id) ?? '' })));
  return (query) =>
    index
      .search(query)
      .slice(0, 50)
      .map((r) => r.id as number);
}

/** FTS5 over everything (peers.ts), in `file`. */
export function ftsEverythingRanker(ctx: CatalogueContext, file: string): { rank: Ranker; close: () => void } {
  buildFtsEverything(file, allSearchDocuments(ctx), everythingText(ctx.db));
  const db = new Database(file, { readonly: true });
  const run = ftsEverythingSearch(db);
  return { rank: run, close: () => db.close() };
}

export interface Measures {
  mrr: number;
  ndcg10: number;
  /** Per query: reciprocal rank and nDCG@10. */
  perQuery: { query: string; kind: string; rr: number; ndcg: number }[];
}

const gain = (grade: number) => 2 ** grade - 1;
const dcg = (grades: number[]) => grades.slice(0, 10).reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);

/**
 * MRR: 1 / the rank of the first result judged relevant (grade ≥ 1), 0 if none in the list.
 * nDCG@10: gains 2^grade − 1, discounted by log2(rank + 1), over the ideal order of all judged records.
 */
export function measure(collection: JudgedQuery[], keys: Map<string, number>, rank: Ranker): Measures {
  const perQuery = collection.map((q) => {
    const grades = new Map<number, number>();
    for (const [key, grade] of Object.entries(q.judgements)) {
      const id = keys.get(key);
      if (id === undefined) throw new Error(`judgement names an unknown record: ${key} (query “${q.query}”)`);
      grades.set(id, grade);
    }
    const ranked = rank(q.query);
    const first = ranked.findIndex((id) => (grades.get(id) ?? 0) >= 1);
    const ideal = dcg([...grades.values()].sort((a, b) => b - a));
    return {
      query: q.query,
      kind: q.kind,
      rr: first < 0 ? 0 : 1 / (first + 1),
      ndcg: ideal === 0 ? 0 : dcg(ranked.map((id) => grades.get(id) ?? 0)) / ideal,
    };
  });
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return { mrr: mean(perQuery.map((p) => p.rr)), ndcg10: mean(perQuery.map((p) => p.ndcg)), perQuery };
}

/** Mean MRR and nDCG@10 per query kind, for the benchmark's table. */
export function byKind(m: Measures): Map<string, { n: number; mrr: number; ndcg10: number }> {
  const out = new Map<string, { n: number; mrr: number; ndcg10: number }>();
  for (const p of m.perQuery) {
    const k = out.get(p.kind) ?? { n: 0, mrr: 0, ndcg10: 0 };
    out.set(p.kind, { n: k.n + 1, mrr: k.mrr + p.rr, ndcg10: k.ndcg10 + p.ndcg });
  }
  for (const [kind, k] of out) out.set(kind, { n: k.n, mrr: k.mrr / k.n, ndcg10: k.ndcg10 / k.n });
  return out;
}
