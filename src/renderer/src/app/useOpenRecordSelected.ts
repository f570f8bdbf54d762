/**
 * The open record is the selection: a record just opened or created replaces the ticks of the one
 * before, and a new record's form has nothing selected, so the header's "N selected" never points
 * at something other than what the archivist sees.
 */
import { useEffect, type Dispatch, type SetStateAction } from 'react';
import type { Route } from './route';

export function useOpenRecordSelected(route: Route, setSelection: Dispatch<SetStateAction<number[]>>): void {
  const openedId = route.view === 'record' || route.view === 'edit' ? route.id : null;
  const creating = route.view === 'create';
  useEffect(() => {
    if (creating) setSelection([]);
    else if (openedId !== null) setSelection((ids) => (ids.includes(openedId) ? ids : [openedId]));
  }, [creating, openedId, setSelection]);
}
