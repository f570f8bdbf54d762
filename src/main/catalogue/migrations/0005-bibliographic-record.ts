import type { Database } from 'better-sqlite3';

/**
 * The bibliographic record. Importing a bibliography made every book, article and chapter an
 * "other" document and dropped its journal, volume, pages, DOI, editors and the rest (32 of 122
 * values survived a CSL-JSON import → export). A published item is now described as well as
 * archived:
 *
 * - records get its CSL type beside the archival type, the CSL variables archivists and styles use
 *   (container and collection title, volume, issue, page, edition, number, place of publication,
 *   genre, medium as `format`, DOI, ISBN, ISSN, accessed), the date as the source writes it
 *   (`date_text`: "[1965?]", "1980ff"), `extra_csl`, every other CSL variable verbatim (JSON), and
 *   `csl_forms`, the source's exact form of a variable our fields hold otherwise (a season, 38 as a number);
 * - authorities get `name_parts`, the name split as CSL does (family, given, particles, suffix), so
 *   "van Gennep" and "周峰" come back out as their source wrote them;
 * - links get the CSL name roles (editor, translator, container author, director, interviewer,
 *   recipient...). SQLite cannot change a CHECK, so record_links is rebuilt with its rows, in order.
 */
export default function up(db: Database): void {
  db.exec(`
    ALTER TABLE records ADD COLUMN csl_type TEXT CHECK (csl_type IN ('article', 'article-journal',
      'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection',
      'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic',
      'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score',
      'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post',
      'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
      'thesis', 'treaty', 'webpage'));
    ALTER TABLE records ADD COLUMN date_text TEXT;
    ALTER TABLE records ADD COLUMN container_title TEXT;
    ALTER TABLE records ADD COLUMN collection_title TEXT;
    ALTER TABLE records ADD COLUMN volume TEXT;
    ALTER TABLE records ADD COLUMN issue TEXT;
    ALTER TABLE records ADD COLUMN page TEXT;
    ALTER TABLE records ADD COLUMN edition TEXT;
    ALTER TABLE records ADD COLUMN number TEXT;
    ALTER TABLE records ADD COLUMN publisher_place TEXT;
    ALTER TABLE records ADD COLUMN genre TEXT;
    ALTER TABLE records ADD COLUMN format TEXT;
    ALTER TABLE records ADD COLUMN doi TEXT;
    ALTER TABLE records ADD COLUMN isbn TEXT;
    ALTER TABLE records ADD COLUMN issn TEXT;
    ALTER TABLE records ADD COLUMN accessed TEXT;
    ALTER TABLE records ADD COLUMN extra_csl TEXT CHECK (extra_csl IS NULL OR json_valid(extra_csl));
    ALTER TABLE records ADD COLUMN csl_forms TEXT CHECK (csl_forms IS NULL OR json_valid(csl_forms));
    -- Duplicates are found by DOI and ISBN on import.
    CREATE INDEX records_doi ON records(doi COLLATE NOCASE) WHERE doi IS NOT NULL;
    CREATE INDEX records_isbn ON records(isbn) WHERE isbn IS NOT NULL;

    ALTER TABLE authorities ADD COLUMN name_parts TEXT CHECK (name_parts IS NULL OR json_valid(name_parts));

    CREATE TABLE record_links_new (
      record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE RESTRICT,
      role TEXT NOT NULL CHECK (role IN ('author', 'issuer', 'signatory', 'party', 'speaker', 'performer',
                                         'mentioned', 'subject', 'photographer', 'publisher',
                                         'editor', 'translator', 'container-author', 'collection-editor',
                                         'director', 'interviewer', 'recipient', 'reviewed-author',
                                         'illustrator', 'composer', 'compiler', 'contributor')),
      note TEXT,
      position INTEGER NOT NULL,
      PRIMARY KEY (record_id, authority_id, role)
    );
    INSERT INTO record_links_new (record_id, authority_id, role, note, position)
      SELECT record_id, authority_id, role, note, position FROM record_links;
    DROP TABLE record_links;
    ALTER TABLE record_links_new RENAME TO record_links;
    CREATE INDEX record_links_authority ON record_links(authority_id);
  `);
}
