/**
 * The workspace: header with search, sidebar of record types, the list (or search results) and
 * the record pane (view, edit or create). Its state lives in named hooks — the library and its
 * revision, the list's filters and selection, the search, the panes' widths, the route — and
 * every write bumps the catalogue revision, which the list, the counts and the search index follow.
 */
import { useState } from 'react';
import { useTick } from '../common/useTick';
import { setMessageRow } from '../common/Message';
import { JobsBar } from '../documents/JobsBar';
import { EmptyLibrary } from '../empty/EmptyLibrary';
import { useT } from '../i18n/i18n';
import { Splitter } from '../layout/Splitter';
import { usePaneWidths } from '../layout/usePaneWidths';
import { INITIAL_QUERY, type ListQuery } from '../library/query';
import { useSelection } from '../library/useSelection';
import { useWorkspaceSearch } from '../search/useWorkspaceSearch';
import { ListColumn } from './ListColumn';
import { focusSoon, startCreate } from './moves';
import { RecordColumn } from './RecordColumn';
import { useRoute } from './route';
import { Topbar } from './Topbar';
import { OpeningScreen } from './OpeningScreen';
import { useLibraryInfo } from './useLibraryInfo';
import { useOpenRecordSelected } from './useOpenRecordSelected';
import { WorkspaceSidebar } from './WorkspaceSidebar';

export function App() {
  // Subscribing here re-renders the whole workspace when the interface language changes.
  const { t } = useT('layout');
  const route = useRoute();
  const { info, revision, version, refresh } = useLibraryInfo();
  const [query, setQuery] = useState<ListQuery>(INITIAL_QUERY);
  const [selection, setSelection] = useSelection(query);
  const search = useWorkspaceSearch(info.value);
  const panes = usePaneWidths();
  const [jobsWake, wakeJobs] = useTick();
  useOpenRecordSelected(route, setSelection);

  if (!info.value) return <OpeningScreen error={info.error} loading={info.loading} />;

  const library = info.value;
  const empty = library.counts.records === 0;
  /** A filter chosen in the sidebar, or a record's links: the list shows it, and the search is left. */
  const showList = (q: ListQuery) => {
    setQuery(q);
    search.change('');
  };
  const showLinked = (authority: { id: number; name: string }) => {
    showList({ ...INITIAL_QUERY, sort: query.sort, direction: query.direction, authority });
    focusSoon('list-heading');
  };
  const showCollection = (collection: { id: number; name: string }) => {
    showList({ ...INITIAL_QUERY, sort: query.sort, direction: query.direction, collection });
    focusSoon('list-heading');
  };

  return (
    <div className="app">
      <a
        href="#list-heading"
        className="skip-link"
        onClick={(e) => (e.preventDefault(), document.getElementById('list-heading')?.focus())}
      >
        {t('skipToRecords')}
      </a>
      <Topbar
        info={library}
        route={route}
        search={search}
        selection={selection}
        onQueued={wakeJobs}
        onChanged={refresh}
      />
      <JobsBar onFinished={refresh} wakeKey={`${jobsWake}:${revision}`} />
      <div
        className="workspace"
        style={{
          ['--sidebar-width' as string]: `${panes.widths.sidebar}px`,
          ['--list-width' as string]: `${panes.widths.list}px`,
        }}
      >
        <WorkspaceSidebar
          info={library}
          revision={revision}
          version={version}
          query={query}
          onQuery={showList}
          search={search}
          onChanged={refresh}
        />
        <Splitter
          pane="sidebar"
          label={t('splitters.sidebar')}
          width={panes.widths.sidebar}
          onWidth={panes.setWidth('sidebar')}
          onDone={panes.save}
        />
        <main className="main">
          {/* A collection's page opens before the first record too: an archive is often arranged before it is filled. */}
          {empty && !search.searching && route.view !== 'create' && route.view !== 'collection' ? (
            <EmptyLibrary
              libraryPath={library.path}
              onLoaded={() => {
                refresh();
                focusSoon('list-heading');
              }}
              onCreate={startCreate}
            />
          ) : (
            <>
              <ListColumn
                search={search}
                query={query}
                onQuery={setQuery}
                openedId={route.view === 'record' || route.view === 'edit' ? route.id : null}
                selection={selection}
                onSelectionChange={setSelection}
                revision={revision}
                library={library.path}
                onChanged={refresh}
              />
              <Splitter
                pane="list"
                label={t('splitters.list')}
                width={panes.widths.list}
                onWidth={panes.setWidth('list')}
                onDone={panes.save}
              />
              <RecordColumn
                route={route}
                revision={revision}
                initialType={query.type ?? undefined}
                onChanged={refresh}
                onShowLinked={showLinked}
                onShowCollection={showCollection}
              />
            </>
          )}
        </main>
      </div>
      {/* Kept for messages alone (common/Message.tsx): one never covers a control, nor moves the panes. */}
      <footer className="message-row" ref={setMessageRow} />
    </div>
  );
}
