/** The middle pane: the timeline over either the search's results or the filtered list. */
import { archive } from '../archive';
import { errorWords } from '../common/errorWords';
import { LibraryList } from '../library/LibraryList';
import type { ListQuery } from '../library/query';
import { SearchResults } from '../search/SearchResults';
import type { WorkspaceSearch } from '../search/useWorkspaceSearch';
import { Timeline } from '../timeline/Timeline';
import { navigate } from './route';

interface Props {
  search: WorkspaceSearch;
  query: ListQuery;
  onQuery: (query: ListQuery) => void;
  /** The record open in the record pane. */
  openedId: number | null;
  selection: number[];
  onSelectionChange: (ids: number[]) => void;
  revision: number;
  /** The library's path (the list remembers its column widths per library). */
  library: string;
  onChanged: () => void;
}

export function ListColumn({
  search,
  query,
  onQuery,
  openedId,
  selection,
  onSelectionChange,
  revision,
  library,
  onChanged,
}: Props) {
  const { searching, facets } = search;
  return (
    <div className="middle-column">
      {searching ? (
        <Timeline
          source={{ kind: 'search', years: search.state.outcome?.facets.year ?? [], chosen: facets.years?.[0] ?? null }}
          onYear={(year) => search.setFacets({ ...facets, years: year === null ? [] : [year] })}
        />
      ) : (
        <Timeline source={{ kind: 'list', query, revision }} onYear={(year) => onQuery({ ...query, year })} />
      )}
      {searching ? (
        <SearchResults
          query={search.text}
          search={search.state}
          selectedId={openedId}
          sort={search.sort}
          onSort={search.setSort}
          onSuggestion={search.setText}
          onSave={async (name) => {
            const result = await archive.saveSearch({ name, query: search.text, filters: facets });
            if (!result.ok) return errorWords(result.error);
            onChanged();
            return null;
          }}
        />
      ) : (
        <LibraryList
          query={query}
          onQuery={onQuery}
          openedId={openedId}
          onOpen={(id) => navigate({ view: 'record', id })}
          selection={selection}
          onSelectionChange={onSelectionChange}
          revision={revision}
          library={library}
        />
      )}
    </div>
  );
}
