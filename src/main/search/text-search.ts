/**
 * Full-text search over documents' pages with SQLite FTS5. The query language is the same as the
 * record-level engine's (src/shared/search/query.ts); its words become an FTS5 expression over the
 * tokenizer's terms, so both engines agree on what a word is.
 */
import type { RecordType } from '../../shared/model';
import type { TextHit } from '../../shared/search/merge';
import { dateMatches, parseQuery, type Clause, type ParsedQuery } from '../../shared/search/query';
import { snippet } from '../../shared/search/snippet';
import { isHanTerm, tokenize } from '../../shared/search/tokenizer';
import type { CatalogueContext } from '../catalogue/context';
import { ftsTerms } from './fulltext';
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
  let expr = groups.map((g) => (g.length === 1 ? `(${g[0]})` : `(${g.map((e) => `(${e})`).join(' OR ')})`)).join(' AND ');
  const excluded = q.excluded.filter((c) => !c.scope).map(clauseExpression).filter((e): e is string => e !== null);
  if (excluded.length) expr = `${expr} NOT (${excluded.join(' OR ')})`;
  return expr;
}

interface Row {
  pageId: number;
  page: number;
  text: string;
  rank: number;
  recordId: number;
  fileName: string;
  title: string;
  type: RecordType;
  date: string;
  dateEnd: string;
  referenceCode: string;
}

export function searchText(ctx: CatalogueContext, query: string, limit: number): { hits: TextHit[]; expression: string | null } {
  const q = parseQuery(query);
  const expression = ftsExpression(q);
  if (!expression) return { hits: [], expression };
  const rows = sql(ctx.db, 
      `SELECT p.id AS pageId, p.page, p.text, f.rank, rf.record_id AS recordId, rf.original_name AS fileName,
              r.title, r.type, coalesce(r.date, '') AS date, coalesce(r.date_end, '') AS dateEnd,
              coalesce(r.reference_code, '') AS referenceCode
         FROM (SELECT rowid, bm25(pages_fts) AS rank FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rank LIMIT ?) f
         JOIN pages p ON p.id = f.rowid
         JOIN record_files rf ON rf.file_id = p.file_id
         JOIN records r ON r.id = rf.record_id
        ORDER BY f.rank, r.id, p.page`,
    )
    .all(expression, limit * 4) as Row[];
  const terms = q.groups.flat().flatMap((c) => tokenize(c.text));
  const hits: TextHit[] = [];
  for (const row of rows) {
    if (q.filters.types.length && !q.filters.types.includes(row.type)) continue;
    if (!dateMatches(row.date, row.dateEnd, q.filters)) continue;
    hits.push({
      recordId: row.recordId,
      title: row.title,
      type: row.type,
      date: row.date,
      referenceCode: row.referenceCode,
      fileName: row.fileName,
      page: row.page,
      rank: row.rank,
      snippet: snippet(row.text, terms),
    });
    if (hits.length >= limit) break;
  }
  return { hits, expression };
}

/** Rebuilds the FTS5 index from the stored page text (e.g. after the tokenizer changed). */
export function rebuildTextIndex(ctx: CatalogueContext): { pages: number } {
  return ctx.db.transaction(() => {
    sql(ctx.db, "INSERT INTO pages_fts (pages_fts) VALUES ('delete-all')").run();
    const insert = sql(ctx.db, 'INSERT INTO pages_fts (rowid, terms) VALUES (?, ?)');
    const batch = sql(ctx.db, 'SELECT id, text FROM pages WHERE id > ? ORDER BY id LIMIT 500');
    let pages = 0;
    // In batches: a statement cannot be iterated while the same connection writes.
    for (let last = 0; ; ) {
      const rows = batch.all(last) as { id: number; text: string }[];
      if (rows.length === 0) break;
      for (const row of rows) insert.run(row.id, ftsTerms(row.text));
      pages += rows.length;
      last = rows[rows.length - 1]!.id;
    }
    return { pages };
  })();
}
