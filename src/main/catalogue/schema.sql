-- Generated from the migrations (schema version 1); do not edit: run npm run schema:dump

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
  );

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

CREATE TABLE collections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_id INTEGER REFERENCES collections(id) ON DELETE RESTRICT,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  level TEXT NOT NULL CHECK (level IN ('fonds', 'series', 'file')),
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

CREATE TABLE record_links (
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE RESTRICT,
  role TEXT NOT NULL CHECK (role IN ('author', 'issuer', 'signatory', 'party', 'speaker', 'performer',
  'mentioned', 'subject', 'photographer', 'publisher')),
  note TEXT,
  position INTEGER NOT NULL,
  PRIMARY KEY (record_id, authority_id, role)
  );

CREATE TABLE record_tags (
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (record_id, tag_id)
  );

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

CREATE INDEX record_links_authority ON record_links(authority_id);

CREATE INDEX record_tags_tag ON record_tags(tag_id);

CREATE INDEX records_collection ON records(collection_id);

CREATE INDEX records_created ON records(created_at, id);

CREATE INDEX records_date ON records(date, id);

CREATE INDEX records_title ON records(title COLLATE NOCASE, id);

CREATE INDEX records_type ON records(type, date, id);

CREATE INDEX records_updated ON records(updated_at, id);
