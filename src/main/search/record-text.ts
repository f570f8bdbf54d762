/**
 * The full-text index of records' own words (records_fts, migration 0004): per record, the terms
 * of its short fields (`meta`) and of its prose — description and the whole body text (`text`).
 *
 * It is derived from the change log rather than written by each write path: every write logs a
 * change for each record it touches (the rule the search feed already relies on), so bringing
 * the index up to the newest revision after each write, and when a library opens, covers every
 * path — editing, imports, merges of authorities, renamed tags, restored records — without one
 * being forgotten. Rebuilding a record's row is idempotent, so an interrupted catch-up is simply
 * done again.
 */
import { fieldText, SEARCH_FIELDS, type SearchDocument } from '../../shared/search/document';
import { tokenize, TOKENIZER_VERSION } from '../../shared/search/tokenizer';
import { currentRevision } from '../catalogue/changes';
import type { CatalogueContext } from '../catalogue/context';
import { sql } from '../catalogue/statements';
import { searchDocumentsFor } from './documents';
import { ftsTerms } from './fulltext';

const CHUNK = 500;

/** The short fields' words of a record, as one text (the same fields MiniSearch indexes). */
function metaText(doc: SearchDocument): string {
  return SEARCH_FIELDS.map((f) => fieldText(doc, f)).join(' ');
}

function reindex(ctx: CatalogueContext, ids: number[]): void {
  const remove = sql(ctx.db, 'DELETE FROM records_fts WHERE rowid = ?');
  const insert = sql(ctx.db, 'INSERT INTO records_fts (rowid, meta, text) VALUES (?, ?, ?)');
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const docs = new Map(searchDocumentsFor(ctx, chunk).map((d) => [d.id, d]));
    const prose = sql(
      ctx.db,
      `SELECT id, coalesce(description, '') AS description, coalesce(body_text, '') AS body FROM records WHERE id IN (${chunk.map(() => '?').join(', ')})`,
    ).all(...chunk) as { id: number; description: string; body: string }[];
    const text = new Map(prose.map((p) => [p.id, `${p.description}\n${p.body}`]));
    for (const id of chunk) {
      remove.run(id);
      const doc = docs.get(id);
      if (doc) insert.run(id, tokenize(metaText(doc)).join(' '), tokenize(text.get(id) ?? '').join(' '));
    }
  }
}

function textState(ctx: CatalogueContext) {
  const state = sql(
    ctx.db,
    'SELECT revision, tokenizer, pages_tokenizer AS pagesTokenizer FROM record_text_state WHERE id = 1',
  ).get() as {
    revision: number;
    tokenizer: number;
    pagesTokenizer: number;
  };
  const revision = currentRevision(ctx);
  const whole = state.tokenizer !== TOKENIZER_VERSION || state.revision < 0;
  const pages = state.pagesTokenizer !== TOKENIZER_VERSION;
  return { state, revision, whole, pages, behind: whole || pages || state.revision < revision };
}

/**
 * Re-indexes every page of document text from its stored text (kept as written; the index holds
 * the tokenizer's terms), and stamps pages_fts with the tokenizer that wrote it (migration 0006).
 * Call inside a transaction.
 */
export function rebuildPagesText(ctx: CatalogueContext): number {
  sql(ctx.db, "INSERT INTO pages_fts (pages_fts) VALUES ('delete-all')").run();
  const insert = sql(ctx.db, 'INSERT INTO pages_fts (rowid, terms) VALUES (?, ?)');
  const batch = sql(ctx.db, 'SELECT id, text FROM pages WHERE id > ? ORDER BY id LIMIT 500');
  let pages = 0;
  // In batches: a statement cannot be iterated while the same connection writes.
  for (let last = 0; ;) {
    const rows = batch.all(last) as { id: number; text: string }[];
    if (rows.length === 0) break;
    for (const row of rows) insert.run(row.id, ftsTerms(row.text));
    pages += rows.length;
    last = rows[rows.length - 1]!.id;
  }
  sql(ctx.db, 'UPDATE record_text_state SET pages_tokenizer = ? WHERE id = 1').run(TOKENIZER_VERSION);
  return pages;
}

/** Whether records_fts lags the catalogue (a read: lets a caller take the write lock only when there is work). */
export function recordTextBehind(ctx: CatalogueContext): boolean {
  return textState(ctx).behind;
}

/**
 * Brings records_fts up to the catalogue's newest revision; returns how many records it
 * re-indexed. A new tokenizer (or a catalogue that never had the index) rebuilds it whole, and
 * pages_fts too when another tokenizer wrote it.
 */
export function syncRecordText(ctx: CatalogueContext): number {
  const { state, revision, whole, pages, behind } = textState(ctx);
  if (!behind) return 0;
  return ctx.db.transaction(() => {
    if (pages) rebuildPagesText(ctx);
    let ids: number[];
    if (whole) {
      sql(ctx.db, "INSERT INTO records_fts (records_fts) VALUES ('delete-all')").run();
      ids = (sql(ctx.db, 'SELECT id FROM records ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    } else {
      ids = (
        sql(
          ctx.db,
          "SELECT DISTINCT entity_id AS id FROM changes WHERE entity = 'record' AND revision > ? AND revision <= ?",
        ).all(state.revision, revision) as {
          id: number;
        }[]
      ).map((r) => r.id);
    }
    reindex(ctx, ids);
    sql(ctx.db, 'UPDATE record_text_state SET revision = ?, tokenizer = ? WHERE id = 1').run(
      revision,
      TOKENIZER_VERSION,
    );
    return ids.length;
  })();
}
