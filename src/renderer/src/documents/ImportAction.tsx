/**
 * "Import…": files, a folder (recursive) or a folder path on this computer; what will be created
 * is shown before anything is imported. Dropping files or folders onto the window opens it too.
 */
import { ErrorList } from '../common/ErrorList';
import { Modal } from '../common/Modal';
import { useT } from '../i18n/i18n';
import { ImportChoices } from './ImportChoices';
import { ImportList } from './ImportList';
import { ImportSources } from './ImportSources';
import { useFileDrop } from './useFileDrop';
import { useImport } from './useImport';

export function ImportAction({ onQueued }: { onQueued: () => void }) {
  const { t } = useT('documents');
  const { t: tc } = useT('common');
  const state = useImport(onQueued);
  const { dragging } = useFileDrop(state.open);
  const { items } = state;

  return (
    <>
      <button type="button" onClick={() => state.open()}>
        {t('import.open')}
      </button>
      {dragging ? <div className="drop-hint">{t('import.dropHint')}</div> : null}
      <Modal open={state.isOpen} labelledBy="import-heading" className="import-dialog" onClose={state.close}>
        <h2 id="import-heading">{t('import.title')}</h2>
        <p className="muted">{t('import.intro')}</p>
        <ImportSources
          onFiles={state.open}
          folderPath={state.folderPath}
          onFolderPath={state.setFolderPath}
          onPreview={() => void state.previewPath()}
          onError={(m) => state.setErrors([m])}
        />
        <ImportList items={items} skipped={state.preview?.skipped ?? []} />
        <ImportChoices choices={state.choices} onChange={state.changeChoices} />
        {state.status ? <p className="muted">{state.status}</p> : null}
        <ErrorList errors={state.errors} />
        <div className="actions">
          <button type="button" className="primary" disabled={items.length === 0} onClick={() => void state.start()}>
            {items.length ? t('import.start', { count: items.length }) : t('import.startNone')}
          </button>
          <button type="button" onClick={state.close}>
            {tc('close')}
          </button>
        </div>
      </Modal>
    </>
  );
}
