import type { Database } from 'better-sqlite3';

/**
 * ISAD(G)'s six levels of description. Version 1 allowed only fonds, series and file, so an
 * archivist could not describe a sub-fonds, a sub-series or a single item; the level CHECK now
 * admits all six. Existing rows keep their levels, which are all among the six.
 *
 * SQLite cannot change a CHECK, so `collections` is rebuilt. Unlike record_links (0005) it is a
 * parent: records point at it (ON DELETE SET NULL) and so do its own rows (ON DELETE RESTRICT),
 * and the migration runs with foreign keys on, inside a transaction where they cannot be turned
 * off. So the rows are copied parents first, the old table's own links are cut before it is
 * dropped (RESTRICT would refuse the drop), every record's collection is kept aside and written
 * back after the drop (SET NULL empties it), and the AUTOINCREMENT counter is carried over, so an
 * id once used is still never reused.
 */
export default function up(db: Database): void {
  const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'collections'").get() as
    { seq: number } | undefined;
  db.exec(`
    CREATE TABLE collections_new (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      parent_id INTEGER REFERENCES collections_new(id) ON DELETE RESTRICT,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      level TEXT NOT NULL CHECK (level IN ('fonds', 'sub-fonds', 'series', 'sub-series', 'file', 'item')),
      reference_code TEXT,
      description TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    INSERT INTO collections_new (id, parent_id, name, level, reference_code, description, created_at, updated_at)
      WITH RECURSIVE tree(id, depth) AS (
        SELECT id, 0 FROM collections WHERE parent_id IS NULL
        UNION ALL SELECT c.id, tree.depth + 1 FROM collections c JOIN tree ON c.parent_id = tree.id
      )
      SELECT c.id, c.parent_id, c.name, c.level, c.reference_code, c.description, c.created_at, c.updated_at
        FROM tree JOIN collections c ON c.id = tree.id ORDER BY tree.depth, c.id;

    CREATE TEMP TABLE filed AS SELECT id, collection_id FROM records WHERE collection_id IS NOT NULL;
    UPDATE collections SET parent_id = NULL;
    DROP TABLE collections;
    ALTER TABLE collections_new RENAME TO collections;
    CREATE INDEX collections_parent ON collections(parent_id);
    UPDATE records SET collection_id = (SELECT f.collection_id FROM filed f WHERE f.id = records.id)
      WHERE id IN (SELECT id FROM filed);
    DROP TABLE filed;
  `);
  if (seq) db.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'collections'").run(seq.seq);
  const carried = db.prepare("SELECT 1 FROM sqlite_sequence WHERE name = 'collections'").get();
  if (seq && !carried) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('collections', ?)").run(seq.seq);
}
