/**
 * The workspace: header with search, sidebar of record types, the list (or search results) and
 * the record pane (view, edit or create). Every write bumps the catalogue revision; the list,
 * the counts and the search index all follow it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RecordView } from '../../../shared/model';
import { archive } from '../archive';
import { CiteDialog } from '../cite/CiteDialog';
import { ExchangeDialog } from '../exchange/ExchangeDialog';
import { ErrorText } from '../common/ErrorText';
import { useResult } from '../common/useResult';
import { fieldId } from '../editor/Field';
import { RecordEditor } from '../editor/RecordEditor';
import { ImportAction } from '../documents/ImportAction';
import { JobsBar } from '../documents/JobsBar';
import { VerifyAction } from '../documents/VerifyAction';
import { EmptyLibrary } from '../empty/EmptyLibrary';
import { LibraryList } from '../library/LibraryList';
import { filterKey, INITIAL_QUERY, type ListQuery } from '../library/query';
import { TypeFilter } from '../library/TypeFilter';
import { LibrarySidebar } from '../sidebar/LibrarySidebar';
import { Timeline } from '../timeline/Timeline';
import { loadPaneWidths, savePaneWidths, type Pane } from '../layout/panes';
import { Splitter } from '../layout/Splitter';
import { RecordPanel } from '../record/RecordPanel';
import type { FacetFilters, SortOrder } from '../../../shared/search/engine';
import { Facets } from '../search/Facets';
import { SavedSearches } from '../search/SavedSearches';
import { SearchBox } from '../search/SearchBox';
import { searchIndex } from '../search/searchIndex';
import { SearchResults } from '../search/SearchResults';
import { hasFacets, useSearch } from '../search/useSearch';
import { navigate, useRoute } from './route';
import { ThemeChoice } from './ThemeChoice';
import { LanguageChoice } from './LanguageChoice';
import { useT } from '../i18n/i18n';
import { WorkspaceKeys } from '../keyboard/WorkspaceKeys';
import { SettingsAction } from '../settings/SettingsAction';
import { AuthoritiesNav } from '../authorities/AuthoritiesNav';
import { AuthorityIndex } from '../authorities/AuthorityIndex';
import { AuthorityPage } from '../authorities/AuthorityPage';
import { BatchAction } from '../batch/BatchAction';
import { UndoControls } from '../undo/UndoControls';

/** Moves focus once the element exists (after React has rendered it). */
function focusSoon(id: string): void {
  let tries = 0;
  const attempt = () => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (tries++ < 20) setTimeout(attempt, 50);
  };
  requestAnimationFrame(attempt);
}

export function App() {
  const route = useRoute();
  // Subscribing here re-renders the whole workspace when the interface language changes.
  const { t: tCite } = useT('cite');
  const { t: tSearch } = useT('search');
  const { t: tCommon } = useT('common');
  const { t } = useT('layout');
  const [paneWidths, setPaneWidths] = useState(loadPaneWidths);
  const setPaneWidth = (pane: Pane) => (width: number) => setPaneWidths((w) => ({ ...w, [pane]: width }));
  const [infoTick, setInfoTick] = useState(0);
  const [exchangeOpen, setExchangeOpen] = useState(false);
  const [citingHits, setCitingHits] = useState<number[] | null>(null);
  const info = useResult(() => archive.libraryInfo({}), [infoTick]);
  const [query, setQuery] = useState<ListQuery>(INITIAL_QUERY);
  /** Records chosen in the list (checkboxes, Shift/Ctrl-click, Ctrl+A) for a batch action; cleared when the list's filter changes. */
  const [selection, setSelection] = useState<number[]>([]);
  const listFilter = filterKey(query);
  useEffect(() => setSelection([]), [listFilter]);
  const [searchText, setSearchText] = useState('');
  const [facets, setFacets] = useState<FacetFilters>({});
  const [sort, setSort] = useState<SortOrder>('relevance');
  const index = searchIndex();
  const search = useSearch(index, searchText, facets, sort);
  const saved = useResult(() => archive.listSavedSearches({}), [infoTick]);
  const revision = info.value?.revision ?? 0;

  // The search index follows the catalogue: a full load first, then what changed since.
  useEffect(() => {
    if (info.value) void index.sync();
  }, [index, info.value]);

  const refresh = useCallback(() => setInfoTick((n) => n + 1), []);

  // Writes made elsewhere (the CLI, background text extraction, OCR) are searchable within about
  // a second: libraryRevision is one indexed max() in the catalogue, cheap to ask this often.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      void archive.libraryRevision({}).then((r) => {
        if (r.ok && r.value.revision !== revision) refresh();
      });
    }, 750);
    return () => clearInterval(timer);
  }, [revision, refresh]);
  const [jobsWake, setJobsWake] = useState(0);

  const selectedId = route.view === 'record' || route.view === 'edit' ? route.id : null;
  const searching = searchText.trim() !== '' || hasFacets(facets);
  const setSearch = (text: string) => {
    setSearchText(text);
    if (!text.trim()) setFacets({});
  };

  const startCreate = () => {
    navigate({ view: 'create' });
    focusSoon(fieldId('title'));
  };

  const onSaved = (record: RecordView) => {
    refresh();
    navigate({ view: 'record', id: record.id });
    focusSoon('record-heading');
  };

  if (!info.value) {
    return (
      <div className="app">
        <header className="topbar">
          <h1>{tCommon('appName')}</h1>
        </header>
        <main className="loading-screen">
          <ErrorText error={info.error} prefix={t('openFailed')} />
          {info.loading ? <p className="muted">{t('opening')}</p> : null}
        </main>
      </div>
    );
  }

  const counts = info.value.counts;
  const empty = counts.records === 0;

  return (
    <div className="app">
      <a href="#list-heading" className="skip-link" onClick={(e) => (e.preventDefault(), document.getElementById('list-heading')?.focus())}>
        {t('skipToRecords')}
      </a>
      <header className="topbar">
        <h1>{tCommon('appName')}</h1>
        <SearchBox value={searchText} onChange={setSearch} />
        <ImportAction onQueued={() => setJobsWake((n) => n + 1)} />
        <button type="button" onClick={() => setExchangeOpen(true)}>
          {tCite('exchange.open')}
        </button>
        <button type="button" className="primary" onClick={startCreate}>
          {t('newRecord')}
        </button>
        {selection.length > 0 && !searching ? <BatchAction ids={selection} onApplied={refresh} /> : null}
        <UndoControls library={info.value.path} onChanged={refresh} />
        <LanguageChoice />
        <ThemeChoice />
        <SettingsAction info={info.value} onSaved={refresh} />
        <WorkspaceKeys
          selectedId={selectedId}
          editing={route.view === 'edit' || route.view === 'create'}
          onNewRecord={startCreate}
          onEdit={(id) => {
            navigate({ view: 'edit', id });
            focusSoon(fieldId('title'));
          }}
        />
        <ExchangeDialog open={exchangeOpen} libraryPath={info.value.path} onClose={() => setExchangeOpen(false)} onChanged={refresh} />
      </header>
      <JobsBar onFinished={refresh} wakeKey={`${jobsWake}:${revision}`} />
      <div
        className="workspace"
        style={{ ['--sidebar-width' as string]: `${paneWidths.sidebar}px`, ['--list-width' as string]: `${paneWidths.list}px` }}
      >
        <aside className="sidebar" aria-label={t('sidebar.label')}>
          <TypeFilter
            selected={query.type}
            total={counts.records}
            byType={counts.byType}
            onSelect={(type) => {
              setQuery({ ...query, type });
              setSearch('');
            }}
          />
          <LibrarySidebar
            query={query}
            revision={revision}
            onQuery={(q) => {
              setQuery(q);
              setSearch('');
            }}
          />
          {searching && search.outcome ? <Facets facets={search.outcome.facets} chosen={facets} onChange={setFacets} /> : null}
          {searching && search.outcome && search.outcome.hits.length > 0 ? (
            <button type="button" className="quiet" onClick={() => setCitingHits(search.outcome!.hits.slice(0, 500).map((h) => h.id))}>
              {tSearch('cite', { count: Math.min(search.outcome.hits.length, 500) })}
            </button>
          ) : null}
          <CiteDialog ids={citingHits ?? []} open={citingHits !== null} onClose={() => setCitingHits(null)} />
          <SavedSearches
            saved={saved.value ?? []}
            onOpen={(s) => {
              setSearchText(s.query);
              setFacets(s.filters);
              focusSoon('list-heading');
            }}
            onDelete={(s) => void archive.deleteSavedSearch({ id: s.id }).then(refresh)}
          />
          <AuthoritiesNav counts={counts.authorities} />
          <p className="library-path muted" title={info.value.path}>
            {t('libraryPath', { path: info.value.path })}
          </p>
          <VerifyAction />
        </aside>
        <Splitter
          pane="sidebar"
          label={t('splitters.sidebar')}
          width={paneWidths.sidebar}
          onWidth={setPaneWidth('sidebar')}
          onDone={() => savePaneWidths(paneWidths)}
        />
        <main className="main">
          {empty && !searching && route.view !== 'create' ? (
            <EmptyLibrary
              libraryPath={info.value.path}
              onLoaded={() => {
                refresh();
                focusSoon('list-heading');
              }}
              onCreate={startCreate}
            />
          ) : (
            <>
              <div className="middle-column">
                {searching ? (
                  <Timeline
                    source={{ kind: 'search', years: search.outcome?.facets.year ?? [], chosen: facets.years?.[0] ?? null }}
                    onYear={(year) => setFacets({ ...facets, years: year === null ? [] : [year] })}
                  />
                ) : (
                  <Timeline source={{ kind: 'list', query, revision }} onYear={(year) => setQuery({ ...query, year })} />
                )}
                {searching ? (
                  <SearchResults
                    query={searchText}
                    search={search}
                    selectedId={selectedId}
                    sort={sort}
                    onSort={setSort}
                    onSuggestion={(term) => setSearchText(term)}
                    onSave={async (name) => {
                      const result = await archive.saveSearch({ name, query: searchText, filters: facets });
                      if (!result.ok) return result.error.message;
                      refresh();
                      return null;
                    }}
                  />
                ) : (
                  <LibraryList
                    query={query}
                    onQuery={setQuery}
                    openedId={selectedId}
                    onOpen={(id) => navigate({ view: 'record', id })}
                    selection={selection}
                    onSelectionChange={setSelection}
                    revision={revision}
                  />
                )}
              </div>
              <Splitter
                pane="list"
                label={t('splitters.list')}
                width={paneWidths.list}
                onWidth={setPaneWidth('list')}
                onDone={() => savePaneWidths(paneWidths)}
              />
              <div className="record-column">
                {route.view === 'record' ? (
                  <RecordPanel
                    key={route.id}
                    id={route.id}
                    revision={revision}
                    onEdit={() => {
                      navigate({ view: 'edit', id: route.id });
                      focusSoon(fieldId('title'));
                    }}
                    onDeleted={() => {
                      refresh();
                      navigate({ view: 'none' });
                      focusSoon('list-heading');
                    }}
                    onShowLinked={(authority) => {
                      setSearch('');
                      setQuery({ ...INITIAL_QUERY, sort: query.sort, direction: query.direction, authority });
                      focusSoon('list-heading');
                    }}
                  />
                ) : route.view === 'edit' ? (
                  <RecordEditor
                    key={`edit-${route.id}`}
                    id={route.id}
                    onSaved={onSaved}
                    onCancel={() => {
                      navigate({ view: 'record', id: route.id });
                      focusSoon('record-heading');
                    }}
                  />
                ) : route.view === 'create' ? (
                  <RecordEditor
                    key="create"
                    id={null}
                    initialType={query.type ?? undefined}
                    onSaved={onSaved}
                    onCancel={() => {
                      navigate({ view: 'none' });
                      focusSoon('list-heading');
                    }}
                  />
                ) : route.view === 'authority' ? (
                  <AuthorityPage
                    key={`authority-${route.id}`}
                    id={route.id}
                    revision={revision}
                    onChanged={refresh}
                    onShowLinked={(authority) => {
                      setSearch('');
                      setQuery({ ...INITIAL_QUERY, sort: query.sort, direction: query.direction, authority });
                      focusSoon('list-heading');
                    }}
                  />
                ) : route.view === 'authorities' ? (
                  <AuthorityIndex key={`authorities-${route.kind}`} kind={route.kind} revision={revision} />
                ) : (
                  <p className="muted placeholder">{t('choose')}</p>
                )}
              </div>
            </>
          )}
        </main>
      </div>
    </div>
  );
}
