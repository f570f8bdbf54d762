import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RecordHit } from '../../../shared/search/engine';
import type { IndexStatus, SearchIndex } from './searchIndex';

export interface SearchState {
  hits: RecordHit[] | null;
  error: string | null;
  status: IndexStatus;
}

export function useIndexStatus(index: SearchIndex): IndexStatus {
  return useSyncExternalStore(
    (onChange) => index.subscribe(onChange),
    () => index.getStatus(),
  );
}

/** Search as you type: every keystroke asks the worker; a query is asked again when the index moves on. */
export function useSearch(index: SearchIndex, query: string): SearchState {
  const status = useIndexStatus(index);
  const [hits, setHits] = useState<RecordHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = query.trim();
  useEffect(() => {
    if (!q) {
      setHits(null);
      setError(null);
      return;
    }
    let current = true;
    index.search(q).then(
      (found) => {
        if (current && found) {
          setHits(found);
          setError(null);
        }
      },
      (e: unknown) => {
        if (current) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      current = false;
    };
  }, [index, q, status.revision, status.state]);
  return { hits: q ? hits : null, error, status };
}
