/**
 * Compares two libraries' catalogues table by table, by content. Ids are a library's own: where a
 * row points at another (a link to an authority, a file of a record), the id is replaced by the
 * content of the row it points at, so two libraries holding the same things compare equal however
 * their ids were given. Every table in sqlite_schema must have a rule here, or the comparison
 * fails: a new table cannot slip past the round-trip test.
 */
import path from 'node:path';
import Database from 'better-sqlite3';

interface Rule {
  /** Columns left out, each for the reason given in RULES. */
  exclude?: string[];
  /** Columns holding another row's id: column -> table. */
  refs?: Record<string, string>;
  /** Rows left out (a row that names the library itself, not its content). */
  skipRow?: (row: Record<string, unknown>) => boolean;
}

/** How each table compares; `skip` says why a table is not compared row by row. */
export const RULES: Record<string, Rule | { skip: string }> = {
  // A library's own ids are excluded everywhere below; links to other rows compare by that row's content.
  authorities: { exclude: ['id'], refs: { place_id: 'authorities' } },
  authority_names: { refs: { authority_id: 'authorities' } },
  collections: { exclude: ['id'], refs: { parent_id: 'collections' } },
  // revision: the library's own change counter (the import's change of each record has another number).
  records: { exclude: ['id', 'revision'], refs: { collection_id: 'collections' } },
  commitments: { exclude: ['id'], refs: { record_id: 'records' } },
  record_links: { refs: { record_id: 'records', authority_id: 'authorities', on_behalf_of: 'authorities' } },
  tags: { exclude: ['id'] },
  record_tags: { refs: { record_id: 'records', tag_id: 'tags' } },
  // last_fixity_check, fixity_status: when this copy of the file was last checked (the import checks
  // its own copy against the bag's manifest), not a property of the file.
  files: { exclude: ['id', 'last_fixity_check', 'fixity_status'] },
  record_files: { refs: { record_id: 'records', file_id: 'files' } },
  pages: { exclude: ['id'], refs: { file_id: 'files' } },
  // library.id names the library itself: every library has its own.
  settings: { skipRow: (row) => row.key === 'library.id' },
  saved_searches: { exclude: ['id'] },
  // revision: the library's own change counter; the tokenizer version must agree.
  record_text_state: { exclude: ['id', 'revision'] },
  changes: { skip: 'compared in order as the history, with its audit entries (history())' },
  audit: { skip: 'compared with the change it belongs to (history())' },
  jobs: { skip: "each library's own work queue (the importing library's holds the import and its extraction jobs)" },
  sqlite_sequence: { skip: "SQLite's AUTOINCREMENT counters: they follow each library's own ids" },
  pages_fts: { skip: 'a derived index keyed by rowids of pages (ftsCounts() and search check it)' },
  pages_fts_data: { skip: 'FTS5 storage of pages_fts' },
  pages_fts_idx: { skip: 'FTS5 storage of pages_fts' },
  pages_fts_docsize: { skip: 'FTS5 storage of pages_fts (counted by ftsCounts())' },
  pages_fts_config: { skip: 'FTS5 storage of pages_fts' },
  records_fts: { skip: 'a derived index keyed by record ids (ftsCounts() and search check it)' },
  records_fts_data: { skip: 'FTS5 storage of records_fts' },
  records_fts_idx: { skip: 'FTS5 storage of records_fts' },
  records_fts_docsize: { skip: 'FTS5 storage of records_fts (counted by ftsCounts())' },
  records_fts_config: { skip: 'FTS5 storage of records_fts' },
  page_words: {
    skip: "OCR's word boxes, derived from the stored files: a bag carries the pages' text, and the importing library's extraction jobs read the words again",
  },
};

const ENTITY_TABLE: Record<string, string> = {
  record: 'records',
  authority: 'authorities',
  collection: 'collections',
  tag: 'tags',
};

export interface Snapshot {
  tables: string[];
  /** Per compared table: its rows in canonical form, sorted. */
  rows: Record<string, string[]>;
  /** The history, oldest first: each change with its entity (by content) and its audit entries. */
  history: unknown[];
  /** Rows of each derived full-text index. */
  fts: { pages: number; records: number };
}

export function snapshot(libraryDir: string): Snapshot {
  const db = new Database(path.join(libraryDir, 'catalogue.sqlite'), { readonly: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    const byId = new Map<string, Map<number, Record<string, unknown>>>();
    const rowsOf = (table: string) => db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    const index = (table: string) => {
      let m = byId.get(table);
      if (!m) {
        m = new Map(rowsOf(table).map((r) => [Number(r.id), r]));
        byId.set(table, m);
      }
      return m;
    };
    const keys = new Map<string, string>();
    const canon = (table: string, row: Record<string, unknown>): Record<string, unknown> => {
      const rule = RULES[table] as Rule;
      const out: Record<string, unknown> = {};
      for (const [col, value] of Object.entries(row)) {
        if (rule.exclude?.includes(col)) continue;
        const ref = rule.refs?.[col];
        out[col] = ref && value !== null ? keyOf(ref, Number(value)) : value;
      }
      return out;
    };
    const keyOf = (table: string, id: number): string => {
      const k = `${table}#${id}`;
      const known = keys.get(k);
      if (known !== undefined) return known;
      const row = index(table).get(id);
      const key = row ? JSON.stringify(canon(table, row)) : `gone ${Math.abs(id)}`;
      keys.set(k, key);
      return key;
    };
    const rows: Record<string, string[]> = {};
    for (const table of tables) {
      const rule = RULES[table];
      if (!rule || 'skip' in rule) continue;
      rows[table] = rowsOf(table)
        .filter((r) => !rule.skipRow?.(r))
        .map((r) => JSON.stringify(canon(table, r)))
        .sort();
    }
    const audit = db.prepare(
      'SELECT field, old_value AS old, new_value AS new FROM audit WHERE revision = ? ORDER BY id',
    );
    const history = (
      db
        .prepare('SELECT revision, at, actor, entity, entity_id AS entityId, action FROM changes ORDER BY revision')
        .all() as {
        revision: number;
        at: string;
        actor: string;
        entity: string;
        entityId: number;
        action: string;
      }[]
    ).map((c) => ({
      at: c.at,
      actor: c.actor,
      entity: c.entity,
      of: keyOf(ENTITY_TABLE[c.entity]!, c.entityId),
      action: c.action,
      audit: audit.all(c.revision),
    }));
    const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { tables, rows, history, fts: { pages: count('pages_fts_docsize'), records: count('records_fts_docsize') } };
  } finally {
    db.close();
  }
}

/** Every row of every table exactly as stored (ids included), for a backup that must restore identically. */
export function rawTables(libraryDir: string): Record<string, string[]> {
  const db = new Database(path.join(libraryDir, 'catalogue.sqlite'), { readonly: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    const out: Record<string, string[]> = {};
    for (const t of tables) {
      out[t] = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][])
        .map((r) => JSON.stringify(r.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v))))
        .sort();
    }
    return out;
  } finally {
    db.close();
  }
}
