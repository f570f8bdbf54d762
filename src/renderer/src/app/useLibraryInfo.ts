/**
 * The library open in the workspace: its path, counts and catalogue revision. Every write bumps
 * the revision; the list, the counts and the search index all follow it. `refresh` asks again
 * after a write made here; writes made elsewhere (the CLI, background text extraction, OCR) are
 * noticed by asking for the revision now and then.
 */
import { useEffect } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { archive } from '../archive';
import { useResult, type Loaded } from '../common/useResult';
import { useTick } from '../common/useTick';
import { takeStartupInfo } from './startup';

export interface LibraryInfo {
  info: Loaded<OutputOf<'libraryInfo'>>;
  /** The catalogue's revision (0 until known). */
  revision: number;
  /** How many times the workspace asked again: what else is reloaded after a write follows it. */
  version: number;
  refresh: () => void;
}

/** How often an outside write is looked for: within about a second it is searchable. */
const POLL_MS = 750;

export function useLibraryInfo(): LibraryInfo {
  const [version, refresh] = useTick();
  const info = useResult(() => (version === 0 && takeStartupInfo()) || archive.libraryInfo({}), [version]);
  const revision = info.value?.revision ?? 0;

  // libraryRevision is one indexed max() in the catalogue, cheap to ask this often.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      void archive.libraryRevision({}).then((r) => {
        if (r.ok && r.value.revision !== revision) refresh();
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [revision, refresh]);

  return { info, revision, version, refresh };
}
