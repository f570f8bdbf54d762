/**
 * The two peers the search benchmark measures in the same run, on the same corpus and queries:
 * MiniSearch over everything (record description and all document text in one index), and
 * SQLite FTS5 over everything (one row per record: description and all its text).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { ftsExpression } from '../../src/main/search/text-search';
import type { SearchDocument } from '../../src/shared/search/document';
import { fieldText, SEARCH_FIELDS } from '../../src/shared/search/document';
import { FIELD_BOOSTS, fuzzyFor, prefixFor } from '../../src/shared/search/engine';
import { parseQuery } from '../../src/shared/search/query';
import { tokenize } from '../../src/shared/search/tokenizer';

export type EverythingDoc = SearchDocument & { text: string };

/** Each record's prose — description, body text, and all its documents' pages — as one text. */
export function everythingText(db: Database.Database): Map<number, string> {
  const out = new Map<number, string>();
  const append = (id: number, text: string) => {
    if (text) out.set(id, out.has(id) ? `${out.get(id)}\n${text}` : text);
  };
  for (const r of db
    .prepare("SELECT id, coalesce(description, '') || ' ' || coalesce(body_text, '') AS text FROM records ORDER BY id")
    .iterate() as Iterable<{ id: number; text: string }>) {
    append(r.id, r.text.trim());
  }
  const rows = db
    .prepare(
      'SELECT rf.record_id AS id, p.text FROM record_files rf JOIN pages p ON p.file_id = rf.file_id ORDER BY rf.record_id, p.page',
    )
    .iterate() as Iterable<{ id: number; text: string }>;
  for (const r of rows) append(r.id, r.text);
  return out;
}

export function miniSearchEverything(): MiniSearch<EverythingDoc> {
  return new MiniSearch<EverythingDoc>({
    idField: 'id',
    fields: [...SEARCH_FIELDS, 'text'],
    storeFields: [],
    extractField: (doc, field) =>
      field === 'id' ? doc.id : field === 'text' ? doc.text : fieldText(doc, field as (typeof SEARCH_FIELDS)[number]),
    tokenize,
    processTerm: (t) => t,
    searchOptions: {
      boost: { ...FIELD_BOOSTS, text: 0.5 },
      combineWith: 'AND',
      prefix: prefixFor,
      fuzzy: fuzzyFor,
      tokenize,
      processTerm: (t) => t,
    },
  });
}

/** FTS5 over everything: the tokenizer's terms of each record's description and text, one row per record. */
export function buildFtsEverything(file: string, docs: SearchDocument[], text: Map<number, string>): void {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(
    "CREATE VIRTUAL TABLE everything USING fts5(terms, content = '', tokenize = 'unicode61 remove_diacritics 0')",
  );
  const insert = db.prepare('INSERT INTO everything (rowid, terms) VALUES (?, ?)');
  db.transaction(() => {
    for (const d of docs) {
      const meta = SEARCH_FIELDS.map((f) => fieldText(d, f)).join(' ');
      insert.run(d.id, tokenize(`${meta} ${text.get(d.id) ?? ''}`).join(' '));
    }
  })();
  db.close();
}

export function ftsEverythingSearch(db: Database.Database): (query: string) => number[] {
  const stmt = db.prepare('SELECT rowid FROM everything WHERE everything MATCH ? ORDER BY bm25(everything) LIMIT 50');
  return (query) => {
    const q = parseQuery(query.replace(/\b(type|year|from|to|person|org|place|tag|ref|partnership|title):/g, ''));
    const expr = ftsExpression(q);
    return expr ? (stmt.all(expr) as { rowid: number }[]).map((r) => r.rowid) : [];
  };
}
