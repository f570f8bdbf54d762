-- Generated from the migrations (schema version 11); do not edit: run npm run schema:dump

CREATE TRIGGER authorities_sort_rename AFTER UPDATE OF name, name_parts ON authorities
  BEGIN
  UPDATE records SET sort_creator = (
  SELECT coalesce(
  nullif(trim(json_extract(a.name_parts, '$.family')), '')
  || coalesce(', ' || nullif(trim(json_extract(a.name_parts, '$.given')), ''), ''),
  a.name)
  FROM record_links l JOIN authorities a ON a.id = l.authority_id
  WHERE l.record_id = records.id AND l.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  ORDER BY l.position, l.authority_id LIMIT 1)
  WHERE id IN (SELECT record_id FROM record_links WHERE authority_id = NEW.id AND role IN ('author', 'issuer', 'party', 'signatory', 'photographer'))
  AND sort_creator IS NOT (
  SELECT coalesce(
  nullif(trim(json_extract(a.name_parts, '$.family')), '')
  || coalesce(', ' || nullif(trim(json_extract(a.name_parts, '$.given')), ''), ''),
  a.name)
  FROM record_links l JOIN authorities a ON a.id = l.authority_id
  WHERE l.record_id = records.id AND l.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  ORDER BY l.position, l.authority_id LIMIT 1);
  END;

CREATE TRIGGER collections_sort_rename AFTER UPDATE OF name, level ON collections
  BEGIN UPDATE records SET sort_collection = (
  SELECT c.name || char(1) || CASE c.level WHEN 'fonds' THEN 0 WHEN 'sub-fonds' THEN 1 WHEN 'series' THEN 2
  WHEN 'sub-series' THEN 3 WHEN 'file' THEN 4 ELSE 5 END
  FROM collections c WHERE c.id = NEW.id) WHERE collection_id = NEW.id; END;

CREATE TRIGGER record_links_sort_delete AFTER DELETE ON record_links WHEN OLD.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  BEGIN UPDATE records SET sort_creator = (
  SELECT coalesce(
  nullif(trim(json_extract(a.name_parts, '$.family')), '')
  || coalesce(', ' || nullif(trim(json_extract(a.name_parts, '$.given')), ''), ''),
  a.name)
  FROM record_links l JOIN authorities a ON a.id = l.authority_id
  WHERE l.record_id = OLD.record_id AND l.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  ORDER BY l.position, l.authority_id LIMIT 1) WHERE id = OLD.record_id AND sort_creator IS NOT (
  SELECT coalesce(
  nullif(trim(json_extract(a.name_parts, '$.family')), '')
  || coalesce(', ' || nullif(trim(json_extract(a.name_parts, '$.given')), ''), ''),
  a.name)
  FROM record_links l JOIN authorities a ON a.id = l.authority_id
  WHERE l.record_id = OLD.record_id AND l.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  ORDER BY l.position, l.authority_id LIMIT 1); END;

CREATE TRIGGER record_links_sort_insert AFTER INSERT ON record_links WHEN NEW.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  BEGIN UPDATE records SET sort_creator = (
  SELECT coalesce(
  nullif(trim(json_extract(a.name_parts, '$.family')), '')
  || coalesce(', ' || nullif(trim(json_extract(a.name_parts, '$.given')), ''), ''),
  a.name)
  FROM record_links l JOIN authorities a ON a.id = l.authority_id
  WHERE l.record_id = NEW.record_id AND l.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  ORDER BY l.position, l.authority_id LIMIT 1) WHERE id = NEW.record_id AND sort_creator IS NOT (
  SELECT coalesce(
  nullif(trim(json_extract(a.name_parts, '$.family')), '')
  || coalesce(', ' || nullif(trim(json_extract(a.name_parts, '$.given')), ''), ''),
  a.name)
  FROM record_links l JOIN authorities a ON a.id = l.authority_id
  WHERE l.record_id = NEW.record_id AND l.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  ORDER BY l.position, l.authority_id LIMIT 1); END;

CREATE TRIGGER record_links_sort_update AFTER UPDATE OF record_id, authority_id, role, position ON record_links
  BEGIN UPDATE records SET sort_creator = (
  SELECT coalesce(
  nullif(trim(json_extract(a.name_parts, '$.family')), '')
  || coalesce(', ' || nullif(trim(json_extract(a.name_parts, '$.given')), ''), ''),
  a.name)
  FROM record_links l JOIN authorities a ON a.id = l.authority_id
  WHERE l.record_id = OLD.record_id AND l.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  ORDER BY l.position, l.authority_id LIMIT 1) WHERE id = OLD.record_id AND sort_creator IS NOT (
  SELECT coalesce(
  nullif(trim(json_extract(a.name_parts, '$.family')), '')
  || coalesce(', ' || nullif(trim(json_extract(a.name_parts, '$.given')), ''), ''),
  a.name)
  FROM record_links l JOIN authorities a ON a.id = l.authority_id
  WHERE l.record_id = OLD.record_id AND l.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  ORDER BY l.position, l.authority_id LIMIT 1); UPDATE records SET sort_creator = (
  SELECT coalesce(
  nullif(trim(json_extract(a.name_parts, '$.family')), '')
  || coalesce(', ' || nullif(trim(json_extract(a.name_parts, '$.given')), ''), ''),
  a.name)
  FROM record_links l JOIN authorities a ON a.id = l.authority_id
  WHERE l.record_id = NEW.record_id AND l.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  ORDER BY l.position, l.authority_id LIMIT 1) WHERE id = NEW.record_id AND sort_creator IS NOT (
  SELECT coalesce(
  nullif(trim(json_extract(a.name_parts, '$.family')), '')
  || coalesce(', ' || nullif(trim(json_extract(a.name_parts, '$.given')), ''), ''),
  a.name)
  FROM record_links l JOIN authorities a ON a.id = l.authority_id
  WHERE l.record_id = NEW.record_id AND l.role IN ('author', 'issuer', 'party', 'signatory', 'photographer')
  ORDER BY l.position, l.authority_id LIMIT 1); END;

CREATE TRIGGER record_tags_sort_delete AFTER DELETE ON record_tags BEGIN UPDATE records SET sort_tag = (
  SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
  WHERE rt.record_id = OLD.record_id ORDER BY t.name COLLATE NOCASE, t.name LIMIT 1) WHERE id = OLD.record_id AND sort_tag IS NOT (
  SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
  WHERE rt.record_id = OLD.record_id ORDER BY t.name COLLATE NOCASE, t.name LIMIT 1); END;

CREATE TRIGGER record_tags_sort_insert AFTER INSERT ON record_tags BEGIN UPDATE records SET sort_tag = (
  SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
  WHERE rt.record_id = NEW.record_id ORDER BY t.name COLLATE NOCASE, t.name LIMIT 1) WHERE id = NEW.record_id AND sort_tag IS NOT (
  SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
  WHERE rt.record_id = NEW.record_id ORDER BY t.name COLLATE NOCASE, t.name LIMIT 1); END;

CREATE TRIGGER record_tags_sort_update AFTER UPDATE ON record_tags
  BEGIN UPDATE records SET sort_tag = (
  SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
  WHERE rt.record_id = OLD.record_id ORDER BY t.name COLLATE NOCASE, t.name LIMIT 1) WHERE id = OLD.record_id AND sort_tag IS NOT (
  SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
  WHERE rt.record_id = OLD.record_id ORDER BY t.name COLLATE NOCASE, t.name LIMIT 1); UPDATE records SET sort_tag = (
  SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
  WHERE rt.record_id = NEW.record_id ORDER BY t.name COLLATE NOCASE, t.name LIMIT 1) WHERE id = NEW.record_id AND sort_tag IS NOT (
  SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
  WHERE rt.record_id = NEW.record_id ORDER BY t.name COLLATE NOCASE, t.name LIMIT 1); END;

CREATE TRIGGER records_sort_collection_insert AFTER INSERT ON records WHEN NEW.collection_id IS NOT NULL
  BEGIN UPDATE records SET sort_collection = (
  SELECT c.name || char(1) || CASE c.level WHEN 'fonds' THEN 0 WHEN 'sub-fonds' THEN 1 WHEN 'series' THEN 2
  WHEN 'sub-series' THEN 3 WHEN 'file' THEN 4 ELSE 5 END
  FROM collections c WHERE c.id = NEW.collection_id) WHERE id = NEW.id; END;

CREATE TRIGGER records_sort_collection_update AFTER UPDATE OF collection_id ON records
  BEGIN
  UPDATE records SET sort_collection = (
  SELECT c.name || char(1) || CASE c.level WHEN 'fonds' THEN 0 WHEN 'sub-fonds' THEN 1 WHEN 'series' THEN 2
  WHEN 'sub-series' THEN 3 WHEN 'file' THEN 4 ELSE 5 END
  FROM collections c WHERE c.id = NEW.collection_id)
  WHERE id = NEW.id AND sort_collection IS NOT (
  SELECT c.name || char(1) || CASE c.level WHEN 'fonds' THEN 0 WHEN 'sub-fonds' THEN 1 WHEN 'series' THEN 2
  WHEN 'sub-series' THEN 3 WHEN 'file' THEN 4 ELSE 5 END
  FROM collections c WHERE c.id = NEW.collection_id);
  END;

CREATE TRIGGER tags_sort_rename AFTER UPDATE OF name ON tags
  BEGIN
  UPDATE records SET sort_tag = (
  SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
  WHERE rt.record_id = records.id ORDER BY t.name COLLATE NOCASE, t.name LIMIT 1)
  WHERE id IN (SELECT record_id FROM record_tags WHERE tag_id = NEW.id) AND sort_tag IS NOT (
  SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
  WHERE rt.record_id = records.id ORDER BY t.name COLLATE NOCASE, t.name LIMIT 1);
  END;

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  revision INTEGER NOT NULL REFERENCES changes(revision),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
  );

CREATE TABLE authorities (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place', 'event', 'partnership')),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  description TEXT,
  date TEXT,
  date_end TEXT,
  place_id INTEGER REFERENCES authorities(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  , name_parts TEXT CHECK (name_parts IS NULL OR json_valid(name_parts)));

CREATE TABLE authority_names (
  authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  language TEXT,
  PRIMARY KEY (authority_id, position)
  );

CREATE TABLE changes (
  revision INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL CHECK (entity IN ('record', 'authority', 'collection', 'tag')),
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete'))
  );

CREATE TABLE "collections" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_id INTEGER REFERENCES "collections"(id) ON DELETE RESTRICT,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  level TEXT NOT NULL CHECK (level IN ('fonds', 'sub-fonds', 'series', 'sub-series', 'file', 'item')),
  reference_code TEXT,
  description TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  );

CREATE TABLE commitments (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'in-progress', 'fulfilled', 'lapsed', 'unknown')),
  UNIQUE (record_id, position)
  );

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

CREATE TABLE page_words (
  page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  words TEXT NOT NULL CHECK (json_valid(words) AND json_type(words) = 'array')
  );

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

CREATE VIRTUAL TABLE pages_fts USING fts5(
  terms,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
  );

CREATE TABLE 'pages_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'pages_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'pages_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'pages_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE record_files (
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE RESTRICT,
  original_name TEXT NOT NULL,
  position INTEGER NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (record_id, file_id)
  );

CREATE TABLE "record_links" (
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE RESTRICT,
  role TEXT NOT NULL CHECK (role IN ('author', 'issuer', 'signatory', 'party', 'speaker', 'performer',
  'mentioned', 'subject', 'photographer', 'publisher',
  'editor', 'translator', 'container-author', 'collection-editor',
  'director', 'interviewer', 'recipient', 'reviewed-author',
  'illustrator', 'composer', 'compiler', 'contributor')),
  note TEXT,
  position INTEGER NOT NULL, on_behalf_of INTEGER REFERENCES authorities(id) ON DELETE SET NULL,
  PRIMARY KEY (record_id, authority_id, role)
  );

CREATE TABLE record_tags (
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (record_id, tag_id)
  );

CREATE TABLE record_text_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revision INTEGER NOT NULL,
  tokenizer INTEGER NOT NULL
  , pages_tokenizer INTEGER NOT NULL DEFAULT 0);

CREATE TABLE records (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL CHECK (type IN ('press-release', 'agreement', 'media-coverage', 'photograph',
  'letter', 'report', 'event-programme', 'other')),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  title_alt TEXT,
  title_alt_language TEXT,
  date TEXT,
  date_end TEXT,
  date_approximate INTEGER NOT NULL DEFAULT 0 CHECK (date_approximate IN (0, 1)),
  description TEXT,
  body_text TEXT,
  languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
  reference_code TEXT UNIQUE,
  publisher TEXT,
  outlet TEXT,
  programme TEXT,
  medium TEXT CHECK (medium IN ('television', 'radio', 'newspaper', 'magazine', 'web')),
  url TEXT,
  rights TEXT,
  access_status TEXT NOT NULL DEFAULT 'open' CHECK (access_status IN ('open', 'restricted', 'closed')),
  physical_location TEXT,
  extent TEXT,
  notes TEXT,
  agreement_kind TEXT CHECK (agreement_kind IN ('mou', 'memorandum', 'contract', 'letter-of-intent', 'agreement')),
  date_signed TEXT,
  place_signed TEXT,
  collection_id INTEGER REFERENCES collections(id) ON DELETE SET NULL,
  revision INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  , csl_type TEXT CHECK (csl_type IN ('article', 'article-journal',
  'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection',
  'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic',
  'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score',
  'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post',
  'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage')), date_text TEXT, container_title TEXT, collection_title TEXT, volume TEXT, issue TEXT, page TEXT, edition TEXT, number TEXT, publisher_place TEXT, genre TEXT, format TEXT, doi TEXT, isbn TEXT, issn TEXT, accessed TEXT, extra_csl TEXT CHECK (extra_csl IS NULL OR json_valid(extra_csl)), csl_forms TEXT CHECK (csl_forms IS NULL OR json_valid(csl_forms)), sort_creator TEXT, sort_collection TEXT, sort_tag TEXT);

CREATE VIRTUAL TABLE records_fts USING fts5(
  meta,
  text,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
  );

CREATE TABLE 'records_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'records_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'records_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'records_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE saved_searches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  query TEXT NOT NULL,
  filters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filters)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  );

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
  );

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
  );

CREATE INDEX audit_revision ON audit(revision);

CREATE INDEX authorities_kind_name ON authorities(kind, name COLLATE NOCASE);

CREATE INDEX authorities_place ON authorities(place_id);

CREATE INDEX authority_names_name ON authority_names(name COLLATE NOCASE);

CREATE INDEX changes_entity ON changes(entity, entity_id);

CREATE INDEX collections_parent ON collections(parent_id);

CREATE INDEX files_text_status ON files(text_status);

CREATE INDEX jobs_batch ON jobs(batch);

CREATE INDEX jobs_file ON jobs(file_id);

CREATE INDEX jobs_status ON jobs(status, id);

CREATE INDEX record_files_file ON record_files(file_id);

CREATE INDEX record_links_authority ON record_links(authority_id);

CREATE INDEX record_links_on_behalf_of ON record_links(on_behalf_of) WHERE on_behalf_of IS NOT NULL;

CREATE INDEX record_tags_tag ON record_tags(tag_id);

CREATE INDEX records_collection ON records(collection_id);

CREATE INDEX records_created ON records(created_at, id);

CREATE INDEX records_date ON records(date, id);

CREATE INDEX records_doi ON records(doi COLLATE NOCASE) WHERE doi IS NOT NULL;

CREATE INDEX records_isbn ON records(isbn) WHERE isbn IS NOT NULL;

CREATE INDEX records_sort_collection ON records((sort_collection IS NULL), sort_collection COLLATE NOCASE, id);

CREATE INDEX records_sort_collection_desc ON records((sort_collection IS NULL), sort_collection COLLATE NOCASE DESC, id DESC);

CREATE INDEX records_sort_creator ON records((sort_creator IS NULL), sort_creator COLLATE NOCASE, id);

CREATE INDEX records_sort_creator_desc ON records((sort_creator IS NULL), sort_creator COLLATE NOCASE DESC, id DESC);

CREATE INDEX records_sort_tag ON records((sort_tag IS NULL), sort_tag COLLATE NOCASE, id);

CREATE INDEX records_sort_tag_desc ON records((sort_tag IS NULL), sort_tag COLLATE NOCASE DESC, id DESC);

CREATE INDEX records_title ON records(title COLLATE NOCASE, id);

CREATE INDEX records_type ON records(type, date, id);

CREATE INDEX records_updated ON records(updated_at, id);
