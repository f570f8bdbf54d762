import type { Database } from 'better-sqlite3';

/**
 * Stored files and their text. A file is stored once (content-addressed by SHA-256, under
 * files/<first two hex digits>/<sha256>) and may be attached to several records, each under the
 * name it had there. Text is kept per page with its source; pages_fts indexes the bilingual
 * tokenizer's terms of each page (src/shared/search/tokenizer.ts), written in the same
 * transaction as the page text so the two never drift.
 */
export default function up(db: Database): void {
  db.exec(`
    CREATE TABLE files (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
      size INTEGER NOT NULL CHECK (size >= 0),
      media_type TEXT NOT NULL,
      page_count INTEGER,
      width INTEGER,
      height INTEGER,
      duration_seconds REAL,
      encrypted INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1)),
      text_status TEXT NOT NULL DEFAULT 'pending'
        CHECK (text_status IN ('pending', 'done', 'none', 'failed', 'skipped')),
      text_error TEXT,
      thumbnail_sha256 TEXT,
      metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
      last_fixity_check TEXT,
      fixity_status TEXT CHECK (fixity_status IN ('ok', 'missing', 'altered')),
      created_at TEXT NOT NULL
    );
    CREATE INDEX files_text_status ON files(text_status);

    CREATE TABLE record_files (
      record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE RESTRICT,
      original_name TEXT NOT NULL,
      position INTEGER NOT NULL,
      added_at TEXT NOT NULL,
      PRIMARY KEY (record_id, file_id)
    );
    CREATE INDEX record_files_file ON record_files(file_id);

    CREATE TABLE pages (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      page INTEGER NOT NULL CHECK (page >= 1),
      text TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('text-layer', 'ocr', 'plain', 'html')),
      confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 100)),
      language TEXT,
      UNIQUE (file_id, page)
    );

    -- Contentless: the text lives in pages; rowid = pages.id. Terms are the tokenizer's output
    -- joined by spaces, so unicode61 only splits on spaces and both search engines agree exactly.
    CREATE VIRTUAL TABLE pages_fts USING fts5(
      terms,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 0'
    );

    CREATE TABLE saved_searches (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
      query TEXT NOT NULL,
      filters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filters)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `);
}
