/**
 * The grid's body: the rows the virtual list places (a placeholder for those whose block is still
 * loading), the right-click that opens the selection's menu on a row, and a row dragged (with the
 * rest of the selection, if it is in it) towards a collection in the sidebar.
 */
import type { VirtualItem } from '@tanstack/react-virtual';
import type { MouseEvent, SyntheticEvent } from 'react';
import type { RecordRow } from '../../../shared/model';
import { dragRecords } from '../collections/fileRecords';
import type { Column } from './columns';
import { GridRow, PendingRow } from './GridRow';
import { openSelectionMenu } from './selection';
import type { RecordWindow } from './useRecordWindow';

interface Props {
  items: VirtualItem[];
  /** The body's height: every row's, so the scrollbar stands for the whole list. */
  height: number;
  /** Where the body starts in the scrolling grid (the header's height). */
  offset: number;
  win: RecordWindow;
  columns: readonly Column[];
  selected: ReadonlySet<number>;
  openedId: number | null;
  active: number | null;
  onSelectionChange: (ids: number[]) => void;
  onRowClick: (e: MouseEvent, index: number, record: RecordRow) => void;
  onCheck: (e: MouseEvent, index: number, record: RecordRow) => void;
}

export function GridBody({ items, height, offset, win, columns, selected, openedId, active, ...on }: Props) {
  const recordAt = (e: SyntheticEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[role="row"]');
    return row ? win.row(Number(row.getAttribute('aria-rowindex')) - 2) : undefined;
  };
  /** A row in the selection carries the whole selection; any other row, itself alone. */
  const actingOn = (r: RecordRow) => (selected.has(r.id) ? [...selected] : [r.id]);
  return (
    // A right-click on a row acts on the selection (the row alone, if it was not in it): the header's menu opens.
    <div
      role="rowgroup"
      className="grid-body"
      style={{ height }}
      onContextMenu={(e) => {
        const r = recordAt(e);
        if (!r) return;
        e.preventDefault();
        if (!selected.has(r.id)) on.onSelectionChange([r.id]);
        openSelectionMenu();
      }}
      onDragStart={(e) => {
        const r = recordAt(e);
        if (r) dragRecords(e.dataTransfer, actingOn(r));
      }}
    >
      {items.map((item) => {
        const r = win.row(item.index);
        const style = { transform: `translateY(${item.start - offset}px)` };
        if (!r) return <PendingRow key={`pending-${item.index}`} index={item.index} style={style} />;
        return (
          <GridRow
            key={r.id}
            index={item.index}
            record={r}
            columns={columns}
            style={style}
            selected={selected.has(r.id)}
            opened={r.id === openedId}
            active={item.index === active}
            thumbnail={win.thumbnail(r.id)}
            onClick={on.onRowClick}
            onCheck={on.onCheck}
          />
        );
      })}
    </div>
  );
}
