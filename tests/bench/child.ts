/**
 * Measurements that need a fresh process: time from process start to searchable, and the memory
 * an engine holds. Prints one JSON line. Run bundled, as the app runs its code (search.ts builds it
 * with Vite into .bench/child/), or through tsx with --tsx. Modes:
 *   ours <library> [probes]    load the snapshot's bytes, apply the feed, answer the typo probes
 *                              with the record-level index (the search worker's path), by stage
 *   ours-text <library> [probes] answer the typo probes from FTS5 (what the box shows meanwhile)
 *   minisearch-all <library>   build MiniSearch over everything, then snapshot it and time loadJSON
 *   fts-all <file.sqlite>      open FTS5 over everything and answer a query
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { libraryPaths } from '../../src/main/catalogue/library';
import { loadSnapshotBytes } from '../../src/main/search/snapshot';
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
  // The window's search worker's path, from process start: read the snapshot's bytes (as the worker
  // fetches them from its door's route), load the index, apply the change feed, then answer the
  // typo probes with the record-level (typo-tolerant) index, each checked.
  const stages: Record<string, number> = { modules: mainStart };
  let t = performance.now();
  const paths = libraryPaths(target);
  const db = new Database(paths.catalogue, { readonly: true });
  const ctx = { db, paths, actor: 'bench', now: () => '' };
  stages.openCatalogue = performance.now() - t;
  t = performance.now();
  let snap = loadSnapshotBytes(paths, db);
  if (!snap) throw new Error('no snapshot');
  stages.readSnapshot = performance.now() - t;
  t = performance.now();
  const revision = snap.revision;
  const search = RecordSearch.fromJSON(snap.data);
  stages.loadIndex = performance.now() - t;
  t = performance.now();
  const feed = searchDocumentsSince(ctx, revision);
  for (const id of feed.deletes) search.remove(id);
  for (const d of feed.upserts) search.upsert(d);
  stages.changeFeed = performance.now() - t;
  const loadedMs = performance.now();
  const probes = JSON.parse(probesJson ?? '[]') as TypoProbe[];
  const typoAnswered = probes.map((p) => {
    const t0 = performance.now();
    const hits = search.search(p.typed, { limit: 50, withFacets: false }).hits.map((h) => h.id);
    const ms = performance.now() - t0;
    return { typed: p.typed, right: probeAnswered(db, p, hits), ms: Math.round(ms), at: Math.round(performance.now()) };
  });
  const typoReadyMs = performance.now();
  // The facets the window counts after the first hits, and a query of another kind.
  t = performance.now();
  search.lastFacets();
  stages.firstFacets = performance.now() - t;
  t = performance.now();
  search.search('partnership');
  stages.partnershipWithFacets = performance.now() - t;
  // The worker keeps the index, not the bytes it was read from (the documents' bytes stay, read as needed).
  snap = null;
  console.log(
    JSON.stringify({
      readyMs: loadedMs,
      typoReadyMs,
      typoAnswered,
      loadedMs: mainStart,
      mainMs: loadedMs - mainStart,
      stages,
      documents: search.size,
      ...memory(),
    }),
  );
} else if (mode === 'ours-text') {
  const paths = libraryPaths(target);
  const db = new Database(paths.catalogue, { readonly: true });
  const ctx = { db, paths, actor: 'bench', now: () => '' };
  // The box answers from FTS5 (every word of every record, typos from its vocabulary's near
  // spellings) while the record index loads: the app shows those answers meanwhile (searchIndex.ts).
  searchText(ctx, 'partnership', 50);
  const ftsReadyMs = performance.now();
  const probes = JSON.parse(probesJson ?? '[]') as TypoProbe[];
  const typoAnswered = probes.map((p) => {
    const t0 = performance.now();
    const hits = searchText(ctx, p.typed, 50).hits.map((h) => h.recordId);
    const ms = performance.now() - t0;
    return { typed: p.typed, right: probeAnswered(db, p, hits), ms: Math.round(ms), at: Math.round(performance.now()) };
  });
  console.log(JSON.stringify({ ftsReadyMs, typoAnswered, loadedMs: mainStart, ...memory() }));
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
