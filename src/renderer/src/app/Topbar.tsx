/** The header: the app's name, the search box, and the actions on the whole library. */
import type { OutputOf } from '../../../shared/contract';
import { BatchAction } from '../batch/BatchAction';
import { ImportAction } from '../documents/ImportAction';
import { ExchangeAction } from '../exchange/ExchangeAction';
import { useT } from '../i18n/i18n';
import { WorkspaceKeys } from '../keyboard/WorkspaceKeys';
import { SearchBox } from '../search/SearchBox';
import type { WorkspaceSearch } from '../search/useWorkspaceSearch';
import { SettingsAction } from '../settings/SettingsAction';
import { UndoControls } from '../undo/UndoControls';
import { LanguageChoice } from './LanguageChoice';
import { startCreate, startEdit } from './moves';
import type { Route } from './route';
import { ThemeChoice } from './ThemeChoice';

interface Props {
  info: OutputOf<'libraryInfo'>;
  route: Route;
  search: WorkspaceSearch;
  /** Records chosen in the list, for a batch edit. */
  selection: number[];
  /** Files were queued for import: the jobs bar looks at once. */
  onQueued: () => void;
  /** Something was written: the workspace looks again. */
  onChanged: () => void;
}

export function Topbar({ info, route, search, selection, onQueued, onChanged }: Props) {
  const { t } = useT('layout');
  const { t: tc } = useT('common');
  return (
    <header className="topbar">
      <h1>{tc('appName')}</h1>
      <SearchBox value={search.text} onChange={search.change} />
      <ImportAction onQueued={onQueued} />
      <ExchangeAction libraryPath={info.path} onChanged={onChanged} />
      <button type="button" className="primary" onClick={startCreate}>
        {t('newRecord')}
      </button>
      {selection.length > 0 && !search.searching ? <BatchAction ids={selection} onApplied={onChanged} /> : null}
      <UndoControls library={info.path} onChanged={onChanged} />
      <LanguageChoice />
      <ThemeChoice />
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
