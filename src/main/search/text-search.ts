/**
 * Full-text search with SQLite FTS5: over records' own words (records_fts: description, body text
 * and the short fields, so a query whose words are spread across them still matches) and over
 * documents' pages (pages_fts: text layers and OCR). The query language is the same as the
 * record-level engine's (src/shared/search/query.ts); its words become an FTS5 expression over
 * the tokenizer's terms, so both engines agree on what a word is.
 */
import type { RecordType } from '../../shared/model';
import type { TextHit } from '../../shared/search/merge';
import type { Suggestion } from '../../shared/search/engine';
import { dateMatches, parseQuery, type Clause, type ParsedQuery } from '../../shared/search/query';
import { firstMatchAt, snippet } from '../../shared/search/snippet';
import { addNames, aliasQueries, type NameIndex } from '../../shared/search/aliases';
import { damerau } from '../../shared/search/damerau';
import { currentRevision } from '../catalogue/changes';
import { isHanTerm, tokenize } from '../../shared/search/tokenizer';
import type { CatalogueContext } from '../catalogue/context';
import { syncRecordText } from './record-text';
import { sql } from '../catalogue/statements';

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** Near spellings of a term that are words of the library (for typos), or none. */
type Candidates = (term: string) => string[];

function clauseExpression(c: Clause, near?: Candidates): string | null {
  const terms = tokenize(c.text);
  if (terms.length === 0) return null;
  if (c.phrase || terms.some(isHanTerm)) return quote(terms.join(' '));
  return terms
    .map((t) => {
      const own = t.length >= 2 ? `${quote(t)}*` : quote(t);
      const others = near?.(t) ?? [];
      return others.length ? `(${[own, ...others.map(quote)].join(' OR ')})` : own;
    })
    .join(' AND ');
}

/**
 * The FTS5 expression for a query, or null when document text cannot answer it: field scopes
 * (title:, person:…) describe records, not pages. With `near`, each word also matches the near
 * spellings it gives.
 */
export function ftsExpression(q: ParsedQuery, near?: Candidates): string | null {
  if (q.groups.length === 0 || q.groups.flat().some((c) => c.scope)) return null;
  const groups = q.groups.map((g) => g.map((c) => clauseExpression(c, near)).filter((e): e is string => e !== null));
  if (groups.some((g) => g.length === 0)) return null;
  let expr = groups
    .map((g) => (g.length === 1 ? `(${g[0]})` : `(${g.map((e) => `(${e})`).join(' OR ')})`))
    .join(' AND ');
  const excluded = q.excluded
    .filter((c) => !c.scope)
    .map((c) => clauseExpression(c))
    .filter((e): e is string => e !== null);
  if (excluded.length) expr = `${expr} NOT (${excluded.join(' OR ')})`;
  return expr;
}

/** A record as the list shows it, read in the same query as its match (no second look-up per hit). */
interface RecordInfo {
  recordId: number;
  title: string;
  type: RecordType;
  date: string;
  dateEnd: string;
  referenceCode: string;
}

const INFO = `r.title AS title, r.type AS type, coalesce(r.date, '') AS date, coalesce(r.date_end, '') AS dateEnd,
       coalesce(r.reference_code, '') AS referenceCode`;

interface RecordRow extends RecordInfo {
  rank: number;
  description: string;
  /** 1 when the record has body text (read from the row's header, not the text). */
  hasBody: number;
}

interface PageRow extends RecordInfo {
  pageId: number;
  page: number;
  rank: number;
  fileName: string;
}

/** Any of the terms in records' prose (the `text` column: description and body), as an FTS5 expression. */
function anyTermInText(terms: string[]): string | null {
  const unique = [...new Set(terms)];
  if (unique.length === 0) return null;
  return `text : (${unique.map((t) => (isHanTerm(t) || t.length < 2 ? quote(t) : `${quote(t)}*`)).join(' OR ')})`;
}

/**
 * Which of these records have a term in their prose, by one query over the range of their ids,
 * made the first time it is asked. (`rowid = ?` beside MATCH, with a JavaScript number bound as a
 * real, is not used by FTS5: it scans every match and answers yes for any record; a query per
 * row would also read a common word's posting list fifty times.)
 */
function proseMatches(ctx: CatalogueContext, terms: string[], rows: RecordRow[]): (id: number) => boolean {
  let found: Set<number> | null = null;
  return (id) => {
    if (!found) {
      const expression = anyTermInText(terms);
      const ids = rows.map((r) => r.recordId);
      found =
        expression === null || ids.length === 0
          ? new Set()
          : new Set(
              sql(ctx.db, 'SELECT rowid FROM records_fts WHERE records_fts MATCH ? AND rowid >= ? AND rowid <= ?')
                .pluck()
                .all(expression, Math.min(...ids), Math.max(...ids)) as number[],
            );
    }
    return found.has(id);
  };
}

/** What of a body is shown when the match was not in it: its opening. */
const BODY_OPENING = 1_000;

/**
 * Where in a record's own words the terms are: its description, its body text, or only its named
 * fields. The body (up to megabytes) is read only for the hits shown, only when the description
 * does not already say, and only when the index says the prose has a term: a record that matched
 * by its named fields alone is not read through to its end looking for one.
 */
function foundIn(
  ctx: CatalogueContext,
  row: RecordRow,
  terms: string[],
  inProse: (id: number) => boolean,
): { where: TextHit['foundIn']; text: string; at: number } {
  // Where the match is, once found, goes on to the snippet: the text is not searched again.
  const inDescription = row.description ? firstMatchAt(row.description, terms) : -1;
  if (inDescription >= 0) return { where: 'description', text: row.description, at: inDescription };
  // No body: its named fields matched; asking the index or reading the body would find nothing more.
  if (!row.hasBody) return { where: 'record', text: row.description, at: -1 };
  const prose = inProse(row.recordId);
  if (!prose && row.description) return { where: 'record', text: row.description, at: -1 };
  const body =
    (
      sql(
        ctx.db,
        prose
          ? "SELECT coalesce(body_text, '') AS body FROM records WHERE id = ?"
          : `SELECT substr(coalesce(body_text, ''), 1, ${BODY_OPENING}) AS body FROM records WHERE id = ?`,
      ).get(row.recordId) as { body: string } | undefined
    )?.body ?? '';
  const inBody = prose && body ? firstMatchAt(body, terms) : -1;
  if (inBody >= 0) return { where: 'text', text: body, at: inBody };
  return { where: 'record', text: body.slice(0, BODY_OPENING), at: -1 };
}

/**
 * Ranking (bm25) reads every match's positions: cheap for a few thousand matches, 50–120 ms for a
 * word on 100,000 pages of a large library. Above these counts (counting is cheap), the newest
 * matches are taken unranked, so a common word never stalls the box; the record-level hits,
 * ranked, still lead the list.
 */
const RECORDS_RANKED = 20_000;
const PAGES_RANKED = 5_000;

function best(
  ctx: CatalogueContext,
  table: 'records_fts' | 'pages_fts',
  rank: string,
  expression: string,
  ranked: number,
  /** Cut to the first rows here (`LIMIT ?`), or leave that to the query around it (a type filter). */
  cut: boolean,
): { from: string; ranked: boolean } {
  // A table with no more rows than that cannot have more matches: not counted (a tenth of a text
  // search in a library of 10,000 records).
  // The rows of records_fts and pages_fts are records' and pages' ids: the largest is read from
  // the tables' own B-trees, at once.
  const rows = (
    sql(ctx.db, `SELECT coalesce(max(id), 0) AS n FROM ${table === 'records_fts' ? 'records' : 'pages'}`).get() as {
      n: number;
    }
  ).n;
  const matches =
    rows <= ranked
      ? rows
      : (
          sql(
            ctx.db,
            `SELECT count(*) AS n FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ${ranked + 1})`,
          ).get(expression) as { n: number }
        ).n;
  const limit = cut ? ' LIMIT ?' : '';
  return matches > ranked
    ? {
        from: `SELECT rowid, -rowid AS rank FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC${limit}`,
        ranked: false,
      }
    : {
        from: `SELECT rowid, ${rank} AS rank FROM ${table} WHERE ${table} MATCH ? ORDER BY rank${limit}`,
        ranked: true,
      };
}

/** Typos are looked for only when the words as typed find at most this many hits. */
const FEW_TEXT_HITS = 2;
/** At most this many near spellings per word, the most frequent first; at most this many vocabulary rows read per range. */
const CANDIDATES = 4;
const VOCABULARY_ROWS = 5_000;

/**
 * The words of the library near a typed one (Damerau distance 1, or 2 from nine letters), read
 * from FTS5's own vocabulary (fts5vocab tables, made per connection in `temp`, so they need no
 * schema). Only the words sharing its first two letters, or those two swapped, are read: a range
 * of the vocabulary's B-tree, not all of it (slips in the first two letters are not caught).
 */
function vocabularyCandidates(ctx: CatalogueContext): Candidates {
  ctx.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.pages_fts_vocab USING fts5vocab(main, 'pages_fts', 'row');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.records_fts_vocab USING fts5vocab(main, 'records_fts', 'row');`);
  // The range is read for its terms alone: asking for a term's document count makes FTS5 read its
  // whole posting list, which for thousands of terms was most of a typo's search. Counts are read
  // only for the few terms near enough.
  const tables = ['pages_fts_vocab', 'records_fts_vocab'];
  const range = tables.map((table) =>
    sql(ctx.db, `SELECT term FROM temp.${table} WHERE term >= ? AND term < ? LIMIT ${VOCABULARY_ROWS}`).pluck(),
  );
  const count = tables.map((table) => sql(ctx.db, `SELECT doc FROM temp.${table} WHERE term = ?`).pluck());
  const ranges = vocabularyRanges(ctx);
  const wordsFrom = (start: string) => {
    let words = ranges.get(start);
    if (!words) {
      words = range.flatMap((statement) => statement.all(start, `${start}\uffff`) as string[]);
      if (ranges.size >= VOCABULARY_RANGES) ranges.clear();
      ranges.set(start, words);
    }
    return words;
  };
  return (term) => {
    if (term.length < 4 || isHanTerm(term) || /^\d+$/.test(term)) return [];
    const max = term.length <= 8 ? 1 : 2;
    const near = new Set<string>();
    const starts = new Set([term.slice(0, 2), term[1]! + term[0]!]);
    for (const start of starts)
      for (const found of wordsFrom(start)) {
        if (found === term || found.startsWith(term) || near.has(found)) continue;
        if (damerau(term, found, max) <= max) near.add(found);
      }
    const docs = (t: string) => count.reduce((n, statement) => n + ((statement.get(t) as number | undefined) ?? 0), 0);
    return [...near]
      .map((t) => [t, docs(t)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, CANDIDATES)
      .map(([t]) => t);
  };
}

/** At most this many two-letter ranges of the vocabulary are kept between searches. */
const VOCABULARY_RANGES = 512;
const vocabularies = new WeakMap<CatalogueContext, { key: string; ranges: Map<string, string[]> }>();

/**
 * The vocabulary's two-letter ranges read so far, kept while nothing at all has been written to
 * the catalogue: reading a range makes FTS5 walk the posting lists of every term in it, and a
 * word typed letter by letter asks the same range at each keystroke. Any write ends them — this
 * connection's (total_changes) or another's (data_version) — as page text can change in place
 * (OCR run again) without a new revision.
 */
function vocabularyRanges(ctx: CatalogueContext): Map<string, string[]> {
  const written = sql(ctx.db, 'SELECT total_changes() AS n').get() as { n: number };
  const key = `${String(ctx.db.pragma('data_version', { simple: true }))}:${written.n}`;
  const cached = vocabularies.get(ctx);
  if (cached && cached.key === key) return cached.ranges;
  const ranges = new Map<string, string[]>();
  vocabularies.set(ctx, { key, ranges });
  return ranges;
}

const nameIndexes = new WeakMap<CatalogueContext, { revision: number; index: NameIndex }>();

/** Every authority's names (aliases.ts), read again only after the catalogue changed. */
function nameIndex(ctx: CatalogueContext): NameIndex {
  const revision = currentRevision(ctx);
  const cached = nameIndexes.get(ctx);
  if (cached && cached.revision === revision) return cached.index;
  const rows = sql(
    ctx.db,
    `SELECT a.name AS name, json_group_array(n.name) AS others
       FROM authorities a JOIN authority_names n ON n.authority_id = a.id
      GROUP BY a.id ORDER BY a.id`,
  ).all() as { name: string; others: string }[];
  const index: NameIndex = new Map();
  for (const row of rows) addNames(index, [row.name, ...(JSON.parse(row.others) as string[])]);
  nameIndexes.set(ctx, { revision, index });
  return index;
}

export interface TextSearch {
  hits: TextHit[];
  expression: string | null;
  /** "Did you mean": the query with its words respelt as words of the library, when that finds much more. */
  suggestions: Suggestion[];
}

export function searchText(ctx: CatalogueContext, query: string, limit: number): TextSearch {
  const q = parseQuery(query);
  const found = searchWords(ctx, q, limit, query);
  if (!found.expression || found.hits.length >= limit) return found;
  // Records that mention an authority the query named by another of its names, below.
  const seen = new Set(found.hits.map((h) => h.recordId));
  const hits = [...found.hits];
  const add = (more: TextHit[]) => {
    for (const hit of more) {
      if (seen.has(hit.recordId)) continue;
      seen.add(hit.recordId);
      hits.push(hit);
      if (hits.length >= limit) return true;
    }
    return false;
  };
  for (const { query: other, name } of aliasQueries(q, nameIndex(ctx))) {
    if (add(searchWords(ctx, other, limit).hits.map((h) => ({ ...h, alias: name })))) return { ...found, hits };
  }
  // Nothing has every word: the records with all words but one, flagged partial, below.
  if (hits.length === 0 && q.groups.length >= 2 && q.groups.length <= PARTIAL_WORDS) {
    for (let k = 0; k < q.groups.length; k++) {
      const fewer = { ...q, groups: q.groups.filter((_, i) => i !== k) };
      if (add(searchWords(ctx, fewer, limit).hits.map((h) => ({ ...h, partial: true })))) break;
    }
  }
  return { ...found, hits };
}

/** A suggestion's records are counted up to this many ("100 or more"). */
const SUGGESTION_COUNT = 100;

/** Partial matches (all words but one) are looked for in queries of up to this many words. */
const PARTIAL_WORDS = 6;

/**
 * Distinct records an expression finds in records' words and documents' pages, counted up to
 * `cap`: a suggestion needs only to find "much more" than a few hits, so counting stops early
 * (a common word's every match would cost tens of milliseconds).
 */
function recordsFound(ctx: CatalogueContext, expression: string, cap: number): number {
  const ids = new Set<number>();
  const own = sql(ctx.db, 'SELECT rowid AS id FROM records_fts WHERE records_fts MATCH ? LIMIT ?').all(
    expression,
    cap,
  ) as { id: number }[];
  for (const r of own) ids.add(r.id);
  if (ids.size >= cap) return cap;
  const paged = sql(
    ctx.db,
    `SELECT rf.record_id AS id FROM (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ? LIMIT ?) f
       JOIN pages p ON p.id = f.rowid JOIN record_files rf ON rf.file_id = p.file_id`,
  ).iterate(expression, cap * 20) as Iterable<{ id: number }>;
  for (const r of paged) {
    ids.add(r.id);
    if (ids.size >= cap) return cap;
  }
  return ids.size;
}

/**
 * The query as typed with each respelt word replaced by its most frequent near spelling, or null
 * when no word could be replaced where it was typed (a word written with other diacritics).
 */
function respelt(query: string, expanded: Map<string, string[]>): string | null {
  let text = query;
  for (const [term, candidates] of expanded) {
    const best = candidates[0];
    if (!best) continue;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'giu',
    );
    const next = text.replace(pattern, best);
    if (next === text) return null;
    text = next;
  }
  return text === query ? null : text;
}

/** The query's own words (and, when they find little, their near spellings) in records' text and pages. */
function searchWords(ctx: CatalogueContext, q: ParsedQuery, limit: number, typed?: string): TextSearch {
  const expression = ftsExpression(q);
  if (!expression) return { hits: [], expression, suggestions: [] };
  const exact = textHits(
    ctx,
    q,
    expression,
    q.groups.flat().flatMap((c) => tokenize(c.text)),
    limit,
  );
  if (exact.length > FEW_TEXT_HITS) return { hits: exact, expression, suggestions: [] };
  // Little found as typed: each word also matches its near spellings in the library.
  const near = vocabularyCandidates(ctx);
  const expanded = new Map<string, string[]>();
  const loose = ftsExpression(q, (t) => {
    const c = near(t);
    if (c.length) expanded.set(t, c);
    return c;
  });
  if (!loose || loose === expression) return { hits: exact, expression, suggestions: [] };
  const terms = q.groups.flat().flatMap((c) => tokenize(c.text).flatMap((t) => [t, ...(expanded.get(t) ?? [])]));
  const loosened = textHits(ctx, q, loose, terms, limit);
  // "Did you mean": only words of the library (fts5vocab), and only when they find much more
  // than the words as typed (engine.ts: helpfulSuggestions, the same measure).
  const suggestions: Suggestion[] = [];
  const suggestion = typed === undefined ? null : respelt(typed, expanded);
  if (suggestion !== null) {
    const asTyped = new Set(exact.map((h) => h.recordId)).size;
    const needed = Math.max(1, 3 * asTyped + 1);
    const corrected = ftsExpression(parseQuery(suggestion));
    const total = corrected ? recordsFound(ctx, corrected, SUGGESTION_COUNT) : 0;
    if (total >= needed) suggestions.push({ text: suggestion, total });
  }
  if (loosened.length <= exact.length) return { hits: exact, expression, suggestions };
  const typedRecords = new Set(exact.map((h) => h.recordId));
  return {
    hits: loosened.map((h) => (typedRecords.has(h.recordId) ? h : { ...h, corrected: true })),
    expression: loose,
    suggestions,
  };
}

function textHits(
  ctx: CatalogueContext,
  q: ParsedQuery,
  expression: string,
  terms: string[],
  limit: number,
): TextHit[] {
  // Records whose own words match come first (bm25 of one table is not comparable with another's).
  // A type filter narrows the matches before the list is cut, through the records' type index:
  // the best matches of that type, not those of the best matches that have it
  // (`type:agreement partnership` found 33 agreements among the best 200 records, of 80). A date
  // filter (partial dates, ranges: query.ts) is applied here, on four times the rows; each row
  // read costs its record's look-up, and a snippet is made for each row kept.
  const types = q.filters.types;
  const dated = !!q.filters.from || !!q.filters.to;
  const rows = dated ? limit * 4 : limit;
  const ofTypes = `SELECT id FROM records WHERE type IN (${types.map(() => '?').join(', ')})`;
  const records = best(ctx, 'records_fts', 'bm25(records_fts, 2.0, 1.0)', expression, RECORDS_RANKED, !types.length);
  // `+rowid`: checked against the list of ids, not handed to FTS5 as a constraint (it scans then).
  // Unranked (the newest first), the index's own order: reading stops once the list is full.
  const ofType = types.length
    ? `SELECT rowid, rank FROM (${records.from}) WHERE +rowid IN (${ofTypes})
        ORDER BY ${records.ranked ? 'rank, rowid' : 'rowid DESC'} LIMIT ?`
    : records.from;
  const recordRows = sql(
    ctx.db,
    `SELECT f.rowid AS recordId, f.rank, coalesce(r.description, '') AS description,
            r.body_text IS NOT NULL AS hasBody, ${INFO}
       FROM (${ofType}) f
       JOIN records r ON r.id = f.rowid
      ORDER BY f.rank, r.id`,
  ).all(expression, ...types, rows) as RecordRow[];
  const passes = (r: RecordInfo) =>
    (!q.filters.types.length || q.filters.types.includes(r.type)) && dateMatches(r.date, r.dateEnd, q.filters);
  const base = (r: RecordInfo) => ({
    recordId: r.recordId,
    title: r.title,
    type: r.type,
    date: r.date,
    referenceCode: r.referenceCode,
  });
  const inProse = proseMatches(ctx, terms, recordRows);
  const hits: TextHit[] = [];
  for (const row of recordRows) {
    if (!passes(row)) continue;
    const found = foundIn(ctx, row, terms, inProse);
    hits.push({
      ...base(row),
      foundIn: found.where,
      fileName: '',
      page: 0,
      rank: row.rank,
      snippet: snippet(found.text, terms, undefined, found.at),
    });
    if (hits.length >= limit) return hits;
  }
  // Pages only when the records' own words left room: ranking the pages of a common word is the
  // slow half of a text search, and its answer would not be shown. Each page row kept is a hit,
  // so only as many rows are read (and joined to their records) as the room left; four times the
  // list when a date filter may drop some. A type filter, as above, through the files of records
  // of that type (a file can belong to records of several types: each row is checked below too).
  const room = dated ? limit * 4 : limit - hits.length;
  const pages = best(ctx, 'pages_fts', 'bm25(pages_fts)', expression, PAGES_RANKED, !types.length);
  const pagesOfType = types.length
    ? `SELECT f.rowid, f.rank FROM (${pages.from}) f JOIN pages p ON p.id = f.rowid
        WHERE +p.file_id IN (SELECT rf.file_id FROM (${ofTypes}) t JOIN record_files rf ON rf.record_id = t.id)
        ORDER BY ${pages.ranked ? 'f.rank, f.rowid' : 'f.rowid DESC'} LIMIT ?`
    : pages.from;
  const pageRows = sql(
    ctx.db,
    `SELECT p.id AS pageId, p.page, f.rank, rf.record_id AS recordId, rf.original_name AS fileName, ${INFO}
       FROM (${pagesOfType}) f
       JOIN pages p ON p.id = f.rowid
       JOIN record_files rf ON rf.file_id = p.file_id
       JOIN records r ON r.id = rf.record_id
      ORDER BY f.rank, rf.record_id, p.page`,
  ).all(expression, ...types, room) as PageRow[];
  // The merged list shows one snippet a record, its best hit's (merge.ts): a page's text
  // (kilobytes) is read and marked only for a record's first hit; its other pages are named.
  const pageText = sql(ctx.db, 'SELECT text FROM pages WHERE id = ?');
  const withSnippet = new Set(hits.map((h) => h.recordId));
  for (const row of pageRows) {
    if (!passes(row)) continue;
    const first = !withSnippet.has(row.recordId);
    withSnippet.add(row.recordId);
    hits.push({
      ...base(row),
      foundIn: 'page',
      fileName: row.fileName,
      page: row.page,
      rank: row.rank,
      snippet: first ? snippet((pageText.get(row.pageId) as { text: string }).text, terms) : [],
    });
    if (hits.length >= limit) break;
  }
  return hits;
}

/** Rebuilds both FTS5 indexes: pages from the stored page text, records from the catalogue (e.g. after the tokenizer changed). */
export function rebuildTextIndex(ctx: CatalogueContext): { pages: number; records: number } {
  return ctx.db.transaction(() => {
    sql(ctx.db, 'UPDATE record_text_state SET revision = -1, pages_tokenizer = 0 WHERE id = 1').run();
    // Rebuilds pages_fts too: its stamp was just cleared.
    const records = syncRecordText(ctx);
    const pages = (sql(ctx.db, 'SELECT count(*) AS n FROM pages').get() as { n: number }).n;
    return { pages, records };
  })();
}
