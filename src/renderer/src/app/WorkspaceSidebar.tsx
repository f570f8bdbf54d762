/**
 * The left pane, what filters first: the record types (or, while searching, the facets of the
 * result, whose type group is then the one type filter, counting what was found), the saved
 * searches, then the library's collections and tags and the authorities.
 */
import type { OutputOf } from '../../../shared/contract';
import { afterRows } from '../common/firstRows';
import { archive } from '../archive';
import { AuthoritiesNav } from '../authorities/AuthoritiesNav';
import { useResult } from '../common/useResult';
import { VerifyAction } from '../documents/VerifyAction';
import { useT } from '../i18n/i18n';
import type { ListQuery } from '../library/query';
import { TypeFilter } from '../library/TypeFilter';
import { Facets } from '../search/Facets';
import { SavedSearches } from '../search/SavedSearches';
import type { WorkspaceSearch } from '../search/useWorkspaceSearch';
import { LibrarySidebar } from '../sidebar/LibrarySidebar';
import { focusSoon } from './moves';

interface Props {
  info: OutputOf<'libraryInfo'>;
  revision: number;
  /** Bumped whenever the workspace looks again: the saved searches follow. */
  version: number;
  query: ListQuery;
  /** A filter chosen here: the list shows it (and the search is left). */
  onQuery: (query: ListQuery) => void;
  search: WorkspaceSearch;
  onChanged: () => void;
}

export function WorkspaceSidebar({ info, revision, version, query, onQuery, search, onChanged }: Props) {
  const { t } = useT('layout');
  const saved = useResult(() => afterRows(() => archive.listSavedSearches({})), [version]);
  const outcome = search.searching ? search.state.outcome : null;
  return (
    <aside className="sidebar" aria-label={t('sidebar.label')}>
      {search.searching ? (
        outcome ? (
          <Facets facets={outcome.facets} chosen={search.facets} onChange={search.setFacets} />
        ) : null
      ) : (
        <TypeFilter
          selected={query.type}
          total={info.counts.records}
          byType={info.counts.byType}
          onSelect={(type) => onQuery({ ...query, type })}
        />
      )}
      <SavedSearches
        saved={saved.value ?? []}
        onOpen={(s) => {
          search.open(s);
          focusSoon('list-heading');
        }}
        onDelete={(s) => void archive.deleteSavedSearch({ id: s.id }).then(onChanged)}
      />
      <LibrarySidebar query={query} revision={revision} onQuery={onQuery} onChanged={onChanged} />
      <AuthoritiesNav counts={info.counts.authorities} />
      <p className="library-path muted" title={info.path}>
        {t('libraryPath', { path: info.path })}
      </p>
      <VerifyAction />
    </aside>
  );
}
