/** The grid's header row: the select-all checkbox, and each shown column (a sort button where the column sorts). */
import type { RecordSort } from '../../../shared/contract';
import { useT } from '../i18n/i18n';
import { ColumnResizer } from './ColumnResizer';
import type { Column, ColumnId, ColumnWidths } from './columns';
import type { ListQuery } from './query';

interface Props {
  columns: readonly Column[];
  query: ListQuery;
  /** Every row selected (as far as the batch limit allows), some, or none. */
  checked: 'all' | 'some' | 'none';
  onCheckAll: () => void;
  onSort: (sort: RecordSort) => void;
  widths: ColumnWidths;
  onWidth: (id: ColumnId, width: number) => void;
  onWidthDone: () => void;
}

export function GridHead({ columns, query, checked, onCheckAll, onSort, widths, onWidth, onWidthDone }: Props) {
  const { t } = useT('library');
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row">
        <div role="columnheader" aria-colindex={1} className="col-check">
          <input
            type="checkbox"
            aria-label={t('selection.selectAll')}
            checked={checked === 'all'}
            ref={(el) => {
              if (el) el.indeterminate = checked === 'some';
            }}
            onChange={onCheckAll}
          />
        </div>
        {columns.map((c, i) => {
          const sorted = c.sort !== null && query.sort === c.sort;
          const label = t(`columns.${c.id}`);
          return (
            <div
              key={c.id}
              role="columnheader"
              aria-colindex={i + 2}
              className={c.className}
              aria-sort={
                c.sort === null ? undefined : sorted ? (query.direction === 'asc' ? 'ascending' : 'descending') : 'none'
              }
            >
              {c.sort === null ? (
                // The preview's column needs no visible word; the others name what they show.
                <span className={c.id === 'thumbnail' ? 'visually-hidden' : 'column-label'}>{label}</span>
              ) : (
                <button type="button" className="sort" onClick={() => onSort(c.sort!)}>
                  {label}
                  <span className="sort-mark" aria-hidden="true">
                    {sorted ? (query.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              )}
              {c.id === 'thumbnail' ? null : (
                <ColumnResizer
                  label={t('resizeColumn', { column: label })}
                  width={widths[c.id]}
                  onWidth={(w) => onWidth(c.id, w)}
                  onDone={onWidthDone}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
