import { useEffect, useState, useSyncExternalStore } from 'react';
import type { FacetFilters } from '../../../shared/search/engine';
import type { Outcome } from './protocol';
import type { IndexStatus, SearchIndex } from './searchIndex';
import { listOrderOf, type SearchSort } from './searchSort';

export interface SearchState {
  outcome: Outcome | null;
  error: string | null;
  status: IndexStatus;
}

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
  useEffect(() => {
    if (!active) {
      setOutcome(null);
      setError(null);
      return;
    }
    let current = true;
    index.search(
      { query: q, sort: 'relevance', facets: JSON.parse(facetKey) as FacetFilters, limit: 200 },
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
  }, [index, q, active, facetKey, sort, status.revision, status.state]);
  return { outcome: active ? outcome : null, error, status };
}
