/**
 * The rows of a long list, fetched a block at a time as they scroll into view and kept in a
 * small cache: 100,000 records never come over at once. A new filter or order starts afresh; a
 * new catalogue revision keeps the rows on screen and refetches them behind the scenes, so the
 * list never blinks empty after an edit.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordRow } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { firstRowsShown } from '../common/firstRows';
import { takeStartupFirstPage } from '../app/startup';
import { filterKey, LIST_BLOCK as BLOCK, listPageInput, type ListQuery } from './query';

/** Blocks kept: about 40 screens of rows; the farthest from what was last asked for go first. */
const MAX_BLOCKS = 40;

interface Block {
  rows: RecordRow[];
  revision: number;
}

export interface RecordWindow {
  /** Records matching, once the first block has answered. */
  total: number | null;
  error: ArchiveError | null;
  row(index: number): RecordRow | undefined;
  /** Where a record is in the list, if its rows are loaded (at most MAX_BLOCKS blocks are looked through). */
  indexOf(id: number): number | undefined;
  /** Asks for the rows from `start` to `end` (inclusive): called with what the list shows. */
  ensure(start: number, end: number): void;
  /** Thumbnail hash of a record, when the preview column is shown and the record has one. */
  thumbnail(id: number): string | undefined;
}

export function useRecordWindow(query: ListQuery, revision: number, withThumbnails: boolean): RecordWindow {
  const filters = filterKey(query);
  const key = JSON.stringify([filters, query.sort, query.direction]);
  const shownFilters = useRef(filters);
  const blocks = useRef(new Map<number, Block>());
  const inFlight = useRef(new Set<string>());
  const thumbs = useRef(new Map<number, string | null>());
  const keyRef = useRef(key);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const [, setTick] = useState(0);
  const rerender = useCallback(() => setTick((n) => n + 1), []);

  if (keyRef.current !== key) {
    // Another filter or order: what is cached belongs to a different list.
    keyRef.current = key;
    blocks.current = new Map();
    inFlight.current = new Set();
  }

  const fetchThumbnails = useCallback(
    (rows: RecordRow[]) => {
      const ids = rows.map((r) => r.id).filter((id) => !thumbs.current.has(id));
      if (ids.length === 0) return;
      for (const id of ids) thumbs.current.set(id, null);
      void archive.recordThumbnails({ ids }).then((r) => {
        if (!r.ok) return;
        for (const t of r.value) thumbs.current.set(t.id, t.sha256);
        if (r.value.length) rerender();
      });
    },
    [rerender],
  );

  const load = useCallback(
    (block: number) => {
      const requestKey = keyRef.current;
      const flight = `${requestKey}#${block}@${revision}`;
      if (inFlight.current.has(flight)) return;
      inFlight.current.add(flight);
      const input = listPageInput(query, block);
      // The first block of the list shown at start-up was asked for before the workspace was drawn.
      void (takeStartupFirstPage(input, revision) ?? archive.listRecords(input)).then((result) => {
        inFlight.current.delete(flight);
        if (keyRef.current !== requestKey) return; // an answer for a list no longer shown
        if (!result.ok) {
          setError(result.error);
          return;
        }
        setError(null);
        const cache = blocks.current;
        cache.set(block, { rows: result.value.items, revision });
        if (cache.size > MAX_BLOCKS) {
          const farthest = [...cache.keys()].sort((a, b) => Math.abs(b - block) - Math.abs(a - block))[0]!;
          cache.delete(farthest);
        }
        setTotal(result.value.total);
        if (withThumbnails) fetchThumbnails(result.value.items);
        rerender();
        // After the frame that draws them: what waits for the first rows may start.
        if (block === 0) requestAnimationFrame(() => setTimeout(firstRowsShown));
      });
    },
    // query is read through key (same filters and order give the same key)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, revision, withThumbnails, fetchThumbnails, rerender],
  );

  // A new list or a new revision: (re)load the first block, which also gives the total.
  // Only other filters empty the list meanwhile: the same records in another order keep their
  // count, so the grid stays, and with it the focus on the header that was sorted by keyboard.
  useEffect(() => {
    if (!blocks.current.has(0) && shownFilters.current !== filters) setTotal(null);
    shownFilters.current = filters;
    load(0);
  }, [key, filters, revision, load]);

  // An edit can change thumbnails (a file attached): ask again for what is shown.
  useEffect(() => {
    thumbs.current = new Map();
  }, [revision]);

  const ensure = useCallback(
    (start: number, end: number) => {
      for (let b = Math.floor(Math.max(0, start) / BLOCK); b <= Math.floor(Math.max(0, end) / BLOCK); b++) {
        const cached = blocks.current.get(b);
        if (!cached || cached.revision !== revision) load(b);
        else if (withThumbnails) fetchThumbnails(cached.rows);
      }
    },
    [load, revision, withThumbnails, fetchThumbnails],
  );

  const row = useCallback((index: number) => blocks.current.get(Math.floor(index / BLOCK))?.rows[index % BLOCK], []);
  const thumbnail = useCallback((id: number) => thumbs.current.get(id) ?? undefined, []);
  const indexOf = useCallback((id: number) => {
    for (const [b, block] of blocks.current) {
      const at = block.rows.findIndex((r) => r.id === id);
      if (at >= 0) return b * BLOCK + at;
    }
    return undefined;
  }, []);

  return { total, error, row, ensure, thumbnail, indexOf };
}
