/**
 * The window's side of search: owns the worker, starts it from the library's snapshot when there
 * is one, feeds it from the catalogue's change feed (only what changed since the revision it has)
 * and runs each query on both engines: the record-level answer first, then the same list with the
 * documents' text hits (FTS5, from the catalogue) folded in. Only the newest query's answers are
 * delivered; older ones are dropped.
 */
import { archive } from '../archive';
import { errorWords } from '../common/errorWords';
import { afterFirstRows, firstRowsShown } from '../common/firstRows';
import type { Facets } from '../../../shared/search/engine';
import { mergeHits, type TextHit } from '../../../shared/search/merge';
import { parseQuery } from '../../../shared/search/query';
import { tokenize } from '../../../shared/search/tokenizer';
import { inDesktopApp } from '../documents/files';
import type { FromWorker, Outcome, SearchRequest, ToWorker } from './protocol';
import { listedIds, type ListOrder } from './searchSort';
import { TEXT_HITS_MOST } from '../../../shared/channels/search';

/** Where the worker reads the library's snapshot: this door's route (src/main/search/serve-snapshot.ts). */
function snapshotUrl(): string {
  return inDesktopApp ? 'civic-file://search/snapshot' : new URL('/search/snapshot', window.location.href).href;
}

const NO_FACETS: Facets = {
  type: [],
  decade: [],
  year: [],
  partnership: [],
  organisation: [],
  place: [],
  tag: [],
  language: [],
  hasFile: 0,
  hasText: 0,
};

/** An outcome from document-text hits alone, for the moments before the record index is ready. */
function textOnlyOutcome(query: string, texts: TextHit[]): Outcome {
  const parsed = parseQuery(query);
  const hits = mergeHits(
    [],
    texts,
    parsed.groups.flat().flatMap((c) => tokenize(c.text)),
  );
  return { query: parsed, total: hits.length, hits, facets: NO_FACETS, suggestions: [], textsMerged: true };
}

export interface IndexStatus {
  state: 'loading' | 'ready' | 'failed';
  revision: number;
  documents: number;
  message?: string;
  /** While building from scratch: records indexed so far, of how many. */
  progress?: { done: number; total: number };
}

type Listener = (status: IndexStatus) => void;

export class SearchIndex {
  private readonly worker: Worker | null = null;
  private status: IndexStatus = { state: 'loading', revision: 0, documents: 0 };
  private readonly listeners = new Set<Listener>();
  /** Revision the worker has been sent (not necessarily applied yet). */
  private sentRevision = 0;
  private syncing: Promise<void> = Promise.resolve();
  private seq = 0;
  private started = false;
  /** Resolves with the snapshot's revision once the worker has loaded it (0: there was none it could use). */
  private snapshotLoaded: ((revision: number) => void) | null = null;
  private pending: {
    seq: number;
    request: SearchRequest;
    deliver: (outcome: Outcome) => void;
    fail: (error: Error) => void;
  } | null = null;

  constructor() {
    try {
      this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
    } catch (error) {
      this.status = { ...this.status, state: 'failed', message: `the search worker could not start: ${String(error)}` };
      return;
    }
    this.worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.receive(event.data));
    this.worker.addEventListener('error', (event) => {
      this.fail(event.message || 'the search worker could not start');
    });
  }

  getStatus(): IndexStatus {
    return this.status;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Bring the index up to the catalogue's current revision. Calls are queued, never overlapping. */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.syncOnce());
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    if (!this.started) {
      this.started = true;
      // A persisted snapshot makes a large catalogue searchable at once; the feed brings it up to date.
      // It waits for the first rows: parsing it would take the CPU from them (FTS5 answers meanwhile).
      await afterFirstRows();
      this.sentRevision = await this.loadSnapshot();
    }
    const since = this.sentRevision;
    const result = await archive.searchDocuments({ sinceRevision: since });
    if (!result.ok) {
      this.fail(errorWords(result.error));
      return;
    }
    const { revision, upserts, deletes } = result.value;
    if (since > 0 && revision === since) return;
    this.sentRevision = revision;
    this.post({ kind: 'apply', reset: since === 0, revision, upserts, deletes });
  }

  /**
   * Runs a query: `deliver` is called with the record-level outcome, then again with the document
   * text hits merged in. A newer query silences this one.
   */
  search(
    asked: SearchRequest,
    deliver: (outcome: Outcome) => void,
    fail: (error: Error) => void,
    /** The list's order to show the hits in (searchSort.ts); none: as `asked.sort` says. */
    order: ListOrder | null = null,
  ): void {
    const seq = ++this.seq;
    // A search shows its results instead of the list: nothing to wait for before loading the index.
    firstRowsShown();
    this.pending = { seq, request: asked, deliver, fail };
    if (!order) return this.run(seq, asked);
    this.sendOrder(order).then(
      (key) => {
        if (this.pending?.seq === seq) this.run(seq, { ...asked, sort: 'listed', order: key });
      },
      (error: unknown) => {
        if (this.pending?.seq === seq) fail(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  /** The list's order for the index's revision, sent to the worker once (and again when the catalogue moves on). */
  private orderSent: { key: string; sent: Promise<string> } | null = null;

  private sendOrder(order: ListOrder): Promise<string> {
    const key = `${order.sort}:${order.direction}@${this.status.revision}`;
    if (this.orderSent?.key !== key) {
      const sent = listedIds(order).then((ids) => {
        this.post({ kind: 'order', key, ids });
        return key;
      });
      // A failed fetch is not kept: the next search asks again.
      sent.catch(() => {
        if (this.orderSent?.key === key) this.orderSent = null;
      });
      this.orderSent = { key, sent };
    }
    return this.orderSent.sent;
  }

  private run(seq: number, request: SearchRequest): void {
    this.post({ kind: 'search', seq, request });
    // As many text hits as record hits (up to the channel's most): the list shows that many, the text-only ones after them.
    void archive.searchText({ query: request.query, limit: Math.min(request.limit, TEXT_HITS_MOST) }).then((result) => {
      const pending = this.pending;
      if (pending?.seq !== seq) return;
      if (!result.ok) return pending.fail(new Error(errorWords(result.error)));
      // While the record index is still loading, the documents' text (FTS5) answers on its own.
      if (this.status.state === 'loading') pending.deliver(textOnlyOutcome(request.query, result.value.hits));
      this.post({
        kind: 'merge',
        seq,
        request,
        texts: result.value.hits,
        textSuggestions: result.value.suggestions,
      });
    });
  }

  private loadSnapshot(): Promise<number> {
    if (!this.worker) return Promise.resolve(0);
    return new Promise((resolve) => {
      this.snapshotLoaded = resolve;
      this.post({ kind: 'snapshot', url: snapshotUrl() });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.listeners.clear();
  }

  private post(message: ToWorker): void {
    if (!this.worker) {
      this.fail(this.status.message ?? 'the search worker is not running');
      return;
    }
    this.worker.postMessage(message);
  }

  private fail(message: string): void {
    this.snapshotDone(0);
    this.setStatus({ ...this.status, state: 'failed', message });
    this.pending?.fail(new Error(message));
    this.pending = null;
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'applied') {
      this.setStatus({ state: 'ready', revision: message.revision, documents: message.documents });
      if (message.fromSnapshot) this.snapshotDone(message.revision);
    } else if (message.kind === 'no-snapshot') {
      this.snapshotDone(0);
    } else if (message.kind === 'progress') {
      this.setStatus({ ...this.status, progress: { done: message.done, total: message.total } });
    } else if (this.pending && message.seq === this.pending.seq) {
      if (message.kind === 'results') this.pending.deliver(message.outcome);
      else this.pending.fail(new Error(message.message));
    } else if (message.kind === 'failed' && message.seq === undefined) {
      this.fail(message.message);
    }
  }

  private snapshotDone(revision: number): void {
    this.snapshotLoaded?.(revision);
    this.snapshotLoaded = null;
  }

  private setStatus(status: IndexStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}

let shared: SearchIndex | null = null;

/** One index (and one worker) per window, for the page's lifetime. */
export function searchIndex(): SearchIndex {
  shared ??= new SearchIndex();
  return shared;
}
