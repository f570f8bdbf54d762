/**
 * The library as a virtualised grid: only the rows on screen (and a few either side) exist in the
 * page, so 100,000 records scroll like 50. It is one ARIA grid with aria-rowcount/aria-rowindex
 * (a screen reader hears "row 40,213 of 100,001"), one tab stop (the active row is its
 * aria-activedescendant), and multi-selection (aria-multiselectable, aria-selected) by mouse and
 * keyboard; see ./selection.ts for what each click does.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { RecordSort } from '../../../shared/contract';
import type { RecordSummary } from '../../../shared/model';
import { archive } from '../archive';
import { routeHref } from '../app/route';
import { formatRecordDate, formatTimestamp } from '../common/format';
import { RECORD_TYPE_LABELS } from '../common/labels';
import { fileUrl } from '../documents/files';
import { useT } from '../i18n/i18n';
import { COLUMNS, type Column, type ColumnId } from './columns';
import { toFilters, type ListQuery } from './query';
import { clickKind, SELECTION_LIMIT, toggle, withRange } from './selection';
import type { RecordWindow } from './useRecordWindow';

/** Fixed heights (px, matching app.css): fixed rows are what lets 100,000 of them scroll cheaply. */
export const ROW_HEIGHT = 36;
const HEAD_HEIGHT = 34;

interface Props {
  query: ListQuery;
  win: RecordWindow;
  columns: readonly ColumnId[];
  selection: readonly number[];
  onSelectionChange: (ids: number[]) => void;
  /** Told when "select all" selected fewer than matched (the batch limit). */
  onCapped: (total: number | null) => void;
  /** The record shown in the record panel. */
  openedId: number | null;
  onOpen: (id: number) => void;
  onSort: (sort: RecordSort) => void;
}

const rowId = (index: number) => `record-row-${index}`;

export function RecordGrid({ query, win, columns, selection, onSelectionChange, onCapped, openedId, onOpen, onSort }: Props) {
  const { t } = useT('library');
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = win.total ?? 0;
  const shown = useMemo(() => COLUMNS.filter((c) => columns.includes(c.id)), [columns]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const [active, setActive] = useState<number | null>(null);
  const anchor = useRef<number | null>(null);
  /** A move to a row not loaded yet (End on a long list): done once its block arrives. */
  const pending = useRef<{ index: number; extend: boolean } | null>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) win.ensure(first, last);
  }, [win, first, last, total]);

  // A new list: back to the top, nothing active.
  const listKey = JSON.stringify([toFilters(query), query.sort, query.direction]);
  useEffect(() => {
    setActive(null);
    anchor.current = null;
    pending.current = null;
    scrollRef.current?.scrollTo({ top: 0 });
  }, [listKey]);

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
      const r = await archive.recordIds({ ...toFilters(query), sort: query.sort, direction: query.direction, offset: lo, limit: hi - lo + 1 });
      return r.ok ? r.value.ids : [];
    },
    [win, query],
  );

  const selectAll = useCallback(async () => {
    const r = await archive.recordIds({ ...toFilters(query), sort: query.sort, direction: query.direction, offset: 0, limit: SELECTION_LIMIT });
    if (!r.ok) return;
    onSelectionChange(r.value.ids);
    onCapped(r.value.total > r.value.ids.length ? r.value.total : null);
  }, [query, onSelectionChange, onCapped]);

  /** Keyboard moves: the active row follows, and the selection with it (Shift extends from the anchor). */
  const moveTo = useCallback(
    (index: number, extend: boolean) => {
      if (total === 0) return;
      const target = Math.max(0, Math.min(total - 1, index));
      setActive(target);
      virtualizer.scrollToIndex(target, { align: 'auto' });
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
    [total, virtualizer, win, idsBetween, onSelectionChange],
  );

  // Finish a move whose row has just arrived.
  useEffect(() => {
    const p = pending.current;
    if (p && win.row(p.index)) moveTo(p.index, p.extend);
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.altKey) return; // keys typed into a header button or a checkbox are theirs; Alt+arrows step records
    const mod = e.ctrlKey || e.metaKey;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 2);
    const from = active ?? -1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(from + 1, e.shiftKey),
      ArrowUp: () => moveTo(active === null ? 0 : from - 1, e.shiftKey),
      PageDown: () => moveTo(from + page, e.shiftKey),
      PageUp: () => moveTo(Math.max(0, from - page), e.shiftKey),
      Home: () => moveTo(0, e.shiftKey),
      End: () => moveTo(total - 1, e.shiftKey),
      Enter: () => {
        const r = active !== null ? win.row(active) : undefined;
        if (r) onOpen(r.id);
      },
      ' ': () => {
        const r = active !== null ? win.row(active) : undefined;
        if (r) {
          anchor.current = active;
          onSelectionChange(toggle(selection, r.id));
        }
      },
      Escape: () => {
        onSelectionChange([]);
        onCapped(null);
      },
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

  const onRowClick = (e: MouseEvent, index: number, r: RecordSummary) => {
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
    scrollRef.current?.focus({ preventScroll: true });
  };

  const onCheck = (e: MouseEvent, index: number, r: RecordSummary) => {
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

  const allSelected = total > 0 && selection.length >= Math.min(total, SELECTION_LIMIT);
  const template = ['2.25rem', ...shown.map((c) => c.width)].join(' ');
  const minWidth = 2.25 + shown.reduce((sum, c) => sum + c.minRem, 0);
  const sortLabel = (c: Column) => t(`columns.${c.id}`);

  return (
    <div
      ref={scrollRef}
      className="record-grid"
      role="grid"
      aria-label={t('gridLabel')}
      aria-describedby="record-grid-help"
      aria-rowcount={total + 1}
      aria-colcount={shown.length + 1}
      aria-multiselectable="true"
      aria-activedescendant={active !== null && win.row(active) ? rowId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        // Focus arriving from Tab: the first row in view becomes active.
        if (e.target === e.currentTarget && active === null && total > 0) {
          setActive(Math.min(total - 1, Math.floor((scrollRef.current?.scrollTop ?? 0) / ROW_HEIGHT)));
        }
      }}
      style={{ ['--grid-columns' as string]: template, ['--grid-min-width' as string]: `${minWidth}rem` }}
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row">
          <div role="columnheader" aria-colindex={1} className="col-check">
            <input
              type="checkbox"
              aria-label={t('selection.selectAll')}
              checked={allSelected}
              ref={(el) => {
                if (el) el.indeterminate = selection.length > 0 && !allSelected;
              }}
              onChange={() => {
                if (selection.length > 0) {
                  onSelectionChange([]);
                  onCapped(null);
                } else void selectAll();
              }}
            />
          </div>
          {shown.map((c, i) => {
            const sorted = c.sort !== null && query.sort === c.sort;
            return (
              <div
                key={c.id}
                role="columnheader"
                aria-colindex={i + 2}
                className={c.className}
                aria-sort={c.sort === null ? undefined : sorted ? (query.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                {c.sort === null ? (
                  <span className="visually-hidden">{sortLabel(c)}</span>
                ) : (
                  <button type="button" className="sort" onClick={() => onSort(c.sort!)}>
                    {sortLabel(c)}
                    <span className="sort-mark" aria-hidden="true">
                      {sorted ? (query.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const r = win.row(item.index);
          const style = { transform: `translateY(${item.start - HEAD_HEIGHT}px)` };
          if (!r) {
            return (
              <div key={`pending-${item.index}`} role="row" aria-rowindex={item.index + 2} aria-busy="true" className="grid-row pending" style={style}>
                <div role="gridcell" aria-colindex={1} className="col-check" />
                <div role="gridcell" aria-colindex={2} className="muted">
                  {t('loadingRow')}
                </div>
              </div>
            );
          }
          const isSelected = selected.has(r.id);
          const classes = ['grid-row', isSelected ? 'selected' : '', r.id === openedId ? 'opened' : '', item.index === active ? 'active' : '']
            .filter(Boolean)
            .join(' ');
          return (
            <div
              key={r.id}
              id={rowId(item.index)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={isSelected}
              className={classes}
              style={style}
              onClick={(e) => onRowClick(e, item.index, r)}
            >
              <div role="gridcell" aria-colindex={1} className="col-check">
                <input
                  type="checkbox"
                  tabIndex={-1}
                  aria-label={t('selection.selectRow', { title: r.title })}
                  checked={isSelected}
                  onChange={() => undefined}
                  onClick={(e) => onCheck(e, item.index, r)}
                />
              </div>
              {shown.map((c, i) => (
                <div key={c.id} role="gridcell" aria-colindex={i + 2} className={c.className}>
                  <Cell column={c.id} record={r} opened={r.id === openedId} thumbnail={win.thumbnail(r.id)} />
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function Cell({ column, record: r, opened, thumbnail }: { column: ColumnId; record: RecordSummary; opened: boolean; thumbnail: string | undefined }) {
  const { t } = useT('library');
  switch (column) {
    case 'thumbnail':
      return thumbnail ? <img src={fileUrl(thumbnail)} alt="" loading="lazy" decoding="async" /> : null;
    case 'type':
      return <>{RECORD_TYPE_LABELS[r.type]}</>;
    case 'title':
      return (
        <>
          <a href={routeHref({ view: 'record', id: r.id })} tabIndex={-1} aria-current={opened ? 'true' : undefined}>
            {r.title}
          </a>
          {r.titleAlt ? <span className="title-alt"> {r.titleAlt}</span> : null}
        </>
      );
    case 'date':
      return <>{formatRecordDate(r.date, r.dateEnd, r.dateApproximate) ?? <span className="muted">{t('undated')}</span>}</>;
    case 'referenceCode':
      return <>{r.referenceCode ?? ''}</>;
    case 'updatedAt':
      return <>{formatTimestamp(r.updatedAt)}</>;
  }
}
