/**
 * The layout of the persisted record-level index (the library's index/records.snapshot.json): one
 * header line of JSON, then the index and its documents (index-snapshot.ts). Read by the main process (the CLI) and by
 * the window's search worker, which fetches the file whole from its door's snapshot route: the
 * 60 MB of a large library then never pass through a JSON envelope or the window's thread.
 */
import { TOKENIZER_VERSION } from './tokenizer';

/**
 * 3: documents packed (src/shared/search/packed.ts). 5: the index as its radix tree and its numbers
 * (src/shared/search/index-snapshot.ts). 6: ASCII only, read lazily — the records' numbers read
 * from the text itself, the tree node by node, each document when first needed. 7: each record's
 * date among its numbers (ties of relevance break on it without parsing documents). An older
 * snapshot is ignored and rebuilt.
 */
export const SNAPSHOT_FORMAT = 7;

export interface SnapshotHeader {
  format: number;
  tokenizer: number;
  libraryId: string;
  revision: number;
  /** Length of the data after the header line: a file cut short (a crash mid-copy, a full disk) is told by it. */
  length: number;
  /** The same in bytes as written (UTF-8): a cut file is told from its size, without reading the data. */
  bytes: number;
}

/** The header, if the line is one this build can read (same format and tokenizer); null otherwise. */
export function snapshotHeader(line: string): SnapshotHeader | null {
  try {
    const header = JSON.parse(line) as Partial<SnapshotHeader>;
    if (header.format !== SNAPSHOT_FORMAT || header.tokenizer !== TOKENIZER_VERSION) return null;
    if (typeof header.revision !== 'number' || typeof header.length !== 'number') return null;
    if (typeof header.bytes !== 'number') return null;
    if (typeof header.libraryId !== 'string') return null;
    return header as SnapshotHeader;
  } catch {
    return null;
  }
}

/**
 * The index data and its revision from a whole snapshot file's text, or null when it is not one this
 * build can use: another format or tokenizer, cut short, or (when `libraryId` is given) another library's.
 */
export function splitSnapshot(text: string, libraryId?: string): { revision: number; data: string } | null {
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  const header = snapshotHeader(text.slice(0, newline));
  if (!header || (libraryId !== undefined && header.libraryId !== libraryId)) return null;
  const data = text.slice(newline + 1);
  if (data.length !== header.length || !data.includes('\n')) return null;
  return { revision: header.revision, data };
}

/**
 * The same from the file's bytes (a window's worker fetches them so; the data stays bytes, and
 * RecordSearch.fromJSON decodes only what it needs): null when not one this build can use.
 */
export function splitSnapshotBytes(
  bytes: Uint8Array,
  libraryId?: string,
): { revision: number; data: Uint8Array } | null {
  const newline = bytes.indexOf(10);
  if (newline < 0) return null;
  const header = snapshotHeader(new TextDecoder().decode(bytes.subarray(0, newline)));
  if (!header || (libraryId !== undefined && header.libraryId !== libraryId)) return null;
  const data = bytes.subarray(newline + 1);
  if (data.length !== header.bytes || !data.includes(10)) return null;
  return { revision: header.revision, data };
}
