/**
 * The header, on one row from 1280 px: the app's name, the search box, the actions on the library
 * and on what is selected. The language and the theme are chosen in Settings; messages appear
 * below the header rather than in its row, so it never reflows.
 */
import type { OutputOf } from '../../../shared/contract';
import { ImportAction } from '../documents/ImportAction';
import { ExchangeAction } from '../exchange/ExchangeAction';
import { useT } from '../i18n/i18n';
import { WorkspaceKeys } from '../keyboard/WorkspaceKeys';
import { SearchBox } from '../search/SearchBox';
import type { WorkspaceSearch } from '../search/useWorkspaceSearch';
import { SettingsAction } from '../settings/SettingsAction';
import { UndoControls } from '../undo/UndoControls';
import { startCreate, startEdit } from './moves';
import type { Route } from './route';
import { SelectionMenu } from './SelectionMenu';

interface Props {
  info: OutputOf<'libraryInfo'>;
  route: Route;
  search: WorkspaceSearch;
  /** Records ticked in the list: what the selection's actions take, else the search's results. */
  selection: number[];
  /** Files were queued for import: the jobs bar looks at once. */
  onQueued: () => void;
  /** Something was written: the workspace looks again. */
  onChanged: () => void;
}

export function Topbar({ info, route, search, selection, onQueued, onChanged }: Props) {
  const { t } = useT('layout');
  const { t: tc } = useT('common');
  // While searching the list is not shown, so its ticks are not what the archivist is looking at.
  const ticked = !search.searching;
  const acted = ticked ? selection : (search.state.outcome?.hits.map((h) => h.id) ?? []);
  return (
    <header className="topbar">
      <h1>{tc('appName')}</h1>
      <SearchBox value={search.text} onChange={search.change} />
      <ImportAction onQueued={onQueued} />
      <ExchangeAction libraryPath={info.path} selection={acted} onChanged={onChanged} />
      <button type="button" className="primary" onClick={startCreate}>
        {t('newRecord')}
      </button>
      <SelectionMenu ids={acted} source={ticked ? 'ticked' : 'results'} onChanged={onChanged} />
      <UndoControls library={info.id} onChanged={onChanged} />
      <SettingsAction info={info} onSaved={onChanged} />
      <WorkspaceKeys
        selectedId={route.view === 'record' || route.view === 'edit' ? route.id : null}
        editing={route.view === 'edit' || route.view === 'create'}
        onNewRecord={startCreate}
        onEdit={startEdit}
      />
    </header>
  );
}
