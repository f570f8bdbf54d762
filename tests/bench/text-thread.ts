/**
 * The text engine on its own thread, as the app runs it (the catalogue's worker thread answers
 * searchText while the window's worker runs the record-level search): the search benchmark asks
 * both at once and times the merged list as a person waits for it. Opens the library read-only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { libraryPaths } from '../../src/main/catalogue/library';
import { searchText } from '../../src/main/search/text-search';

const paths = libraryPaths(workerData as string);
const db = new Database(paths.catalogue, { readonly: true });
const ctx = { db, paths, actor: 'bench', now: () => '' };
parentPort!.on('message', (m: { id: number; query: string; limit: number } | 'close') => {
  if (m === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  const t0 = performance.now();
  const result = searchText(ctx, m.query, m.limit);
  parentPort!.postMessage({ id: m.id, hits: result.hits, ms: performance.now() - t0 });
});
