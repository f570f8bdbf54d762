/**
 * Entry of the catalogue worker thread: the one writer of the library's SQLite, so a long write
 * never blocks the main process's event loop (and with it every window).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Channel } from '../../shared/contract';
import { ArchiveFailure, archiveError } from '../../shared/result';
import { openLibrary, type Library } from '../catalogue/library';
import type { PathRule } from '../documents/path-rule';
import { contextFor, runHandler, withRule } from './executor';

export interface WorkerData {
  libraryDir: string;
  door: string;
}
export type WorkerRequest =
  { id: number; channel: Channel; input: unknown; rule?: PathRule } | { id: number; close: true };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; error: { code: string; message: string } }
  | { type: 'result'; id: number; result: unknown };

const port = parentPort;
if (!port) throw new Error('catalogue-worker must run in a worker thread');
const { libraryDir, door } = workerData as WorkerData;

let library: Library | null = null;
try {
  library = await openLibrary(libraryDir);
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
} catch (error) {
  const e =
    error instanceof ArchiveFailure
      ? error.toError()
      : archiveError('internal', 'internal', { detail: String((error as Error).message) });
  port.postMessage({ type: 'failed', error: e } satisfies WorkerReply);
}

if (library) {
  const ctx = contextFor(library, door);
  port.on('message', (request: WorkerRequest) => {
    if ('close' in request) {
      library?.close();
      port.postMessage({ type: 'result', id: request.id, result: { ok: true, value: null } } satisfies WorkerReply);
      port.close();
      return;
    }
    port.postMessage({
      type: 'result',
      id: request.id,
      result: runHandler(withRule(ctx, request.rule), request.channel, request.input),
    } satisfies WorkerReply);
  });
}
