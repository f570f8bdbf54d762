/**
 * The window's side of search: owns the worker, feeds it from the catalogue's change feed
 * (everything at revision 0, then only what changed since the last revision it saw) and turns
 * queries into promises. Only the newest query's answer is delivered; older ones are dropped.
 */
import type { RecordHit } from '../../../shared/search/engine';
import { archive } from '../archive';
import type { FromWorker, ToWorker } from './protocol';

export interface IndexStatus {
  state: 'loading' | 'ready' | 'failed';
  revision: number;
  documents: number;
  message?: string;
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
  private pending: { seq: number; resolve: (hits: RecordHit[] | null) => void; reject: (error: Error) => void } | null = null;

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
    const since = this.sentRevision;
    const result = await archive.searchDocuments({ sinceRevision: since });
    if (!result.ok) {
      this.fail(result.error.message);
      return;
    }
    const { revision, upserts, deletes } = result.value;
    if (since > 0 && revision === since) return;
    this.sentRevision = revision;
    this.post({ kind: 'apply', reset: since === 0, revision, upserts, deletes });
  }

  /** Resolves with the hits, or null when a newer query replaced this one. */
  search(query: string, limit = 50): Promise<RecordHit[] | null> {
    this.pending?.resolve(null);
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending = { seq, resolve, reject };
      this.post({ kind: 'search', seq, query, limit });
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
    this.setStatus({ ...this.status, state: 'failed', message });
    this.pending?.reject(new Error(message));
    this.pending = null;
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'applied') {
      this.setStatus({ state: 'ready', revision: message.revision, documents: message.documents });
    } else if (this.pending && message.seq === this.pending.seq) {
      const { resolve, reject } = this.pending;
      this.pending = null;
      if (message.kind === 'results') resolve(message.hits);
      else reject(new Error(message.message));
    } else if (message.kind === 'failed' && message.seq === undefined) {
      this.fail(message.message);
    }
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
