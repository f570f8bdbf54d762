/**
 * Full-text search with SQLite FTS5: over records' own words (records_fts: description, body text
 * and the short fields, so a query whose words are spread across them still matches) and over
 * documents' pages (pages_fts: text layers and OCR). The query language is the same as the
 * record-level engine's (src/shared/search/query.ts); its words become an FTS5 expression over
 * the tokenizer's terms, so both engines agree on what a word is.
 */
import type { RecordType } from '../../shared/model';
import type { TextHit } from '../../shared/search/merge';
import { dateMatches, parseQuery, type Clause, type ParsedQuery } from '../../shared/search/query';
import { firstMatchAt, snippet } from '../../shared/search/snippet';
import { isHanTerm, tokenize } from '../../shared/search/tokenizer';
import type { CatalogueContext } from '../catalogue/context';
import { syncRecordText } from './record-text';
import { sql } from '../catalogue/statements';

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

function clauseExpression(c: Clause): string | null {
  const terms = tokenize(c.text);
  if (terms.length === 0) return null;
  if (c.phrase || terms.some(isHanTerm)) return quote(terms.join(' '));
  return terms.map((t) => (t.length >= 2 ? `${quote(t)}*` : quote(t))).join(' AND ');
}

/**
 * The FTS5 expression for a query, or null when document text cannot answer it: field scopes
 * (title:, person:…) describe records, not pages.
 */
export function ftsExpression(q: ParsedQuery): string | null {
  if (q.groups.length === 0 || q.groups.flat().some((c) => c.scope)) return null;
  const groups = q.groups.map((g) => g.map(clauseExpression).filter((e): e is string => e !== null));
  if (groups.some((g) => g.length === 0)) return null;
  let expr = groups
    .map((g) => (g.length === 1 ? `(${g[0]})` : `(${g.map((e) => `(${e})`).join(' OR ')})`))
    .join(' AND ');
  const excluded = q.excluded
    .filter((c) => !c.scope)
    .map(clauseExpression)
    .filter((e): e is string => e !== null);
  if (excluded.length) expr = `${expr} NOT (${excluded.join(' OR ')})`;
  return expr;
}

interface PageRow {
  pageId: number;
  page: number;
  text: string;
  rank: number;
  recordId: number;
  fileName: string;
}

interface RecordRow {
  recordId: number;
  rank: number;
  description: string;
}

interface RecordInfo {
  id: number;
  title: string;
  type: RecordType;
  date: string;
  dateEnd: string;
  referenceCode: string;
}

function recordInfo(ctx: CatalogueContext, ids: number[]): Map<number, RecordInfo> {
  if (ids.length === 0) return new Map();
  const rows = sql(
    ctx.db,
    `SELECT id, title, type, coalesce(date, '') AS date, coalesce(date_end, '') AS dateEnd, coalesce(reference_code, '') AS referenceCode
       FROM records WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as RecordInfo[];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Where in a record's own words the terms are: its description, its body text, or only its named
 * fields. The body (up to megabytes) is read only for the hits shown, and only when the
 * description does not already say.
 */
function foundIn(ctx: CatalogueContext, row: RecordRow, terms: string[]): { where: TextHit['foundIn']; text: string } {
  if (row.description && firstMatchAt(row.description, terms) >= 0)
    return { where: 'description', text: row.description };
  const body =
    (
      sql(ctx.db, "SELECT coalesce(body_text, '') AS body FROM records WHERE id = ?").get(row.recordId) as
        { body: string } | undefined
    )?.body ?? '';
  if (body && firstMatchAt(body, terms) >= 0) return { where: 'text', text: body };
  return { where: 'record', text: row.description || body };
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
): string {
  const matches = (
    sql(
      ctx.db,
      `SELECT count(*) AS n FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ${ranked + 1})`,
    ).get(expression) as { n: number }
  ).n;
  return matches > ranked
    ? `SELECT rowid, -rowid AS rank FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ?`
    : `SELECT rowid, ${rank} AS rank FROM ${table} WHERE ${table} MATCH ? ORDER BY rank LIMIT ?`;
}

export function searchText(
  ctx: CatalogueContext,
  query: string,
  limit: number,
): { hits: TextHit[]; expression: string | null } {
  const q = parseQuery(query);
  const expression = ftsExpression(q);
  if (!expression) return { hits: [], expression };
  const terms = q.groups.flat().flatMap((c) => tokenize(c.text));
  // Records whose own words match come first (bm25 of one table is not comparable with another's).
  const recordRows = sql(
    ctx.db,
    `SELECT f.rowid AS recordId, f.rank, coalesce(r.description, '') AS description
       FROM (${best(ctx, 'records_fts', 'bm25(records_fts, 2.0, 1.0)', expression, RECORDS_RANKED)}) f
       JOIN records r ON r.id = f.rowid
      ORDER BY f.rank, r.id`,
  ).all(expression, limit * 4) as RecordRow[];
  const pageRows = sql(
    ctx.db,
    `SELECT p.id AS pageId, p.page, p.text, f.rank, rf.record_id AS recordId, rf.original_name AS fileName
       FROM (${best(ctx, 'pages_fts', 'bm25(pages_fts)', expression, PAGES_RANKED)}) f
       JOIN pages p ON p.id = f.rowid
       JOIN record_files rf ON rf.file_id = p.file_id
      ORDER BY f.rank, rf.record_id, p.page`,
  ).all(expression, limit * 4) as PageRow[];
  const info = recordInfo(ctx, [
    ...new Set([...recordRows.map((r) => r.recordId), ...pageRows.map((r) => r.recordId)]),
  ]);
  const passes = (r: RecordInfo | undefined): r is RecordInfo =>
    r !== undefined &&
    (!q.filters.types.length || q.filters.types.includes(r.type)) &&
    dateMatches(r.date, r.dateEnd, q.filters);
  const base = (r: RecordInfo) => ({
    recordId: r.id,
    title: r.title,
    type: r.type,
    date: r.date,
    referenceCode: r.referenceCode,
  });
  const hits: TextHit[] = [];
  for (const row of recordRows) {
    const r = info.get(row.recordId);
    if (!passes(r)) continue;
    const found = foundIn(ctx, row, terms);
    hits.push({
      ...base(r),
      foundIn: found.where,
      fileName: '',
      page: 0,
      rank: row.rank,
      snippet: snippet(found.text, terms),
    });
    if (hits.length >= limit) return { hits, expression };
  }
  for (const row of pageRows) {
    const r = info.get(row.recordId);
    if (!passes(r)) continue;
    hits.push({
      ...base(r),
      foundIn: 'page',
      fileName: row.fileName,
      page: row.page,
      rank: row.rank,
      snippet: snippet(row.text, terms),
    });
    if (hits.length >= limit) break;
  }
  return { hits, expression };
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
