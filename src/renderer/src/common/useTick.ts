import { useCallback, useReducer } from 'react';

/** A counter to bump when something must be looked at again: [how many bumps so far, bump]. */
export function useTick(): [number, () => void] {
  const [tick, bump] = useReducer((n: number) => n + 1, 0);
  return [tick, useCallback(() => bump(), [])];
}
