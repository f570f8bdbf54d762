/**
 * The page_words table (migration 0009): the words OCR read on a page with their boxes. Stored
 * compactly, one JSON array of [text, x, y, w, h, confidence] per page, since a dense page has a
 * thousand words and they are only ever read a page at a time.
 */
import type Database from 'better-sqlite3';
import type { OcrWord, PageWords } from '../../shared/channels/documents';
import { sql } from '../catalogue/statements';

type Packed = [string, number, number, number, number, number];

/** Writes (or clears, with null) the words of the page whose pages.id is `pageId`. */
export function writePageWords(db: Database.Database, pageId: number, words: PageWords | null): void {
  if (!words) {
    sql(db, 'DELETE FROM page_words WHERE page_id = ?').run(pageId);
    return;
  }
  const packed: Packed[] = words.words.map((w) => [w.text, w.x, w.y, w.w, w.h, w.confidence]);
  sql(db, 'INSERT OR REPLACE INTO page_words (page_id, width, height, words) VALUES (?, ?, ?, ?)').run(
    pageId,
    words.width,
    words.height,
    JSON.stringify(packed),
  );
}

/** The words of page `page` of a file, or null when that page has none stored. */
export function readPageWords(db: Database.Database, fileId: number, page: number): PageWords | null {
  const row = sql(
    db,
    `SELECT w.width, w.height, w.words FROM page_words w JOIN pages p ON p.id = w.page_id
      WHERE p.file_id = ? AND p.page = ?`,
  ).get(fileId, page) as { width: number; height: number; words: string } | undefined;
  if (!row) return null;
  const words: OcrWord[] = (JSON.parse(row.words) as Packed[]).map(([text, x, y, w, h, confidence]) => ({
    text,
    x,
    y,
    w,
    h,
    confidence,
  }));
  return { width: row.width, height: row.height, words };
}
