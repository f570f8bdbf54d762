import { useEffect, useState } from 'react';
import type { ArchiveError, Result } from '../../../shared/result';

export interface Loaded<T> {
  value: T | null;
  error: ArchiveError | null;
  loading: boolean;
}

/**
 * Loads a service result whenever `deps` change; an answer that arrives after a newer request
 * was made is dropped, so a slow reply never overwrites a fresh one. `load` returning null means
 * "nothing to load".
 */
export function useResult<T>(load: () => Promise<Result<T>> | null, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ value: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    const pending = load();
    if (!pending) {
      setState({ value: null, error: null, loading: false });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    pending.then(
      (result) => {
        if (!current) return;
        setState(
          result.ok
            ? { value: result.value, error: null, loading: false }
            : { value: null, error: result.error, loading: false },
        );
      },
      (error: unknown) => {
        if (!current) return;
        setState({ value: null, error: { code: 'internal', message: String(error) }, loading: false });
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
