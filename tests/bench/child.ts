/**
 * Measurements that need a fresh process: time from process start to searchable, and the memory
 * an engine holds. Prints one JSON line. Modes:
 *   ours <library> [probes]    answer typo probes from FTS5, then load the snapshot, apply the feed,
 *                              answer a query (the search worker's path)
 *   minisearch-all <library>   build MiniSearch over everything, then snapshot it and time loadJSON
 *   fts-all <file.sqlite>      open FTS5 over everything and answer a query
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { libraryPaths } from '../../src/main/catalogue/library';
import { loadSnapshot } from '../../src/main/search/snapshot';
import { searchDocumentsSince } from '../../src/main/search/documents';
import { searchText } from '../../src/main/search/text-search';
import { RecordSearch } from '../../src/shared/search/engine';
import { ftsEverythingSearch, miniSearchEverything, everythingText } from './peers';
import { probeAnswered, type TypoProbe } from './typo-probes';

const mainStart = performance.now();
const [mode, target, probesJson] = process.argv.slice(2) as [string, string, string | undefined];
const mb = (n: number) => Math.round(n / 1024 / 1024);
const memory = () => {
  global.gc?.();
  const m = process.memoryUsage();
  return { heapMB: mb(m.heapUsed), rssMB: mb(m.rss), externalMB: mb(m.external + m.arrayBuffers) };
};

if (mode === 'ours') {
  const paths = libraryPaths(target);
  const db = new Database(paths.catalogue, { readonly: true });
  const ctx = { db, paths, actor: 'bench', now: () => '' };
  // The box answers from FTS5 (every word of every record, no typo tolerance) while the
  // record index loads: the app shows those answers meanwhile (searchIndex.ts).
  searchText(ctx, 'partnership', 50);
  const ftsReadyMs = performance.now();
  // Typo queries, answered by the text engine (fts5vocab's near spellings) while the record index
  // is still loading, as the app shows them (searchIndex.ts); checked below, outside the timing.
  const probes = JSON.parse(probesJson ?? '[]') as TypoProbe[];
  const took: number[] = [];
  const answers = probes.map((p) => {
    const t0 = performance.now();
    const hits = searchText(ctx, p.typed, 50).hits.map((h) => h.recordId);
    took.push(performance.now() - t0);
    return hits;
  });
  const typoReadyMs = performance.now();
  const typoAnswered = probes.map((p, i) => ({
    typed: p.typed,
    right: probeAnswered(db, p, answers[i]!),
    ms: Math.round(took[i]!),
  }));
  let snap = loadSnapshot(paths, db);
  if (!snap) throw new Error('no snapshot');
  const revision = snap.revision;
  const search = RecordSearch.fromJSON(snap.data);
  // The worker keeps the index, not the text it was read from.
  snap = null;
  const feed = searchDocumentsSince(ctx, revision);
  for (const d of feed.upserts) search.upsert(d);
  search.search('partnership');
  const readyMs = performance.now();
  console.log(
    JSON.stringify({
      readyMs,
      ftsReadyMs,
      typoReadyMs,
      typoAnswered,
      // Node's start and the modules' loading (tsx compiles them here; the app's are built): in every figure alike.
      loadedMs: mainStart,
      mainMs: readyMs - mainStart,
      documents: search.size,
      ...memory(),
    }),
  );
} else if (mode === 'minisearch-all') {
  const db = new Database(path.join(target, 'catalogue.sqlite'), { readonly: true });
  const ctx = { db, paths: libraryPaths(target), actor: 'bench', now: () => '' };
  const docs = searchDocumentsSince(ctx, 0).upserts;
  const text = everythingText(db);
  db.close();
  const t0 = performance.now();
  const index = miniSearchEverything();
  index.addAll(docs.map((d) => ({ ...d, text: text.get(d.id) ?? '' })));
  const buildMs = performance.now() - t0;
  text.clear();
  const heap = memory();
  const json = JSON.stringify(index);
  const file = path.join(target, 'index', 'peer-minisearch.json');
  fs.writeFileSync(file, json);
  const t1 = performance.now();
  const loaded = MiniSearch.loadJSON(
    fs.readFileSync(file, 'utf8'),
    (index as unknown as { _options: ConstructorParameters<typeof MiniSearch>[0] })._options,
  );
  const loadMs = performance.now() - t1;
  fs.rmSync(file);
  const latencies: Record<string, number[]> = {};
  const { QUERIES } = await import('./queries');
  // One unmeasured round first, as for the other engines (tests/bench/search.ts).
  for (const q of QUERIES) loaded.search(q.query);
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      const t = performance.now();
      loaded.search(q.query);
      (latencies[q.kind] ??= []).push(performance.now() - t);
    }
  }
  console.log(
    JSON.stringify({ buildMs, documents: docs.length, ...heap, snapshotBytes: json.length, loadMs, latencies }),
  );
} else if (mode === 'fts-all') {
  const db = new Database(target, { readonly: true });
  ftsEverythingSearch(db)('partnership');
  const readyMs = performance.now();
  console.log(JSON.stringify({ readyMs, mainMs: readyMs - mainStart, ...memory() }));
} else {
  throw new Error(`unknown mode ${mode}`);
}
