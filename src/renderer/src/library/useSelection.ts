import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { filterKey, type ListQuery } from './query';

/**
 * Records chosen in the list (checkboxes, Shift/Ctrl-click, Ctrl+A) for a batch action. Cleared
 * when the list's filter changes, so a batch never reaches records no longer shown.
 */
export function useSelection(query: ListQuery): [number[], Dispatch<SetStateAction<number[]>>] {
  const [selection, setSelection] = useState<number[]>([]);
  const listFilter = filterKey(query);
  useEffect(() => setSelection([]), [listFilter]);
  return [selection, setSelection];
}
