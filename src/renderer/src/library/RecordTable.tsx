import type { RecordSort } from '../../../shared/contract';
import type { RecordSummary } from '../../../shared/model';
import { routeHref } from '../app/route';
import { formatRecordDate } from '../common/format';
import { RECORD_TYPE_LABELS } from '../common/labels';
import type { ListQuery } from './query';

interface Props {
  items: RecordSummary[];
  query: ListQuery;
  selectedId: number | null;
  onSort: (sort: RecordSort) => void;
}

const COLUMNS: { sort: RecordSort; label: string; className: string }[] = [
  { sort: 'type', label: 'Type', className: 'col-type' },
  { sort: 'title', label: 'Title', className: 'col-title' },
  { sort: 'date', label: 'Date', className: 'col-date' },
  { sort: 'referenceCode', label: 'Reference', className: 'col-ref' },
];

/** The library as a table; headers are sort buttons and report their order through aria-sort. */
export function RecordTable({ items, query, selectedId, onSort }: Props) {
  return (
    <table className="records">
      <caption className="visually-hidden">
        Records, sorted by {query.sort === 'referenceCode' ? 'reference' : query.sort}{' '}
        {query.direction === 'asc' ? 'ascending' : 'descending'}
      </caption>
      <thead>
        <tr>
          {COLUMNS.map((col) => {
            const active = query.sort === col.sort;
            return (
              <th
                key={col.sort}
                scope="col"
                className={col.className}
                aria-sort={active ? (query.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="sort" onClick={() => onSort(col.sort)}>
                  {col.label}
                  <span className="sort-mark" aria-hidden="true">
                    {active ? (query.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {items.map((r) => {
          const selected = r.id === selectedId;
          const date = formatRecordDate(r.date, r.dateEnd, r.dateApproximate);
          return (
            <tr key={r.id} className={selected ? 'selected' : undefined}>
              <td className="col-type">{RECORD_TYPE_LABELS[r.type]}</td>
              <td className="col-title">
                <a href={routeHref({ view: 'record', id: r.id })} aria-current={selected ? 'true' : undefined}>
                  {r.title}
                </a>
                {r.titleAlt ? <span className="title-alt"> {r.titleAlt}</span> : null}
              </td>
              <td className="col-date">{date ?? <span className="muted">undated</span>}</td>
              <td className="col-ref">{r.referenceCode ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
