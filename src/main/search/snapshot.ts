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
import {
  SNAPSHOT_FORMAT,
  snapshotHeader,
  splitSnapshot,
  splitSnapshotBytes,
  type SnapshotHeader,
} from '../../shared/search/snapshot-file';
import { TOKENIZER_VERSION } from '../../shared/search/tokenizer';
import { writeFileAtomically } from '../atomic-write';
import { currentRevision } from '../catalogue/changes';
import type { CatalogueContext } from '../catalogue/context';
import { libraryId, type LibraryPaths } from '../catalogue/library';
import { allSearchDocuments } from './documents';

const FILE = 'records.snapshot.json';

export function snapshotFile(paths: Pick<LibraryPaths, 'index'>): string {
  return path.join(paths.index, FILE);
}

/** The header of the snapshot file, read alone (a few hundred bytes of a file of tens of megabytes). */
function readHeader(file: string): { header: SnapshotHeader; headerBytes: number } | null {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const newline = buffer.subarray(0, read).indexOf(10);
    const header = newline < 0 ? null : snapshotHeader(buffer.toString('utf8', 0, newline));
    return header ? { header, headerBytes: newline + 1 } : null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The stored snapshot's header if it is one this build loads for this library and the file is whole
 * (its size as written); null otherwise. Reads the header alone.
 */
function usableHeader(paths: LibraryPaths, db: Database.Database): SnapshotHeader | null {
  const file = snapshotFile(paths);
  try {
    const head = readHeader(file);
    if (!head || head.header.libraryId !== libraryId(db)) return null;
    // A file cut short (a crash mid-copy, a full disk) is not usable, whatever its header says.
    return fs.statSync(file).size - head.headerBytes === head.header.bytes ? head.header : null;
  } catch {
    return null;
  }
}

export function loadSnapshot(paths: LibraryPaths, db?: Database.Database): { revision: number; data: string } | null {
  const file = snapshotFile(paths);
  if (!fs.existsSync(file)) return null;
  try {
    // The header first: a snapshot of another format or library is not read further.
    const head = readHeader(file);
    if (!head || (db && head.header.libraryId !== libraryId(db))) return null;
    return splitSnapshot(fs.readFileSync(file, 'utf8'), head.header.libraryId);
  } catch {
    return null;
  }
}

/**
 * The same as bytes, as a window's search worker reads the file from its door's route: nothing is
 * decoded here, and RecordSearch.fromJSON decodes only what a query needs.
 */
export function loadSnapshotBytes(
  paths: LibraryPaths,
  db?: Database.Database,
): { revision: number; data: Uint8Array } | null {
  const file = snapshotFile(paths);
  if (!fs.existsSync(file)) return null;
  try {
    const head = readHeader(file);
    if (!head || (db && head.header.libraryId !== libraryId(db))) return null;
    return splitSnapshotBytes(fs.readFileSync(file), head.header.libraryId);
  } catch {
    return null;
  }
}

/**
 * The snapshot's revision and data length, from its header alone (a window then fetches the file
 * itself, src/main/search/serve-snapshot.ts); null when there is none this build can use here.
 */
export function snapshotInfo(paths: LibraryPaths, db: Database.Database): { revision: number; length: number } | null {
  const header = usableHeader(paths, db);
  return header ? { revision: header.revision, length: header.length } : null;
}

/**
 * The revision of the snapshot on disk if it is one this version would load for this library,
 * else null: read from its header alone, so a keeper starting up need not rewrite a current one.
 */
export function storedSnapshotRevision(paths: LibraryPaths): number | null {
  if (!fs.existsSync(snapshotFile(paths))) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(paths.catalogue, { readonly: true, fileMustExist: true });
    return usableHeader(paths, db)?.revision ?? null;
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
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    tokenizer: TOKENIZER_VERSION,
    libraryId: libraryId(ctx.db),
    revision,
    length: data.length,
    bytes: Buffer.byteLength(data),
  };
  const body = `${JSON.stringify(header)}\n${data}`;
  fs.mkdirSync(ctx.paths.index, { recursive: true });
  writeFileAtomically(snapshotFile(ctx.paths), body);
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
