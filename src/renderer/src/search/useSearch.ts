import { useEffect, useState, useSyncExternalStore } from 'react';
import type { FacetFilters } from '../../../shared/search/engine';
import type { Outcome } from './protocol';
import type { IndexStatus, SearchIndex } from './searchIndex';
import { listOrderOf, type SearchSort } from './searchSort';

export interface SearchState {
  outcome: Outcome | null;
  error: string | null;
  status: IndexStatus;
  /** How many hits are asked for and shown: the first page, and as many more as "Show more" asked. */
  shown: number;
  /** Asks for the next page of hits of the same search. */
  showMore: () => void;
}

/**
 * Hits asked for at first, and added per "Show more". Every keystroke asks both engines, and each
 * hit asked is marked up (its title, a snippet, where it matched) whether shown or not: asking for
 * the 50 shown, not 200, is a quarter of that work. A new query, filter or order starts again.
 */
export const FIRST_HITS = 50;
export const MORE_HITS = 100;

function useIndexStatus(index: SearchIndex): IndexStatus {
  return useSyncExternalStore(
    (onChange) => index.subscribe(onChange),
    () => index.getStatus(),
  );
}

export function hasFacets(facets: FacetFilters): boolean {
  return Object.values(facets).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
}

/**
 * Search as you type: every keystroke (or facet, or sort) asks the worker; the query is asked
 * again when the index moves on, so an edit is searchable at once.
 */
export function useSearch(index: SearchIndex, query: string, facets: FacetFilters, sort: SearchSort): SearchState {
  const status = useIndexStatus(index);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = query.trim();
  const active = q !== '' || hasFacets(facets);
  const facetKey = JSON.stringify(facets);
  const asked = `${q}\u0000${facetKey}\u0000${sort}`;
  const [page, setPage] = useState({ asked, shown: FIRST_HITS });
  const shown = page.asked === asked ? page.shown : FIRST_HITS;
  useEffect(() => {
    if (!active) {
      setOutcome(null);
      setError(null);
      return;
    }
    let current = true;
    index.search(
      { query: q, sort: 'relevance', facets: JSON.parse(facetKey) as FacetFilters, limit: shown },
      (found) => {
        if (current) {
          setOutcome(found);
          setError(null);
        }
      },
      (e) => {
        if (current) setError(e.message);
      },
      listOrderOf(sort),
    );
    return () => {
      current = false;
    };
  }, [index, q, active, facetKey, sort, shown, status.revision, status.state]);
  return {
    outcome: active ? outcome : null,
    error,
    status,
    shown,
    showMore: () => setPage({ asked, shown: shown + MORE_HITS }),
  };
}
