import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { plural } from '../common/format';
import { RECORD_TYPE_LABELS } from '../common/labels';
import { useResult } from '../common/useResult';
import { Pager } from './Pager';
import { PAGE_SIZE, sortBy, type ListQuery } from './query';
import { RecordTable } from './RecordTable';

interface Props {
  query: ListQuery;
  onQuery: (query: ListQuery) => void;
  selectedId: number | null;
  /** The catalogue revision: the list reloads whenever anything was written. */
  revision: number;
}

/** The middle pane when no search is typed: one page of records in the chosen order. */
export function LibraryList({ query, onQuery, selectedId, revision }: Props) {
  const list = useResult(
    () =>
      archive.listRecords({
        ...(query.type ? { type: query.type } : {}),
        ...(query.authority ? { authorityId: query.authority.id } : {}),
        sort: query.sort,
        direction: query.direction,
        offset: query.offset,
        limit: PAGE_SIZE,
      }),
    [query.type, query.authority?.id, query.sort, query.direction, query.offset, revision],
  );
  const heading = query.type ? RECORD_TYPE_LABELS[query.type] : 'All records';
  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <div className="pane-head">
        <h2 id="list-heading" tabIndex={-1}>
          {heading}
        </h2>
        {list.value ? <span className="muted">{plural(list.value.total, 'record')}</span> : null}
      </div>
      {query.authority ? (
        <p className="filter-chip">
          Linked to <strong>{query.authority.name}</strong>{' '}
          <button
            type="button"
            className="link-button"
            aria-label={`Stop showing only records linked to ${query.authority.name}`}
            onClick={() => onQuery({ ...query, authority: null, offset: 0 })}
          >
            Show all
          </button>
        </p>
      ) : null}
      <ErrorText error={list.error} prefix="The list could not be loaded" />
      {list.value && list.value.items.length === 0 ? <p className="muted">No records here.</p> : null}
      {list.value && list.value.items.length > 0 ? (
        <RecordTable
          items={list.value.items}
          query={query}
          selectedId={selectedId}
          onSort={(sort) => onQuery(sortBy(query, sort))}
        />
      ) : null}
      {list.value ? <Pager offset={query.offset} total={list.value.total} onOffset={(offset) => onQuery({ ...query, offset })} /> : null}
    </section>
  );
}
