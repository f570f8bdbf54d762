import type { Database } from 'better-sqlite3';

/**
 * Full-text index of each record's own words: records_fts holds, per record (rowid = records.id),
 * the tokenizer's terms of its description fields (`meta`: titles, reference code, linked names,
 * tags, outlet, type) and of its text (`text`: description and the whole body text).
 *
 * Why: the record-level MiniSearch index in the renderer keeps to the short fields, where prefix
 * and typo matching matter, so it stays small and fast at 100,000 records; descriptions and body
 * text are prose, which FTS5 searches in a fraction of the memory. FTS5 answers a whole query
 * over all of a record's words at once, so "Blake festival" finds a record that names Judith
 * Blake and mentions the festival only in its description.
 *
 * The index is derived from the change log: record_text_state says up to which revision (and
 * with which tokenizer) it is complete, and src/main/search/record-text.ts brings it up to date
 * after every write and when a library opens (it fills this table for existing catalogues).
 */
export default function up(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE records_fts USING fts5(
      meta,
      text,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 0'
    );

    CREATE TABLE record_text_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      revision INTEGER NOT NULL,
      tokenizer INTEGER NOT NULL
    );
    INSERT INTO record_text_state (id, revision, tokenizer) VALUES (1, -1, 0);
  `);
}
