import { routeHref } from '../app/route';
import { ErrorText } from '../common/ErrorText';
import { formatRecordDate } from '../common/format';
import { RECORD_TYPE_LABELS, ROLE_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';
import { Marked } from './Marked';
import { understoodText, warningText, whereMatched } from '../../../shared/search/words';
import { sayWith } from './say';
import { onHitsKeyDown } from './resultsFocus';
import { SaveSearch } from './SaveSearch';
import './results.css';
import { MORE_HITS, type SearchState } from './useSearch';
import { listOrderOf, SEARCH_SORTS, type SearchSort } from './searchSort';

interface Props {
  query: string;
  search: SearchState;
  selectedId: number | null;
  sort: SearchSort;
  onSort: (sort: SearchSort) => void;
  onSuggestion: (term: string) => void;
  onSave: (name: string) => Promise<string | null>;
}

/** The middle pane while searching: what was understood, the merged hits best first, each saying where it matched. */
export function SearchResults({ query, search, selectedId, sort, onSort, onSuggestion, onSave }: Props) {
  const { t } = useT('search');
  const { t: tl } = useT('library');
  const { outcome, error, status } = search;
  const sortLabel = (s: SearchSort) => {
    const order = listOrderOf(s);
    if (!order) return t('sortOrder.relevance');
    // The list's own names: its column ("Creator") and direction.
    const column = order.sort === 'creator' ? 'creators' : order.sort;
    return t('sortOrder.listed', {
      column: tl(`columns.${column}`),
      direction: tl(order.direction === 'asc' ? 'ascending' : 'descending'),
    });
  };
  const q = query.trim();
  // As many hits as were asked for (useSearch); the records found by their text alone, which
  // follow the record-level hits, may add as many again, shown with the next page.
  const { shown } = search;
  const more = outcome ? Math.min(MORE_HITS, Math.max(outcome.total, outcome.hits.length) - shown) : 0;
  let summary: string;
  if (status.state === 'failed') summary = t('unavailable');
  else if (status.state === 'loading' && !outcome) {
    summary = status.progress
      ? t('preparingProgress', { done: status.progress.done, total: status.progress.total })
      : t('preparing');
  } else if (!outcome) summary = t('searching');
  else if (outcome.total === 0) summary = q ? t('nothingFor', { query: q }) : t('nothing');
  else summary = t('found', { count: outcome.total });
  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <div className="pane-head">
        <h2 id="list-heading" tabIndex={-1}>
          {t('heading')}
        </h2>
        <label className="sort-choice">
          {t('sort')}
          <select value={sort} onChange={(e) => onSort(e.target.value as SearchSort)}>
            {SEARCH_SORTS.map((s) => (
              <option key={s} value={s}>
                {sortLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <SaveSearch onSave={onSave} />
      </div>
      <p className="muted" role="status">
        {summary}
        {outcome && !outcome.textsMerged ? t('searchingText') : ''}
        {outcome && status.state === 'loading' ? t('indexLoading') : ''}
      </p>
      {outcome && outcome.query.understood.length > 0 ? (
        <p className="understood">
          {t('understood', {
            what: outcome.query.understood
              .map((u) => understoodText(u, sayWith(t), RECORD_TYPE_LABELS))
              .join(t('listSeparator')),
          })}
        </p>
      ) : null}
      {outcome && outcome.query.warnings.length > 0 ? (
        <ul className="query-notes">
          {outcome.query.warnings.map((w, i) => (
            <li key={i}>{t('note', { warning: warningText(w, sayWith(t)) })}</li>
          ))}
        </ul>
      ) : null}
      {outcome && outcome.suggestions.length > 0 ? (
        <p className="suggestions">
          {t('didYouMean')}{' '}
          {outcome.suggestions.map((s, i) => (
            <span key={s}>
              {i > 0 ? t('or') : ''}
              <button type="button" className="link" onClick={() => onSuggestion(s)}>
                {s}
              </button>
            </span>
          ))}
          ?
        </p>
      ) : null}
      <ErrorText error={status.state === 'failed' ? status.message : error} prefix={t('failed')} />
      {outcome && outcome.hits.length > 0 ? (
        // Up and Down between the hits' links, and back to the search box (the links are the focus stops).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
        <ol className="hits" onKeyDown={onHitsKeyDown}>
          {outcome.hits.slice(0, shown).map((hit) => (
            <li key={hit.id} className={hit.id === selectedId ? 'selected' : undefined}>
              <a
                href={routeHref({ view: 'record', id: hit.id })}
                aria-current={hit.id === selectedId ? 'true' : undefined}
              >
                <Marked segments={hit.titleSegments} />
              </a>
              <p className="hit-meta">
                {RECORD_TYPE_LABELS[hit.type]}
                {hit.date ? ` · ${formatRecordDate(hit.date)}` : ''}
                {hit.referenceCode ? ` · ${hit.referenceCode}` : ''}
              </p>
              {hit.snippet.length > 0 && hit.snippet.some((s) => s.text.trim()) ? (
                <p className="hit-snippet">
                  <Marked segments={hit.snippet} />
                </p>
              ) : null}
              <p className="hit-where">
                {hit.partial ? `${t('partialMatch')} · ` : ''}
                {t('matchedIn', {
                  where:
                    hit.matchedIn.map((w) => whereMatched(w, sayWith(t), ROLE_LABELS)).join(t('listSeparator')) ||
                    t('filters'),
                })}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {more > 0 ? (
        <button type="button" className="show-more" onClick={search.showMore}>
          {t('showMore', { count: more })}
        </button>
      ) : null}
    </section>
  );
}
