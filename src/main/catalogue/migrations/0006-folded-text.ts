import type { Database } from 'better-sqlite3';

/**
 * Records which tokenizer wrote pages_fts, as record_text_state already does for records_fts.
 *
 * Why: tokenizer version 2 folds Traditional Chinese to Simplified (墓誌銘 and 墓志铭 become the
 * same terms), so the terms stored in pages_fts by version 1 no longer meet a folded query.
 * records_fts and the search snapshot already rebuild themselves when the tokenizer changes;
 * pages_fts had no such stamp. With `pages_tokenizer` at 0 here, the catch-up that runs when a
 * library opens (src/main/search/record-text.ts) re-indexes every page from its stored text, which
 * is kept as written: only the index holds the folded form. The same stamp rebuilds pages_fts
 * after any later tokenizer change, without another migration.
 */
export default function up(db: Database): void {
  db.exec('ALTER TABLE record_text_state ADD COLUMN pages_tokenizer INTEGER NOT NULL DEFAULT 0');
}
