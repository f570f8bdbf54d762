/** Messages between the window and the search worker. */
import type { RecordHit } from '../../../shared/search/engine';
import type { SearchDocument } from '../../../shared/search/document';

export type ToWorker =
  /** Apply a batch from the change feed; `reset` (a full load) starts from an empty index. */
  | { kind: 'apply'; reset: boolean; revision: number; upserts: SearchDocument[]; deletes: number[] }
  | { kind: 'search'; seq: number; query: string; limit: number };

export type FromWorker =
  | { kind: 'applied'; revision: number; documents: number }
  | { kind: 'results'; seq: number; query: string; hits: RecordHit[] }
  | { kind: 'failed'; seq?: number; message: string };
