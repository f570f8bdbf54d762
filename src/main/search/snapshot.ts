/**
 * The persisted record-level search index, so a large catalogue is searchable at once: written
 * atomically (temp file, fsync, rename) to the library's index/ folder, stamped with the revision
 * it reflects and the tokenizer that made it. A missing, corrupt or foreign snapshot is ignored
 * (the index is then rebuilt from the change feed).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildRecordSearch } from '../../shared/search/engine';
import { TOKENIZER_VERSION } from '../../shared/search/tokenizer';
import { currentRevision } from '../catalogue/changes';
import type { CatalogueContext } from '../catalogue/context';
import { libraryId, type LibraryPaths } from '../catalogue/library';
import { allSearchDocuments } from './documents';

/** 3: documents packed (src/shared/search/packed.ts). An older snapshot is ignored and rebuilt. */
const SNAPSHOT_FORMAT = 3;
const FILE = 'records.snapshot.json';

interface Header {
  format: number;
  tokenizer: number;
  libraryId: string;
  revision: number;
  /** Length of the data after the header line: a file cut short (a crash mid-copy, a full disk) is told by it. */
  length: number;
}

export function snapshotFile(paths: Pick<LibraryPaths, 'index'>): string {
  return path.join(paths.index, FILE);
}

export function loadSnapshot(paths: LibraryPaths, db?: Database.Database): { revision: number; data: string } | null {
  const file = snapshotFile(paths);
  if (!fs.existsSync(file)) return null;
  try {
    const text = fs.readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as Header;
    const expectedId = db ? libraryId(db) : null;
    if (header.format !== SNAPSHOT_FORMAT || header.tokenizer !== TOKENIZER_VERSION) return null;
    if (expectedId && header.libraryId !== expectedId) return null;
    const data = text.slice(newline + 1);
    if (data.length !== header.length || !data.includes('\n')) return null;
    return { revision: header.revision, data };
  } catch {
    return null;
  }
}

/** Builds the snapshot from the catalogue as it is now and writes it atomically. */
export function writeSnapshot(ctx: Pick<CatalogueContext, 'db' | 'paths'>): {
  revision: number;
  documents: number;
  bytes: number;
} {
  // One read transaction: the documents and the revision they reflect agree.
  const { docs, revision } = ctx.db.transaction(() => ({
    docs: allSearchDocuments(ctx as CatalogueContext),
    revision: currentRevision(ctx),
  }))();
  const search = buildRecordSearch(docs);
  const data = search.toJSON();
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    tokenizer: TOKENIZER_VERSION,
    libraryId: libraryId(ctx.db),
    revision,
    length: data.length,
  };
  const body = `${JSON.stringify(header)}\n${data}`;
  fs.mkdirSync(ctx.paths.index, { recursive: true });
  const file = snapshotFile(ctx.paths);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, body);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  return { revision, documents: docs.length, bytes: Buffer.byteLength(body) };
}

/** Builds a snapshot over a separate read-only connection (for a background thread or the CLI). */
export function writeSnapshotFor(paths: LibraryPaths): { revision: number; documents: number; bytes: number } {
  const db = new Database(paths.catalogue, { readonly: true, fileMustExist: true });
  try {
    return writeSnapshot({ db, paths });
  } finally {
    db.close();
  }
}
