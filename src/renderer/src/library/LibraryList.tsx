/**
 * The middle pane when no search is typed: the whole filtered list in one scrolling grid, with
 * its filters as removable chips, the column chooser and the selection's count.
 */
import { useCallback, useState } from 'react';
import type { RecordSort } from '../../../shared/contract';
import { ErrorText } from '../common/ErrorText';
import { RECORD_TYPE_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';
import { ColumnChooser } from './ColumnChooser';
import { loadColumns, loadWidths, saveColumns, saveWidths, toggleColumn, type ColumnId } from './columns';
import { sortBy, withoutFilters, type ListQuery } from './query';
import { RecordGrid } from './RecordGrid';
import { SELECTION_LIMIT } from './selection';
import { useRecordWindow } from './useRecordWindow';

interface Props {
  query: ListQuery;
  onQuery: (query: ListQuery) => void;
  /** The record open in the record panel. */
  openedId: number | null;
  onOpen: (id: number) => void;
  selection: number[];
  onSelectionChange: (ids: number[]) => void;
  /** The catalogue revision: the rows reload whenever anything was written. */
  revision: number;
  /** The library's path: the columns' widths are remembered per library. */
  library: string;
}

export function LibraryList({
  query,
  onQuery,
  openedId,
  onOpen,
  selection,
  onSelectionChange,
  revision,
  library,
}: Props) {
  const { t } = useT('library');
  const [columns, setColumns] = useState<ColumnId[]>(loadColumns);
  const [widths, setWidths] = useState(() => ({ library, widths: loadWidths(library) }));
  const columnWidths = widths.library === library ? widths.widths : loadWidths(library);
  const [capped, setCapped] = useState<number | null>(null);
  const win = useRecordWindow(query, revision, columns.includes('thumbnail'));
  const heading = query.type ? RECORD_TYPE_LABELS[query.type] : t('allRecords');

  const chips: { label: string; without: ListQuery }[] = [];
  if (query.authority)
    chips.push({
      label: t('filters.linkedTo', { name: query.authority.name }),
      without: { ...query, authority: null },
    });
  if (query.collection)
    chips.push({
      label: t('filters.collection', { name: query.collection.name }),
      without: { ...query, collection: null },
    });
  if (query.tag) chips.push({ label: t('filters.tag', { name: query.tag }), without: { ...query, tag: null } });
  if (query.year !== null)
    chips.push({ label: t('filters.year', { year: query.year }), without: { ...query, year: null } });
  if (query.importBatch)
    chips.push({
      label: t('filters.importBatch', { name: query.importBatch.name }),
      without: { ...query, importBatch: null },
    });

  const onSort = useCallback((sort: RecordSort) => onQuery(sortBy(query, sort)), [onQuery, query]);
  const onSelection = useCallback(
    (ids: number[]) => {
      // Any change but "select all" (which reports its cap right after) ends the cap notice.
      setCapped(null);
      onSelectionChange(ids);
    },
    [onSelectionChange],
  );

  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <div className="pane-head">
        <h2 id="list-heading" tabIndex={-1}>
          {heading}
        </h2>
        {win.total !== null ? <span className="muted">{t('recordCount', { count: win.total })}</span> : null}
        <span className="pane-tools">
          <ColumnChooser
            columns={columns}
            onToggle={(id) => {
              const next = toggleColumn(columns, id);
              setColumns(next);
              saveColumns(next);
            }}
          />
        </span>
      </div>
      {chips.length > 0 ? (
        <ul className="filter-chips" aria-label={t('filters.label')}>
          {chips.map((c) => (
            <li key={c.label} className="filter-chip">
              <span>{c.label}</span>{' '}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('filters.remove', { label: c.label })}
                onClick={() => onQuery(c.without)}
              >
                ×
              </button>
            </li>
          ))}
          {chips.length > 1 || query.type ? (
            <li>
              <button type="button" className="link-button" onClick={() => onQuery(withoutFilters(query))}>
                {t('filters.clearAll')}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
      <p className="selection-status" role="status">
        {selection.length > 0 ? (
          <>
            {t('selection.selected', { count: selection.length })}{' '}
            <button type="button" className="link-button" onClick={() => onSelection([])}>
              {t('selection.clear')}
            </button>
            {capped !== null ? (
              <span className="muted"> {t('selection.capped', { limit: SELECTION_LIMIT, total: capped })}</span>
            ) : null}
          </>
        ) : null}
      </p>
      <p id="record-grid-help" className="visually-hidden">
        {t('selection.help')}
      </p>
      <ErrorText error={win.error} prefix={t('loadFailed')} />
      {win.total === 0 ? <p className="muted">{t('noRecords')}</p> : null}
      {win.total !== null && win.total > 0 ? (
        <RecordGrid
          query={query}
          win={win}
          columns={columns}
          selection={selection}
          onSelectionChange={onSelection}
          onCapped={setCapped}
          openedId={openedId}
          onOpen={onOpen}
          onSort={onSort}
          widths={columnWidths}
          onWidth={(id, w) => setWidths({ library, widths: { ...columnWidths, [id]: w } })}
          onWidthDone={() => saveWidths(library, columnWidths)}
        />
      ) : null}
    </section>
  );
}
