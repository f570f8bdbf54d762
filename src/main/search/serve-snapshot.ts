/**
 * The record-level snapshot for a window's search worker: the browser host's GET /search/snapshot
 * and the desktop app's civic-file://search/snapshot. The file is streamed as it lies on disk, so
 * serving it costs the door's thread nothing; the worker checks the header and the length it reads
 * (src/shared/search/snapshot-file.ts). Whether there is one this library can use is the catalogue's
 * answer (searchSnapshotInfo), asked through the service.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { Result } from '../../shared/result';
import { libraryPaths } from '../catalogue/library';
import { snapshotFile } from './snapshot';

export interface SnapshotResponse {
  status: number;
  headers: Record<string, string>;
  body: Readable | string | null;
}

const PLAIN = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };

/** `info` asks the service for searchSnapshotInfo. 404 when there is no usable snapshot. */
export async function serveSearchSnapshot(
  info: () => Promise<Result<{ revision: number; length: number } | null>>,
  libraryRoot: string,
): Promise<SnapshotResponse> {
  const known = await info();
  if (!known.ok || !known.value) return { status: 404, headers: PLAIN, body: 'no search snapshot' };
  const file = snapshotFile(libraryPaths(libraryRoot));
  let size: number;
  try {
    size = (await fs.promises.stat(file)).size;
  } catch {
    return { status: 404, headers: PLAIN, body: 'no search snapshot' };
  }
  return {
    status: 200,
    headers: {
      ...PLAIN,
      'Content-Length': String(size),
      // Rewritten in place as the catalogue moves on: never cached.
      'Cache-Control': 'no-store',
      'X-Snapshot-Revision': String(known.value.revision),
    },
    body: fs.createReadStream(file),
  };
}
