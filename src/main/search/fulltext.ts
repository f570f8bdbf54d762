/**
 * The full text of documents, page by page, and its FTS5 index. Writing a page's text and its
 * index entry happen together here, inside the caller's transaction, so they can never drift.
 */
import type Database from 'better-sqlite3';
import { tokenize } from '../../shared/search/tokenizer';
import { sql } from '../catalogue/statements';

type PageSource = 'text-layer' | 'ocr' | 'plain' | 'html';

export interface PageText {
  fileId: number;
  /** 1-based page number (1 for single-page files). */
  page: number;
  text: string;
  source: PageSource;
  /** Mean OCR confidence, 0–100; null for text that was not recognised. */
  confidence?: number | null;
  language?: string | null;
}

/** The indexed form of a text: the shared tokenizer's terms, space-separated. */
export function ftsTerms(text: string): string {
  return tokenize(text).join(' ');
}

/** Stores (or replaces) one page's text and its index entry. Call inside a transaction. */
export function writePageText(db: Database.Database, page: PageText): number {
  const existing = sql(db, 'SELECT id FROM pages WHERE file_id = ? AND page = ?').get(page.fileId, page.page) as
    { id: number } | undefined;
  if (existing) {
    sql(db, 'DELETE FROM pages_fts WHERE rowid = ?').run(existing.id);
    sql(db, 'UPDATE pages SET text = ?, source = ?, confidence = ?, language = ? WHERE id = ?').run(
      page.text,
      page.source,
      page.confidence ?? null,
      page.language ?? null,
      existing.id,
    );
    sql(db, 'INSERT INTO pages_fts (rowid, terms) VALUES (?, ?)').run(existing.id, ftsTerms(page.text));
    return existing.id;
  }
  const id = Number(
    sql(db, 'INSERT INTO pages (file_id, page, text, source, confidence, language) VALUES (?, ?, ?, ?, ?, ?)').run(
      page.fileId,
      page.page,
      page.text,
      page.source,
      page.confidence ?? null,
      page.language ?? null,
    ).lastInsertRowid,
  );
  sql(db, 'INSERT INTO pages_fts (rowid, terms) VALUES (?, ?)').run(id, ftsTerms(page.text));
  return id;
}

/** Removes every page of a file and its index entries. Call inside a transaction. */
export function deletePagesOfFile(db: Database.Database, fileId: number): void {
  const ids = sql(db, 'SELECT id FROM pages WHERE file_id = ?').all(fileId) as { id: number }[];
  const unindex = sql(db, 'DELETE FROM pages_fts WHERE rowid = ?');
  for (const { id } of ids) unindex.run(id);
  sql(db, 'DELETE FROM pages WHERE file_id = ?').run(fileId);
}
