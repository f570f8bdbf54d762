import type { Database } from 'better-sqlite3';

/**
 * The words OCR read on a page, each with its box, so that a hit can be highlighted on the page
 * image and a scan exported as a searchable PDF (an invisible text layer placed word by word).
 * Before, only the page's text was kept, and where each word stood was lost.
 *
 * One row per page that has them, beside `pages` rather than in it: the boxes are read only when a
 * page is shown or exported, and listing or searching pages never loads them. `width` and `height`
 * are the pixel size of the image OCR read; `words` is a JSON array of
 * [text, x, y, w, h, confidence] with the box normalised to the page (0..1, from the top left), so
 * it fits the page at any rendering scale. The row goes with its page (ON DELETE CASCADE).
 *
 * Existing pages get no rows: their boxes were never kept, and nothing is read again on upgrade (a
 * file re-extracted later gets them).
 */
export default function up(db: Database): void {
  db.exec(`
    CREATE TABLE page_words (
      page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
      width INTEGER NOT NULL CHECK (width > 0),
      height INTEGER NOT NULL CHECK (height > 0),
      words TEXT NOT NULL CHECK (json_valid(words) AND json_type(words) = 'array')
    );
  `);
}
