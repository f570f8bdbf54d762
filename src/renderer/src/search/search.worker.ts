/**
 * The record-level search index, off the window's thread: the shared engine (src/shared/search),
 * started from the library's snapshot when there is one and fed by the catalogue's change feed.
 * It also folds the document-text hits (FTS5, from the catalogue) into the list.
 */
import { helpfulSuggestions, RecordSearch, type Suggestion } from '../../../shared/search/engine';
import { foundAsTyped, inListOrder, mergeHits, type TextHit } from '../../../shared/search/merge';
import { splitSnapshotBytes } from '../../../shared/search/snapshot-file';
import { tokenize } from '../../../shared/search/tokenizer';
import type { FromWorker, Outcome, SearchRequest, ToWorker } from './protocol';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;

let index = new RecordSearch();
const CHUNK = 5_000;

/** The list order last sent: each record's place in it. One is kept (the order the results show). */
let listed: { key: string; places: Map<number, number> } | null = null;

/** Records found only by their full text in the last merge: counted in the facets too. */
let textOnly: number[] = [];

/** Hits first (facets left empty), so the list shows before the facets over a large result are counted. */
function run(request: SearchRequest, texts: TextHit[] | null, textSuggestions: Suggestion[] = []): Outcome {
  const order = request.sort === 'listed' && listed?.key === request.order ? listed : null;
  const place = (id: number) => order?.places.get(id);
  const outcome = index.search(request.query, {
    sort: request.sort,
    facets: request.facets,
    limit: request.limit,
    withFacets: false,
    ...(order ? { listed: { key: order.key, place } } : {}),
  });
  const terms = outcome.query.groups.flat().flatMap((c) => tokenize(c.text));
  const accepted = texts
    ? index.accepted([...new Set(texts.map((t) => t.recordId))], outcome.query, request.facets)
    : new Set<number>();
  const kept = (texts ?? []).filter((t) => accepted.has(t.recordId));
  const merged = mergeHits(outcome.hits, kept, terms);
  const hits = order ? inListOrder(merged, place) : merged;
  const onlyText = new Set(kept.map((t) => t.recordId).filter((id) => !index.lastResultHas(id)));
  textOnly = [...onlyText];
  const total = outcome.total + onlyText.size;
  // Whether a correction helps is known once the text engine's hits are in: measured against
  // what the words as typed found, not what near spellings found in the text.
  const asTyped = outcome.total + foundAsTyped(kept, (id) => index.lastResultHas(id));
  const suggestions = texts === null ? [] : helpfulSuggestions([...outcome.suggestions, ...textSuggestions], asTyped);
  return { ...outcome, hits, total, suggestions, textsMerged: texts !== null };
}

/**
 * Reads the snapshot here, off the window's thread, straight from the door's route: tens of
 * megabytes are fetched where they are used, not passed through a JSON answer and a postMessage
 * copy. Kept as bytes: the index decodes only what a query needs (index-snapshot.ts), not the
 * 40 MB of documents a string would decode at once.
 */
async function loadSnapshot(url: string): Promise<FromWorker> {
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (response.status === 404) return { kind: 'no-snapshot', reason: 'none' };
    if (!response.ok) return { kind: 'no-snapshot', reason: `HTTP ${response.status}` };
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    // Unreachable or cut off mid-way: the feed builds the index instead; nothing is lost.
    return { kind: 'no-snapshot', reason: error instanceof Error ? error.message : String(error) };
  }
  const snapshot = splitSnapshotBytes(bytes);
  if (!snapshot) return { kind: 'no-snapshot', reason: 'unreadable or cut short' };
  try {
    index = RecordSearch.fromJSON(snapshot.data);
  } catch (error) {
    index = new RecordSearch();
    return { kind: 'no-snapshot', reason: error instanceof Error ? error.message : String(error) };
  }
  return { kind: 'applied', revision: snapshot.revision, documents: index.size, fromSnapshot: true };
}

async function handle(message: ToWorker): Promise<FromWorker[]> {
  switch (message.kind) {
    case 'snapshot':
      return [await loadSnapshot(message.url)];
    case 'apply':
      if (message.reset) index = new RecordSearch();
      for (const id of message.deletes) index.remove(id);
      if (message.reset) {
        // In chunks, saying how far it got: a large library takes seconds to index from scratch.
        const total = message.upserts.length;
        for (let i = 0; i < total; i += CHUNK) {
          index.addAll(message.upserts.slice(i, i + CHUNK));
          if (total > CHUNK) scope.postMessage({ kind: 'progress', done: Math.min(total, i + CHUNK), total });
        }
      } else for (const doc of message.upserts) index.upsert(doc);
      return [{ kind: 'applied', revision: message.revision, documents: index.size, fromSnapshot: false }];
    case 'order':
      listed = { key: message.key, places: new Map(message.ids.map((id, i) => [id, i])) };
      return [];
    case 'search':
    case 'merge': {
      // The window delivers only its newest query's answers: an older one still queued is not worked out.
      if (message.seq < newestSeq) return [];
      const outcome =
        message.kind === 'merge'
          ? run(message.request, message.texts, message.textSuggestions)
          : run(message.request, null);
      scope.postMessage({ kind: 'results', seq: message.seq, outcome });
      // A keystroke that arrived meanwhile is let in before the facets of a large result are counted.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (message.seq < newestSeq) return [];
      return [{ kind: 'results', seq: message.seq, outcome: { ...outcome, facets: index.lastFacets(textOnly) } }];
    }
  }
}

/** Messages are handled one at a time, in order: a search sent while the snapshot loads waits for it. */
let queue: Promise<void> = Promise.resolve();

async function answer(message: ToWorker): Promise<void> {
  try {
    for (const reply of await handle(message)) scope.postMessage(reply);
    // Once the window knows the index is there, what its first query needs is built, not then.
    if (message.kind === 'snapshot' || (message.kind === 'apply' && message.reset)) index.warm();
  } catch (error) {
    scope.postMessage({
      kind: 'failed',
      ...(message.kind === 'search' || message.kind === 'merge' ? { seq: message.seq } : {}),
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The newest query the window has asked (its sequence number), known as soon as it arrives. */
let newestSeq = 0;

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.kind === 'search' || message.kind === 'merge') newestSeq = Math.max(newestSeq, message.seq);
  queue = queue.then(() => answer(message));
});
