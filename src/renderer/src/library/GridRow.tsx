/** One row of the grid: a record (checkbox and its shown columns), or a placeholder while its block loads. */
import type { CSSProperties, MouseEvent } from 'react';
import type { RecordRow } from '../../../shared/model';
import { routeHref } from '../app/route';
import { formatRecordDate, formatTimestamp } from '../common/format';
import { RECORD_TYPE_LABELS } from '../common/labels';
import { fileUrl } from '../documents/files';
import { useT } from '../i18n/i18n';
import type { Column, ColumnId } from './columns';

export const rowId = (index: number) => `record-row-${index}`;

export function PendingRow({ index, style }: { index: number; style: CSSProperties }) {
  const { t } = useT('library');
  return (
    <div role="row" aria-rowindex={index + 2} aria-busy="true" className="grid-row pending" style={style}>
      <div role="gridcell" aria-colindex={1} className="col-check" />
      <div role="gridcell" aria-colindex={2} className="muted">
        {t('loadingRow')}
      </div>
    </div>
  );
}

interface Props {
  index: number;
  record: RecordRow;
  columns: readonly Column[];
  style: CSSProperties;
  selected: boolean;
  /** Shown in the record panel. */
  opened: boolean;
  /** Where keyboard moves start. */
  active: boolean;
  thumbnail: string | undefined;
  onClick: (e: MouseEvent, index: number, record: RecordRow) => void;
  onCheck: (e: MouseEvent, index: number, record: RecordRow) => void;
}

export function GridRow({
  index,
  record: r,
  columns,
  style,
  selected,
  opened,
  active,
  thumbnail,
  onClick,
  onCheck,
}: Props) {
  const { t } = useT('library');
  const classes = ['grid-row', selected ? 'selected' : '', opened ? 'opened' : '', active ? 'active' : '']
    .filter(Boolean)
    .join(' ');
  return (
    // Rows are reached by keyboard through the grid's roving focus on their cells (useGridSelection);
    // a click on a row is the pointer's way to the same selection.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
    <div
      id={rowId(index)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes}
      style={style}
      // Dragged onto a collection in the sidebar, it is filed there (GridBody starts the drag).
      draggable
      onClick={(e) => onClick(e, index, r)}
    >
      <div role="gridcell" aria-colindex={1} className="col-check">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={t('selection.selectRow', { title: r.title })}
          checked={selected}
          onChange={() => undefined}
          onClick={(e) => onCheck(e, index, r)}
        />
      </div>
      {columns.map((c, i) => (
        <div key={c.id} role="gridcell" aria-colindex={i + 2} className={c.className} title={fullText(c.id, r)}>
          <Cell column={c.id} record={r} opened={opened} thumbnail={thumbnail} />
        </div>
      ))}
    </div>
  );
}

/** The whole of a cell's text, for the tooltip of a cell too narrow for it (titles above all). */
function fullText(column: ColumnId, r: RecordRow): string | undefined {
  switch (column) {
    case 'type': // "Media coverage" is cut in the Type column's default width at 1280 px
      return RECORD_TYPE_LABELS[r.type];
    case 'title':
      return r.titleAlt ? `${r.title} ${r.titleAlt}` : r.title;
    case 'referenceCode':
      return r.referenceCode ?? undefined;
    case 'date': // a range in Chinese ("2018年9月14日至…") outgrows its column
      return formatRecordDate(r.date, r.dateEnd, r.dateApproximate) ?? undefined;
    case 'creators':
    case 'tags':
      return r[column].length ? r[column].join(LIST_SEPARATOR) : undefined;
    case 'collection':
      return r.collection?.name;
    default:
      return undefined;
  }
}

const LIST_SEPARATOR = '; '; // not a comma: an organisation's name may hold one

type CellProps = { column: ColumnId; record: RecordRow; opened: boolean; thumbnail: string | undefined };

function Cell({ column, record: r, opened, thumbnail }: CellProps) {
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
      return (
        <>{formatRecordDate(r.date, r.dateEnd, r.dateApproximate) ?? <span className="muted">{t('undated')}</span>}</>
      );
    case 'referenceCode':
      return <>{r.referenceCode ?? ''}</>;
    case 'creators':
    case 'tags':
      return <>{r[column].join(LIST_SEPARATOR)}</>;
    case 'collection':
      return <>{r.collection?.name ?? ''}</>;
    case 'updatedAt':
      return <>{formatTimestamp(r.updatedAt)}</>;
  }
}
