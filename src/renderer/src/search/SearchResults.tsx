import { useState } from 'react';
import type { SortOrder } from '../../../shared/search/engine';
import { routeHref } from '../app/route';
import { ErrorText } from '../common/ErrorText';
import { plural } from '../common/format';
import { RECORD_TYPE_LABELS } from '../common/labels';
import { Marked } from './Marked';
import type { SearchState } from './useSearch';

interface Props {
  query: string;
  search: SearchState;
  selectedId: number | null;
  sort: SortOrder;
  onSort: (sort: SortOrder) => void;
  onSuggestion: (term: string) => void;
  onSave: (name: string) => Promise<string | null>;
}

const SORT_LABELS: Record<SortOrder, string> = {
  relevance: 'Relevance',
  'date-desc': 'Newest first',
  'date-asc': 'Oldest first',
  title: 'Title',
};

function SaveSearch({ onSave }: { onSave: Props['onSave'] }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Save search…
      </button>
    );
  }
  return (
    <form
      className="save-search"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(name).then((problem) => {
          setError(problem);
          if (!problem) {
            setOpen(false);
            setName('');
          }
        });
      }}
    >
      <label htmlFor="save-search-name">Name</label>
      <input id="save-search-name" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
      <button type="submit">Save</button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <ErrorText error={error} />
    </form>
  );
}

/** The middle pane while searching: what was understood, the merged hits best first, each saying where it matched. */
export function SearchResults({ query, search, selectedId, sort, onSort, onSuggestion, onSave }: Props) {
  const { outcome, error, status } = search;
  const q = query.trim();
  let summary: string;
  if (status.state === 'failed') summary = 'Search is unavailable.';
  else if (status.state === 'loading' && !outcome) {
    summary = status.progress
      ? `Preparing the search index… ${status.progress.done.toLocaleString()} of ${status.progress.total.toLocaleString()} records.`
      : 'Preparing the search index…';
  }
  else if (!outcome) summary = 'Searching…';
  else summary = outcome.total === 0 ? `Nothing matches${q ? ` “${q}”` : ''}.` : `${plural(outcome.total, 'record')} found.`;
  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <div className="pane-head">
        <h2 id="list-heading" tabIndex={-1}>
          Search results
        </h2>
        <label className="sort-choice">
          Sort{' '}
          <select value={sort} onChange={(e) => onSort(e.target.value as SortOrder)}>
            {(Object.keys(SORT_LABELS) as SortOrder[]).map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <SaveSearch onSave={onSave} />
      </div>
      <p className="muted" role="status">
        {summary}
        {outcome && !outcome.textsMerged ? ' Searching the documents’ text…' : ''}
        {outcome && status.state === 'loading' ? ' (Found in documents’ text; the record index is still loading.)' : ''}
      </p>
      {outcome && outcome.query.understood.length > 0 ? <p className="understood">Searched for {outcome.query.understood.join(', ')}.</p> : null}
      {outcome && outcome.query.warnings.length > 0 ? (
        <ul className="query-notes">
          {outcome.query.warnings.map((w) => (
            <li key={w}>Note: {w}.</li>
          ))}
        </ul>
      ) : null}
      {outcome && outcome.suggestions.length > 0 ? (
        <p className="suggestions">
          Did you mean{' '}
          {outcome.suggestions.map((s, i) => (
            <span key={s}>
              {i > 0 ? ' or ' : ''}
              <button type="button" className="link" onClick={() => onSuggestion(s)}>
                {s}
              </button>
            </span>
          ))}
          ?
        </p>
      ) : null}
      <ErrorText error={status.state === 'failed' ? status.message : error} prefix="Search failed" />
      {outcome && outcome.hits.length > 0 ? (
        <ol className="hits">
          {outcome.hits.map((hit) => (
            <li key={hit.id} className={hit.id === selectedId ? 'selected' : undefined}>
              <a href={routeHref({ view: 'record', id: hit.id })} aria-current={hit.id === selectedId ? 'true' : undefined}>
                <Marked segments={hit.titleSegments} />
              </a>
              <p className="hit-meta">
                {RECORD_TYPE_LABELS[hit.type]}
                {hit.date ? ` · ${hit.date}` : ''}
                {hit.referenceCode ? ` · ${hit.referenceCode}` : ''}
              </p>
              {hit.snippet.length > 0 && hit.snippet.some((s) => s.text.trim()) ? (
                <p className="hit-snippet">
                  <Marked segments={hit.snippet} />
                </p>
              ) : null}
              <p className="hit-where">Matched in {hit.matchedIn.join(', ') || 'filters'}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
