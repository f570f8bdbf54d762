import type { Database } from 'better-sqlite3';

/**
 * The library list sorts by creator, collection and tags, so each record keeps a sort key for
 * each: its first creator's sort name (family name first when the name's parts are known, else the
 * name as written), its collection's name then level (fonds before series before file…), and its
 * first tag alphabetically. NULL where the record has none: the list puts those last either way.
 *
 * Why a column: the keys live in other tables (links and authorities, collections, tags), and an
 * index cannot reach there. Sorting by a joined name meant a full sort of the catalogue for every
 * page of the list — about 0.4 s a page at 100,000 records — where every other order walks an
 * index. Triggers keep the keys right whichever write changes them (a link, an authority renamed,
 * a collection renamed or re-levelled, a tag renamed or merged, a record filed elsewhere), so no
 * write path can forget them; a trigger writes only when the key changes. The keys are derived
 * data: they log no change and are not part of a record's history.
 */
const CREATOR_ROLES = `('author', 'issuer', 'party', 'signatory', 'photographer')`;

const creatorKey = (record: string) => `(
  SELECT coalesce(
           nullif(trim(json_extract(a.name_parts, '$.family')), '')
             || coalesce(', ' || nullif(trim(json_extract(a.name_parts, '$.given')), ''), ''),
           a.name)
    FROM record_links l JOIN authorities a ON a.id = l.authority_id
   WHERE l.record_id = ${record} AND l.role IN ${CREATOR_ROLES}
   ORDER BY l.position, l.authority_id LIMIT 1)`;

const collectionKey = (collection: string) => `(
  SELECT c.name || char(1) || CASE c.level WHEN 'fonds' THEN 0 WHEN 'sub-fonds' THEN 1 WHEN 'series' THEN 2
                                           WHEN 'sub-series' THEN 3 WHEN 'file' THEN 4 ELSE 5 END
    FROM collections c WHERE c.id = ${collection})`;

const tagKey = (record: string) => `(
  SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
   WHERE rt.record_id = ${record} ORDER BY t.name COLLATE NOCASE, t.name LIMIT 1)`;

/** Sets one record's creator key, writing only when it changed. */
const setCreator = (record: string) =>
  `UPDATE records SET sort_creator = ${creatorKey(record)} WHERE id = ${record} AND sort_creator IS NOT ${creatorKey(record)};`;
const setTag = (record: string) =>
  `UPDATE records SET sort_tag = ${tagKey(record)} WHERE id = ${record} AND sort_tag IS NOT ${tagKey(record)};`;

export default function up(db: Database): void {
  db.exec(`
    ALTER TABLE records ADD COLUMN sort_creator TEXT;
    ALTER TABLE records ADD COLUMN sort_collection TEXT;
    ALTER TABLE records ADD COLUMN sort_tag TEXT;

    UPDATE records SET sort_creator = ${creatorKey('records.id')}
     WHERE id IN (SELECT record_id FROM record_links WHERE role IN ${CREATOR_ROLES});
    UPDATE records SET sort_collection = ${collectionKey('records.collection_id')} WHERE collection_id IS NOT NULL;
    UPDATE records SET sort_tag = ${tagKey('records.id')} WHERE id IN (SELECT record_id FROM record_tags);

    -- Empty keys last in both directions: one index per direction (the list's ORDER BY matches one exactly).
    CREATE INDEX records_sort_creator ON records((sort_creator IS NULL), sort_creator COLLATE NOCASE, id);
    CREATE INDEX records_sort_creator_desc ON records((sort_creator IS NULL), sort_creator COLLATE NOCASE DESC, id DESC);
    CREATE INDEX records_sort_collection ON records((sort_collection IS NULL), sort_collection COLLATE NOCASE, id);
    CREATE INDEX records_sort_collection_desc ON records((sort_collection IS NULL), sort_collection COLLATE NOCASE DESC, id DESC);
    CREATE INDEX records_sort_tag ON records((sort_tag IS NULL), sort_tag COLLATE NOCASE, id);
    CREATE INDEX records_sort_tag_desc ON records((sort_tag IS NULL), sort_tag COLLATE NOCASE DESC, id DESC);

    CREATE TRIGGER record_links_sort_insert AFTER INSERT ON record_links WHEN NEW.role IN ${CREATOR_ROLES}
    BEGIN ${setCreator('NEW.record_id')} END;
    CREATE TRIGGER record_links_sort_delete AFTER DELETE ON record_links WHEN OLD.role IN ${CREATOR_ROLES}
    BEGIN ${setCreator('OLD.record_id')} END;
    CREATE TRIGGER record_links_sort_update AFTER UPDATE OF record_id, authority_id, role, position ON record_links
    BEGIN ${setCreator('OLD.record_id')} ${setCreator('NEW.record_id')} END;
    CREATE TRIGGER authorities_sort_rename AFTER UPDATE OF name, name_parts ON authorities
    BEGIN
      UPDATE records SET sort_creator = ${creatorKey('records.id')}
       WHERE id IN (SELECT record_id FROM record_links WHERE authority_id = NEW.id AND role IN ${CREATOR_ROLES})
         AND sort_creator IS NOT ${creatorKey('records.id')};
    END;

    CREATE TRIGGER records_sort_collection_insert AFTER INSERT ON records WHEN NEW.collection_id IS NOT NULL
    BEGIN UPDATE records SET sort_collection = ${collectionKey('NEW.collection_id')} WHERE id = NEW.id; END;
    CREATE TRIGGER records_sort_collection_update AFTER UPDATE OF collection_id ON records
    BEGIN
      UPDATE records SET sort_collection = ${collectionKey('NEW.collection_id')}
       WHERE id = NEW.id AND sort_collection IS NOT ${collectionKey('NEW.collection_id')};
    END;
    CREATE TRIGGER collections_sort_rename AFTER UPDATE OF name, level ON collections
    BEGIN UPDATE records SET sort_collection = ${collectionKey('NEW.id')} WHERE collection_id = NEW.id; END;

    CREATE TRIGGER record_tags_sort_insert AFTER INSERT ON record_tags BEGIN ${setTag('NEW.record_id')} END;
    CREATE TRIGGER record_tags_sort_delete AFTER DELETE ON record_tags BEGIN ${setTag('OLD.record_id')} END;
    CREATE TRIGGER record_tags_sort_update AFTER UPDATE ON record_tags
    BEGIN ${setTag('OLD.record_id')} ${setTag('NEW.record_id')} END;
    CREATE TRIGGER tags_sort_rename AFTER UPDATE OF name ON tags
    BEGIN
      UPDATE records SET sort_tag = ${tagKey('records.id')}
       WHERE id IN (SELECT record_id FROM record_tags WHERE tag_id = NEW.id) AND sort_tag IS NOT ${tagKey('records.id')};
    END;
  `);
}
