import type { Database } from 'better-sqlite3';

/**
 * The background job queue of the documents capability. Jobs live in the catalogue so that work
 * left unfinished when the app quits resumes on the next start: an `import` job copies one file
 * into storage and registers it; an `extract` job reads a stored file (text layer, OCR,
 * thumbnail, metadata); a `verify` job re-hashes every stored file. Jobs of one import share a batch, so a caller can wait for all of them.
 */
export default function up(db: Database): void {
  db.exec(`
    CREATE TABLE jobs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('import', 'extract', 'verify')),
      status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'running', 'done', 'failed', 'cancelled')),
      batch TEXT NOT NULL,
      file_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
      params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
      result TEXT CHECK (result IS NULL OR json_valid(result)),
      error TEXT,
      progress_done INTEGER NOT NULL DEFAULT 0,
      progress_total INTEGER NOT NULL DEFAULT 0,
      progress_label TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX jobs_status ON jobs(status, id);
    CREATE INDEX jobs_batch ON jobs(batch);
    CREATE INDEX jobs_file ON jobs(file_id);
  `);
}
