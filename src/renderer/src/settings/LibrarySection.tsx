/** The library in use, and (in the browser host) opening or creating another; it applies at once, apart from Save. */
import { useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { FormField } from '../common/FormField';
import { inDesktopApp } from '../documents/files';
import { useT } from '../i18n/i18n';

export function LibrarySection({ info }: { info: OutputOf<'libraryInfo'> }) {
  const { t } = useT('settings');
  return (
    <section className="settings-library" aria-labelledby="settings-library-heading">
      <h3 id="settings-library-heading">{t('library.heading')}</h3>
      <dl className="settings-facts">
        <dt>{t('library.current')}</dt>
        <dd>
          <code data-testid="library-path">{info.path}</code>{' '}
          <span className="muted">({t('library.records', { count: info.counts.records })})</span>
        </dd>
        <dt>{t('library.other')}</dt>
        <dd>{inDesktopApp ? <p>{t('library.otherDesktop')}</p> : <OpenLibrary current={info.path} />}</dd>
      </dl>
    </section>
  );
}

/**
 * Another library, in the browser host: the host closes the one in use and opens the folder given;
 * the page then starts afresh on it (list, search index, settings all belong to the library).
 */
function OpenLibrary({ current }: { current: string }) {
  const { t } = useT('settings');
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ArchiveError | null>(null);
  const open = async (create: boolean) => {
    setBusy(true);
    setError(null);
    const result = await archive.openLibrary({ path: folder.trim(), create });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    window.location.hash = '#/';
    window.location.reload();
  };
  return (
    <div className="open-library">
      <FormField id="settings-library-folder" label={t('library.folder')} hint={t('library.folderHelp')}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={folder}
            placeholder={current}
            spellCheck={false}
            onChange={(e) => setFolder(e.target.value)}
            onKeyDown={(e) => {
              // Enter opens the folder typed here; it does not save the settings form around it.
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (folder.trim() && !busy) void open(false);
            }}
          />
        )}
      </FormField>
      <div className="actions">
        <button type="button" disabled={busy || !folder.trim()} onClick={() => void open(false)}>
          {busy ? t('library.opening') : t('library.openOther')}
        </button>
        <button type="button" disabled={busy || !folder.trim()} onClick={() => void open(true)}>
          {t('library.create')}
        </button>
      </div>
      <ErrorText error={error} prefix={t('library.openFailed')} />
      <p className="muted">
        {t('library.atStart')} <code>--library DIR</code> {t('library.otherEnv')} <code>CIVIC_ARCHIVE_LIBRARY</code>.
      </p>
    </div>
  );
}
