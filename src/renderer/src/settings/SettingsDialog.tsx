/**
 * Settings: the library in use (and how to open another), the holding archive printed in
 * citations, the default citation style, the file size limit, OCR languages, the interface
 * language and the theme. Library settings are saved together with one button; language and
 * theme apply as soon as they are chosen, as they do in the header.
 */
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import type { ArchiveError } from '../../../shared/result';
import { LanguageChoice } from '../app/LanguageChoice';
import { ThemeChoice } from '../app/ThemeChoice';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { Modal } from '../common/Modal';
import { useResult } from '../common/useResult';
import { formatBytes, inDesktopApp } from '../documents/files';
import { StylePicker } from '../cite/StylePicker';
import { useT } from '../i18n/i18n';
import { bytesToMegabytes, megabytesToBytes } from './maxFileSize';

type Info = OutputOf<'libraryInfo'>;

interface Props {
  open: boolean;
  info: Info;
  onClose: () => void;
  onSaved: () => void;
}

export function SettingsDialog({ open, info, onClose, onSaved }: Props) {
  const { t } = useT('settings');
  const { t: tc } = useT('common');
  return (
    <Modal open={open} labelledBy="settings-title" className="settings-dialog" onClose={onClose}>
      <h2 id="settings-title">{t('title')}</h2>
      <SettingsForm onSaved={onSaved} />
      <LibrarySection info={info} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          {tc('close')}
        </button>
      </div>
    </Modal>
  );
}

function SettingsForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useT('settings');
  const [tick, setTick] = useState(0);
  const library = useResult(() => archive.getSettings({}), [tick]);
  const documents = useResult(() => archive.documentSettings({}), [tick]);
  const [draft, setDraft] = useState({ archiveName: '', archivePlace: '', defaultStyle: '', maxFile: '', backupsKept: '' });
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ArchiveError | string | null>(null);

  useEffect(() => {
    if (!library.value || !documents.value) return;
    setDraft({
      archiveName: library.value.archiveName ?? '',
      archivePlace: library.value.archivePlace ?? '',
      defaultStyle: library.value.defaultStyle,
      backupsKept: String(library.value.backupsKept),
      maxFile: documents.value.source === 'library' ? bytesToMegabytes(documents.value.maxFileBytes) : '',
    });
  }, [library.value, documents.value]);

  const fromEnvironment = documents.value?.source === 'environment';

  const save = async () => {
    setStatus('');
    const maxFileBytes = megabytesToBytes(draft.maxFile);
    if (maxFileBytes === undefined) return setError(t('documents.notNumber', { value: draft.maxFile }));
    const backupsKept = /^\s*\d{1,3}\s*$/.test(draft.backupsKept) ? Number(draft.backupsKept) : NaN;
    if (!(backupsKept <= 365)) return setError(t('backups.notCount', { value: draft.backupsKept }));
    const saved = await archive.updateSettings({
      archiveName: draft.archiveName,
      archivePlace: draft.archivePlace,
      defaultStyle: draft.defaultStyle,
      backupsKept,
    });
    if (!saved.ok) return setError(saved.error);
    if (!fromEnvironment) {
      const docs = await archive.updateDocumentSettings({ maxFileBytes });
      if (!docs.ok) return setError(docs.error);
    }
    setError(null);
    setStatus(t('saved'));
    setTick((n) => n + 1);
    onSaved();
  };

  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ErrorText error={library.error ?? documents.error} prefix={t('loadFailed')} />
      <section aria-labelledby="settings-citations-heading">
        <h3 id="settings-citations-heading">{t('citations.heading')}</h3>
        <div className="form-row">
          <label htmlFor="settings-archive-name">{t('citations.archiveName')}</label>
          <span>
            <input
              id="settings-archive-name"
              value={draft.archiveName}
              aria-describedby="settings-archive-name-help"
              onChange={(e) => setDraft({ ...draft, archiveName: e.target.value })}
            />
            <small id="settings-archive-name-help" className="muted">
              {t('citations.archiveNameHelp')}
            </small>
          </span>
          <label htmlFor="settings-archive-place">{t('citations.archivePlace')}</label>
          <input id="settings-archive-place" value={draft.archivePlace} onChange={(e) => setDraft({ ...draft, archivePlace: e.target.value })} />
          <label htmlFor="settings-default-style">{t('citations.defaultStyle')}</label>
          <StylePicker id="settings-default-style" value={draft.defaultStyle} onChange={(style) => setDraft((d) => ({ ...d, defaultStyle: style }))} />
        </div>
      </section>
      <section aria-labelledby="settings-documents-heading">
        <h3 id="settings-documents-heading">{t('documents.heading')}</h3>
        <div className="form-row">
          <label htmlFor="settings-max-file">{t('documents.maxFile')}</label>
          <span>
            <input
              id="settings-max-file"
              inputMode="decimal"
              value={draft.maxFile}
              disabled={fromEnvironment}
              aria-describedby="settings-max-file-help"
              placeholder={documents.value && !fromEnvironment && documents.value.source === 'default' ? bytesToMegabytes(documents.value.maxFileBytes) : undefined}
              onChange={(e) => setDraft({ ...draft, maxFile: e.target.value })}
            />
            <small id="settings-max-file-help" className="muted">
              {fromEnvironment && documents.value
                ? t('documents.maxFileEnvironment', { size: formatBytes(documents.value.maxFileBytes) })
                : t('documents.maxFileHelp', { size: formatBytes(2 * 1024 ** 3) })}
            </small>
          </span>
          <span className="form-row-label">{t('documents.ocr')}</span>
          <p className="muted">{t('documents.ocrHelp')}</p>
        </div>
      </section>
      <section aria-labelledby="settings-backups-heading">
        <h3 id="settings-backups-heading">{t('backups.heading')}</h3>
        <div className="form-row">
          <label htmlFor="settings-backups-kept">{t('backups.kept')}</label>
          <span>
            <input
              id="settings-backups-kept"
              inputMode="numeric"
              value={draft.backupsKept}
              aria-describedby="settings-backups-kept-help"
              onChange={(e) => setDraft({ ...draft, backupsKept: e.target.value })}
            />
            <small id="settings-backups-kept-help" className="muted">
              {t('backups.keptHelp')}
            </small>
          </span>
        </div>
      </section>
      <section aria-labelledby="settings-interface-heading">
        <h3 id="settings-interface-heading">{t('interface.heading')}</h3>
        <p className="muted">{t('interface.help')}</p>
        <div className="settings-choices">
          <LanguageChoice />
          <ThemeChoice />
        </div>
      </section>
      <ErrorText error={error} prefix={t('failed')} />
      <p className="settings-status" role="status">
        {status}
      </p>
      <button type="submit" className="primary">
        {t('save')}
      </button>
    </form>
  );
}

/** The library in use, and (in the browser host) opening or creating another; it applies at once, apart from Save. */
function LibrarySection({ info }: { info: Info }) {
  const { t } = useT('settings');
  return (
    <section className="settings-library" aria-labelledby="settings-library-heading">
      <h3 id="settings-library-heading">{t('library.heading')}</h3>
      <dl className="settings-facts">
        <dt>{t('library.current')}</dt>
        <dd>
          <code data-testid="library-path">{info.path}</code> <span className="muted">({t('library.records', { count: info.counts.records })})</span>
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
      <label htmlFor="settings-library-folder">{t('library.folder')}</label>
      <input
        id="settings-library-folder"
        type="text"
        value={folder}
        placeholder={current}
        spellCheck={false}
        aria-describedby="settings-library-folder-help"
        onChange={(e) => setFolder(e.target.value)}
        onKeyDown={(e) => {
          // Enter opens the folder typed here; it does not save the settings form around it.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (folder.trim() && !busy) void open(false);
        }}
      />
      <small id="settings-library-folder-help" className="muted">
        {t('library.folderHelp')}
      </small>
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
