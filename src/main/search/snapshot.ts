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
import { SNAPSHOT_FORMAT, snapshotHeader, splitSnapshot, type SnapshotHeader } from '../../shared/search/snapshot-file';
import { TOKENIZER_VERSION } from '../../shared/search/tokenizer';
import { currentRevision } from '../catalogue/changes';
import type { CatalogueContext } from '../catalogue/context';
import { libraryId, type LibraryPaths } from '../catalogue/library';
import { allSearchDocuments } from './documents';

const FILE = 'records.snapshot.json';

export function snapshotFile(paths: Pick<LibraryPaths, 'index'>): string {
  return path.join(paths.index, FILE);
}

export function loadSnapshot(paths: LibraryPaths, db?: Database.Database): { revision: number; data: string } | null {
  const file = snapshotFile(paths);
  if (!fs.existsSync(file)) return null;
  try {
    return splitSnapshot(fs.readFileSync(file, 'utf8'), db ? libraryId(db) : undefined);
  } catch {
    return null;
  }
}

/**
 * The snapshot's revision and data length, from its header line alone (a window then fetches the
 * file itself); null when there is none this build can use for this library. A file cut short is
 * told by the window when it has read the whole.
 */
export function snapshotInfo(paths: LibraryPaths, db: Database.Database): { revision: number; length: number } | null {
  let fd: number;
  try {
    fd = fs.openSync(snapshotFile(paths), 'r');
  } catch {
    return null;
  }
  try {
    // The header is a few hundred bytes; 64 KB is more than any header this build writes.
    const head = Buffer.alloc(64 * 1024);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, read).toString('utf8');
    const newline = text.indexOf('\n');
    const header = newline < 0 ? null : snapshotHeader(text.slice(0, newline));
    if (!header || header.libraryId !== libraryId(db)) return null;
    return { revision: header.revision, length: header.length };
  } finally {
    fs.closeSync(fd);
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
