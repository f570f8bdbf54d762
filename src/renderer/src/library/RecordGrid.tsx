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
import { ROW_HEIGHTS, useDensity } from '../settings/density';
import { COLUMNS, minRemOf, trackOf, type ColumnId, type ColumnWidths } from './columns';
import { GridHead } from './GridHead';
import { GridBody } from './GridBody';
import { rowId } from './GridRow';
import type { ListQuery } from './query';
import { SELECTION_LIMIT } from './selection';
import { useGridSelection } from './useGridSelection';
import type { RecordWindow } from './useRecordWindow';

/** Fixed heights (px) let 100,000 rows scroll cheaply; a row's follows the density (Settings). */
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
  const density = useDensity();
  const rowHeight = ROW_HEIGHTS[density];

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  // Another density: the sizes the virtualiser keeps were measured at the old height.
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);
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
    rowHeight,
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
      data-density={density}
      style={{
        ['--grid-columns' as string]: template,
        ['--grid-min-width' as string]: `${minWidth}rem`,
        ['--row-height' as string]: `${rowHeight}px`,
      }}
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
      <GridBody
        items={items}
        height={virtualizer.getTotalSize()}
        offset={HEAD_HEIGHT}
        win={win}
        columns={shown}
        selected={selected}
        openedId={openedId}
        active={active}
        onSelectionChange={onSelectionChange}
        onRowClick={grid.onRowClick}
        onCheck={grid.onCheck}
      />
    </div>
  );
}
