import type { RecordHit } from '../../../shared/search/engine';
import type { SearchDocument } from '../../../shared/search/document';
import { routeHref } from '../app/route';
import { ErrorText } from '../common/ErrorText';
import { plural } from '../common/format';
import { RECORD_TYPE_LABELS } from '../common/labels';
import type { SearchState } from './useSearch';

const FIELD_LABELS: Record<keyof SearchDocument, string> = {
  id: 'id',
  type: 'type',
  title: 'title',
  titleAlt: 'other-language title',
  date: 'date',
  referenceCode: 'reference code',
  people: 'people',
  organisations: 'organisations',
  places: 'places',
  events: 'events',
  partnerships: 'partnerships',
  tags: 'tags',
  outlet: 'outlet',
  description: 'description',
  excerpt: 'text',
};

function whereMatched(hit: RecordHit): string {
  const fields = hit.matchedIn.map((f) => FIELD_LABELS[f as keyof SearchDocument] ?? f);
  const terms = hit.terms.map((t) => `“${t}”`).join(', ');
  return `${terms} in ${fields.join(', ')}`;
}

interface Props {
  query: string;
  search: SearchState;
  selectedId: number | null;
}

/** The middle pane while a query is typed: the hits, best first, each saying where it matched. */
export function SearchResults({ query, search, selectedId }: Props) {
  const { hits, error, status } = search;
  const q = query.trim();
  let summary: string;
  if (status.state === 'failed') summary = 'Search is unavailable.';
  else if (status.state === 'loading') summary = 'Preparing the search index…';
  else if (hits === null) summary = 'Searching…';
  else summary = hits.length === 0 ? `Nothing matches “${q}”.` : `${plural(hits.length, 'record')} match “${q}”.`;
  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <div className="pane-head">
        <h2 id="list-heading" tabIndex={-1}>
          Search results
        </h2>
      </div>
      <p className="muted" role="status">
        {summary}
      </p>
      <ErrorText error={status.state === 'failed' ? status.message : error} prefix="Search failed" />
      {hits && hits.length > 0 ? (
        <ol className="hits">
          {hits.map((hit) => (
            <li key={hit.id} className={hit.id === selectedId ? 'selected' : undefined}>
              <a href={routeHref({ view: 'record', id: hit.id })} aria-current={hit.id === selectedId ? 'true' : undefined}>
                {hit.title}
              </a>
              <p className="hit-meta">
                {RECORD_TYPE_LABELS[hit.type]}
                {hit.date ? ` · ${hit.date}` : ''}
                {hit.referenceCode ? ` · ${hit.referenceCode}` : ''}
              </p>
              <p className="hit-where">Matched {whereMatched(hit)}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
