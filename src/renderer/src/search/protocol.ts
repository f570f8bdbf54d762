/** Messages between the window and the search worker. */
import type { SearchDocument } from '../../../shared/search/document';
import type { FacetFilters, SearchOutcome, SortOrder, Suggestion } from '../../../shared/search/engine';
import type { MergedHit, TextHit } from '../../../shared/search/merge';

export interface SearchRequest {
  query: string;
  sort: SortOrder;
  /** With sort 'listed': the list order sent before (`order` message) that the hits follow. */
  order?: string;
  facets: FacetFilters;
  limit: number;
}

export type ToWorker =
  /**
   * Start from the library's persisted snapshot, fetched by the worker itself from `url` (the
   * door's snapshot route): answered by `applied` (fromSnapshot) or `no-snapshot`.
   */
  | { kind: 'snapshot'; url: string }
  /** Apply a batch from the change feed; `reset` (a full load) starts from an empty index. */
  | { kind: 'apply'; reset: boolean; revision: number; upserts: SearchDocument[]; deletes: number[] }
  | { kind: 'search'; seq: number; request: SearchRequest }
  /** The library list's ids in one of its orders (`key` names it): searches sorted 'listed' follow it. */
  | { kind: 'order'; key: string; ids: number[] }
  /** Document-text hits for the query `seq`: kept if their record passes the filters, then merged. */
  | { kind: 'merge'; seq: number; request: SearchRequest; texts: TextHit[]; textSuggestions: Suggestion[] };

/** `suggestions`: only those that help the merged list (helpfulSuggestions), as the query to run. */
export type Outcome = Omit<SearchOutcome, 'hits' | 'suggestions'> & {
  hits: MergedHit[];
  textsMerged: boolean;
  suggestions: string[];
};

export type FromWorker =
  | { kind: 'applied'; revision: number; documents: number; fromSnapshot: boolean }
  /** There is no snapshot this window can use (none yet, another format, cut short): the feed builds the index. */
  | { kind: 'no-snapshot'; reason: string }
  /** Building the index from a full load, a chunk at a time. */
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'results'; seq: number; outcome: Outcome }
  | { kind: 'failed'; seq?: number; message: string };
