/**
 * The grid's active row and its multi-selection, by keyboard and mouse (see ./selection.ts for
 * what each click does). The active row is the one keyboard moves start from; the anchor is where
 * a Shift-range starts. A move to a row not loaded yet (End on a long list) is finished once its
 * block arrives. Ranges longer than what is cached are asked of the service.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { RecordRow } from '../../../shared/model';
import { archive } from '../archive';
import { focusSearchBox } from '../search/resultsFocus';
import { toFilters, type ListQuery } from './query';
import { clickKind, SELECTION_LIMIT, toggle, withRange } from './selection';
import type { RecordWindow } from './useRecordWindow';

interface Options {
  query: ListQuery;
  win: RecordWindow;
  /** The scrolling grid: it keeps the focus, and its height makes a page. */
  grid: RefObject<HTMLDivElement | null>;
  rowHeight: number;
  /** Brings a row into view. */
  scrollTo: (index: number) => void;
  selection: readonly number[];
  onSelectionChange: (ids: number[]) => void;
  onCapped: (total: number | null) => void;
  onOpen: (id: number) => void;
  /** The record shown in the record pane. */
  openedId: number | null;
}

export function useGridSelection({
  query,
  win,
  grid,
  rowHeight,
  scrollTo,
  selection,
  onSelectionChange,
  onCapped,
  onOpen,
  openedId,
}: Options) {
  const total = win.total ?? 0;
  const [active, setActive] = useState<number | null>(null);
  const anchor = useRef<number | null>(null);
  const pending = useRef<{ index: number; extend: boolean } | null>(null);

  // A new list: back to the top, nothing active.
  const listKey = JSON.stringify([toFilters(query), query.sort, query.direction]);
  useEffect(() => {
    setActive(null);
    anchor.current = null;
    pending.current = null;
    grid.current?.scrollTo({ top: 0 });
  }, [listKey, grid]);

  /** The ids of rows lo..hi in list order: from the cache when it holds them, else asked of the service. */
  const idsBetween = useCallback(
    async (a: number, b: number): Promise<number[]> => {
      const lo = Math.min(a, b);
      const hi = Math.min(Math.max(a, b), lo + SELECTION_LIMIT - 1);
      const cached: number[] = [];
      for (let i = lo; i <= hi; i++) {
        const r = win.row(i);
        if (!r) break;
        cached.push(r.id);
      }
      if (cached.length === hi - lo + 1) return cached;
      const r = await archive.recordIds({
        ...toFilters(query),
        sort: query.sort,
        direction: query.direction,
        offset: lo,
        limit: hi - lo + 1,
      });
      return r.ok ? r.value.ids : [];
    },
    [win, query],
  );

  const selectAll = useCallback(async () => {
    const r = await archive.recordIds({
      ...toFilters(query),
      sort: query.sort,
      direction: query.direction,
      offset: 0,
      limit: SELECTION_LIMIT,
    });
    if (!r.ok) return;
    onSelectionChange(r.value.ids);
    onCapped(r.value.total > r.value.ids.length ? r.value.total : null);
  }, [query, onSelectionChange, onCapped]);

  const clear = () => {
    onSelectionChange([]);
    onCapped(null);
  };

  /** Keyboard moves: the active row follows, and the selection with it (Shift extends from the anchor). */
  /**
   * `how`: select the row (a plain arrow), extend the selection to it (Shift), or only move the focus
   * ring there (Ctrl or ⌘), leaving the selection as it is — so Space can tick rows that are not
   * next to each other, the grid pattern of WAI-ARIA's multi-select.
   */
  const moveTo = useCallback(
    (index: number, how: 'select' | 'extend' | 'focus') => {
      if (total === 0) return;
      const target = Math.max(0, Math.min(total - 1, index));
      setActive(target);
      scrollTo(target);
      if (how === 'focus') return;
      const extend = how === 'extend';
      const r = win.row(target);
      if (!r) {
        pending.current = { index: target, extend };
        return;
      }
      pending.current = null;
      if (extend && anchor.current !== null) {
        void idsBetween(anchor.current, target).then((ids) => onSelectionChange(ids));
      } else {
        anchor.current = target;
        onSelectionChange([r.id]);
      }
    },
    [total, scrollTo, win, idsBetween, onSelectionChange],
  );

  // Finish a move whose row has just arrived.
  useEffect(() => {
    const p = pending.current;
    if (p && win.row(p.index)) moveTo(p.index, p.extend ? 'extend' : 'select');
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Up from the first row (Alt+Up too, which elsewhere steps records), or Escape with nothing selected: back to the search box.
    const atTop = (active ?? 0) <= 0;
    const out =
      e.target === e.currentTarget &&
      !e.shiftKey &&
      ((e.key === 'ArrowUp' && atTop) || (e.key === 'Escape' && !e.altKey && selection.length === 0));
    if (out) {
      e.preventDefault();
      focusSearchBox();
      return;
    }
    if (e.target !== e.currentTarget || e.altKey) return; // keys typed into a header button or a checkbox are theirs; Alt+arrows step records
    const mod = e.ctrlKey || e.metaKey;
    const page = Math.max(1, Math.floor((grid.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 2);
    const from = active ?? -1;
    const activeRow = () => (active !== null ? win.row(active) : undefined);
    const how = e.shiftKey ? 'extend' : mod ? 'focus' : 'select';
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(from + 1, how),
      ArrowUp: () => moveTo(active === null ? 0 : from - 1, how),
      PageDown: () => moveTo(from + page, how),
      PageUp: () => moveTo(Math.max(0, from - page), how),
      Home: () => moveTo(0, how),
      End: () => moveTo(total - 1, how),
      Enter: () => {
        const r = activeRow();
        if (r) onOpen(r.id);
      },
      ' ': () => {
        const r = activeRow();
        if (r) {
          anchor.current = active;
          onSelectionChange(toggle(selection, r.id));
        }
      },
      Escape: clear,
    };
    if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      void selectAll();
      return;
    }
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const onRowClick = (e: MouseEvent, index: number, r: RecordRow) => {
    const kind = clickKind(e);
    const onLink = (e.target as HTMLElement).closest('a') !== null;
    if (kind !== 'single' && onLink) e.preventDefault(); // Ctrl-click on a title selects; it opens no new tab
    setActive(index);
    if (kind === 'single') {
      anchor.current = index;
      onSelectionChange([r.id]);
      if (!onLink) onOpen(r.id);
    } else if (kind === 'toggle') {
      anchor.current = index;
      onSelectionChange(toggle(selection, r.id));
    } else {
      const from = anchor.current ?? index;
      void idsBetween(from, index).then((ids) => onSelectionChange(withRange(selection, ids, kind === 'add-range')));
    }
    grid.current?.focus({ preventScroll: true });
  };

  const onCheck = (e: MouseEvent, index: number, r: RecordRow) => {
    e.stopPropagation();
    setActive(index);
    if (e.shiftKey && anchor.current !== null) {
      const from = anchor.current;
      void idsBetween(from, index).then((ids) => onSelectionChange(withRange(selection, ids, true)));
    } else {
      anchor.current = index;
      onSelectionChange(toggle(selection, r.id));
    }
  };

  /** The header's checkbox: clears a selection, or selects all (up to the batch limit). */
  const onCheckAll = () => {
    if (selection.length > 0) clear();
    else void selectAll();
  };

  // The record opened in the record pane is where keyboard moves start: the focus ring, the
  // selection and the open record never point at three different rows (after a new record too).
  const openedIndex = openedId === null ? undefined : win.indexOf(openedId);
  useEffect(() => {
    if (openedIndex === undefined) return;
    setActive(openedIndex);
    anchor.current = openedIndex;
  }, [openedIndex]);

  /** Focus arriving from Tab: the first row in view becomes active. */
  const onFocusGrid = () => {
    if (active === null && total > 0)
      setActive(Math.min(total - 1, Math.floor((grid.current?.scrollTop ?? 0) / rowHeight)));
  };

  return { active, onKeyDown, onRowClick, onCheck, onCheckAll, onFocusGrid };
}
