/**
 * The library as a virtualised grid: only the rows on screen (and a few either side) exist in the
 * page, so 100,000 records scroll like 50. It is one ARIA grid with aria-rowcount/aria-rowindex
 * (a screen reader hears "row 40,213 of 100,001"), one tab stop (the active row is its
 * aria-activedescendant), and multi-selection (aria-multiselectable, aria-selected) by mouse and
 * keyboard; see ./useGridSelection.ts for what each key and click does.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { RecordSort } from '../../../shared/contract';
import { useT } from '../i18n/i18n';
import { COLUMNS, minRemOf, trackOf, type ColumnId, type ColumnWidths } from './columns';
import { GridHead } from './GridHead';
import { GridRow, PendingRow, rowId } from './GridRow';
import type { ListQuery } from './query';
import { openSelectionMenu, SELECTION_LIMIT } from './selection';
import { useGridSelection } from './useGridSelection';
import type { RecordWindow } from './useRecordWindow';

/** Fixed heights (px, matching app.css): fixed rows are what lets 100,000 of them scroll cheaply. */
const ROW_HEIGHT = 36;
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
  widths: ColumnWidths;
  onWidth: (id: ColumnId, width: number) => void;
  onWidthDone: () => void;
}

export function RecordGrid({
  query,
  win,
  columns,
  selection,
  onSelectionChange,
  onCapped,
  openedId,
  onOpen,
  onSort,
  widths,
  onWidth,
  onWidthDone,
}: Props) {
  const { t } = useT('library');
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = win.total ?? 0;
  const shown = useMemo(() => COLUMNS.filter((c) => columns.includes(c.id)), [columns]);
  const selected = useMemo(() => new Set(selection), [selection]);

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

  const grid = useGridSelection({
    query,
    win,
    grid: scrollRef,
    rowHeight: ROW_HEIGHT,
    scrollTo: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    selection,
    onSelectionChange,
    onCapped,
    onOpen,
    openedId,
  });
  const { active } = grid;

  const allSelected = total > 0 && selection.length >= Math.min(total, SELECTION_LIMIT);
  const template = ['2.25rem', ...shown.map((c) => trackOf(c, widths))].join(' ');
  const minWidth = 2.25 + shown.reduce((sum, c) => sum + minRemOf(c, widths), 0);

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
      onKeyDown={grid.onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget) grid.onFocusGrid();
      }}
      style={{ ['--grid-columns' as string]: template, ['--grid-min-width' as string]: `${minWidth}rem` }}
    >
      <GridHead
        columns={shown}
        query={query}
        checked={allSelected ? 'all' : selection.length > 0 ? 'some' : 'none'}
        onCheckAll={grid.onCheckAll}
        onSort={onSort}
        widths={widths}
        onWidth={onWidth}
        onWidthDone={onWidthDone}
      />
      {/* A right-click on a row acts on the selection (the row alone, if it was not in it): the header's menu opens. */}
      <div
        role="rowgroup"
        className="grid-body"
        style={{ height: virtualizer.getTotalSize() }}
        onContextMenu={(e) => {
          const row = (e.target as HTMLElement).closest<HTMLElement>('[role="row"]');
          const r = row ? win.row(Number(row.getAttribute('aria-rowindex')) - 2) : undefined;
          if (!r) return;
          e.preventDefault();
          if (!selected.has(r.id)) onSelectionChange([r.id]);
          openSelectionMenu();
        }}
      >
        {items.map((item) => {
          const r = win.row(item.index);
          const style = { transform: `translateY(${item.start - HEAD_HEIGHT}px)` };
          if (!r) return <PendingRow key={`pending-${item.index}`} index={item.index} style={style} />;
          return (
            <GridRow
              key={r.id}
              index={item.index}
              record={r}
              columns={shown}
              style={style}
              selected={selected.has(r.id)}
              opened={r.id === openedId}
              active={item.index === active}
              thumbnail={win.thumbnail(r.id)}
              onClick={grid.onRowClick}
              onCheck={grid.onCheck}
            />
          );
        })}
      </div>
    </div>
  );
}
