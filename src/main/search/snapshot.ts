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

/**
 * 3: documents packed (src/shared/search/packed.ts). 5: the index as its radix tree and its numbers
 * (src/shared/search/index-snapshot.ts). An older snapshot is ignored and rebuilt.
 */
const SNAPSHOT_FORMAT = 5;
const FILE = 'records.snapshot.json';

interface Header {
  format: number;
  tokenizer: number;
  libraryId: string;
  revision: number;
  /** Length of the data after the header line: a file cut short (a crash mid-copy, a full disk) is told by it. */
  length: number;
  /** The same in bytes as written (UTF-8): checked without reading the data. */
  bytes: number;
}

export function snapshotFile(paths: Pick<LibraryPaths, 'index'>): string {
  return path.join(paths.index, FILE);
}

/** The header of the snapshot file, read alone (a few hundred bytes of a file of tens of megabytes). */
function readHeader(file: string): { header: Header; headerBytes: number } | null {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const newline = buffer.subarray(0, read).indexOf(10);
    if (newline < 0) return null;
    return { header: JSON.parse(buffer.toString('utf8', 0, newline)) as Header, headerBytes: newline + 1 };
  } finally {
    fs.closeSync(fd);
  }
}

function current(header: Header, db?: Database.Database): boolean {
  if (header.format !== SNAPSHOT_FORMAT || header.tokenizer !== TOKENIZER_VERSION) return false;
  return !db || header.libraryId === libraryId(db);
}

export function loadSnapshot(paths: LibraryPaths, db?: Database.Database): { revision: number; data: string } | null {
  const file = snapshotFile(paths);
  if (!fs.existsSync(file)) return null;
  try {
    // The header first: a snapshot of another format or library is not read further.
    const head = readHeader(file);
    if (!head || !current(head.header, db)) return null;
    const text = fs.readFileSync(file, 'utf8');
    const data = text.slice(text.indexOf('\n') + 1);
    if (data.length !== head.header.length || !data.includes('\n')) return null;
    return { revision: head.header.revision, data };
  } catch {
    return null;
  }
}

/**
 * The revision of the snapshot on disk if it is one this version would load for this library,
 * else null: read from its header alone, so a keeper starting up need not rewrite a current one.
 */
export function storedSnapshotRevision(paths: LibraryPaths): number | null {
  const file = snapshotFile(paths);
  if (!fs.existsSync(file)) return null;
  let db: Database.Database | null = null;
  try {
    const head = readHeader(file);
    if (!head) return null;
    db = new Database(paths.catalogue, { readonly: true, fileMustExist: true });
    if (!current(head.header, db)) return null;
    // A file cut short (a crash mid-copy, a full disk) is not current, whatever its header says.
    return fs.statSync(file).size - head.headerBytes === head.header.bytes ? head.header.revision : null;
  } catch {
    return null;
  } finally {
    db?.close();
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
    bytes: Buffer.byteLength(data),
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
