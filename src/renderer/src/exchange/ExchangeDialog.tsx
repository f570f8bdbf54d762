/**
 * "Citations & exchange": the library's settings for citations (holding archive and its place,
 * the default style), installing a CSL style, importing records, exporting all of them, and a backup.
 */
import { useEffect, useState } from 'react';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { Modal } from '../common/Modal';
import { PathField } from '../common/PathField';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import { saveText } from '../common/download';
import { citationDraft, CitationFields, type CitationDraft } from '../settings/CitationFields';
import { ImportSection } from './ImportSection';
import '../cite/cite.css';

interface Props {
  open: boolean;
  libraryPath: string;
  onClose: () => void;
  onChanged: () => void;
}

export function ExchangeDialog({ open, libraryPath, onClose, onChanged }: Props) {
  const { t } = useT('cite');
  const { t: tc } = useT('common');
  const [tick, setTick] = useState(0);
  const settings = useResult(() => (open ? archive.getSettings({}) : null), [open, tick]);
  const [draft, setDraft] = useState<CitationDraft>({ archiveName: '', archivePlace: '', defaultStyle: 'apa' });
  // The rows appear once the saved settings are in them: text typed earlier would be overwritten.
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const stamp = new Date().toISOString().slice(0, 10);
  const [backupPath, setBackupPath] = useState('');
  const [bagPath, setBagPath] = useState('');

  useEffect(() => {
    if (!settings.value) return;
    setDraft(citationDraft(settings.value));
    setLoaded(true);
  }, [settings.value]);
  useEffect(() => {
    setBackupPath(`${libraryPath}/backups/library-${stamp}.tar.gz`);
    setBagPath(`${libraryPath}/backups/bag-${stamp}`);
  }, [libraryPath, stamp]);

  const done = (message: string) => {
    setError(null);
    setStatus(message);
  };

  const saveSettings = async () => {
    const result = await archive.updateSettings(draft);
    if (!result.ok) return setError(result.error);
    done(t('exchange.settingsSaved'));
    setTick((n) => n + 1);
  };

  const installStyle = async (file: File | undefined) => {
    if (!file) return;
    const result = await archive.installStyle({ xml: await file.text() });
    if (!result.ok) return setError(result.error);
    done(t('exchange.installed', { title: result.value.title }));
    setTick((n) => n + 1);
  };

  const exportAll = async (format: 'csv' | 'json') => {
    const ids: number[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await archive.listRecords({ limit: 1000, offset, sort: 'createdAt', direction: 'asc' });
      if (!page.ok) return setError(page.error);
      ids.push(...page.value.items.map((r) => r.id));
      if (page.value.items.length < 1000) break;
    }
    if (ids.length === 0) return setError({ code: 'invalid_input', message: t('exchange.noRecords') });
    const result = await archive.exportRecords({ ids, format });
    if (!result.ok) return setError(result.error);
    saveText(`records.${format}`, result.value.content, format === 'csv' ? 'text/csv' : 'application/json');
    done(t('exchange.exported', { count: result.value.count, format: format.toUpperCase() }));
  };

  const exportBag = async () => {
    const result = await archive.exportBag({ dir: bagPath });
    if (!result.ok) return setError(result.error);
    done(t('exchange.bagWritten', { records: result.value.records, files: result.value.files, dir: result.value.dir }));
  };

  const importBag = async (dryRun: boolean) => {
    const result = await archive.importBag({ dir: bagPath, dryRun });
    if (!result.ok) return setError(result.error);
    const r = result.value;
    const counts = {
      imported: r.imported,
      skipped: r.skipped,
      failed: r.failed,
      authorities: r.createdAuthorities.length,
    };
    done(dryRun ? t('exchange.bagChecked', counts) : t('exchange.bagImported', counts));
    if (!dryRun) onChanged();
  };

  const backup = async () => {
    const result = await archive.backupLibrary({ out: backupPath });
    if (!result.ok) return setError(result.error);
    done(t('exchange.backedUp', { records: result.value.records, files: result.value.files, file: result.value.file }));
  };

  return (
    <Modal open={open} labelledBy="exchange-title" className="exchange-dialog" onClose={onClose}>
      <h2 id="exchange-title">{t('exchange.title')}</h2>
      <ErrorText error={settings.error ?? error} prefix={t('failed')} />
      <p className="cite-status" role="status">
        {status}
      </p>
      <section aria-labelledby="settings-heading">
        <h3 id="settings-heading">{t('exchange.citations')}</h3>
        {loaded ? <CitationFields draft={draft} onChange={(c) => setDraft({ ...draft, ...c })} /> : null}
        <div className="form-row">
          <label htmlFor="settings-install">{t('exchange.installStyle')}</label>
          <input
            id="settings-install"
            type="file"
            accept=".csl,.xml"
            onChange={(e) => void installStyle(e.target.files?.[0])}
          />
        </div>
        <button type="button" className="primary" onClick={() => void saveSettings()}>
          {t('exchange.saveSettings')}
        </button>
      </section>
      <ImportSection
        onImported={() => {
          done(t('exchange.imported'));
          onChanged();
        }}
      />
      <section aria-labelledby="export-heading">
        <h3 id="export-heading">{t('exchange.exportHeading')}</h3>
        <div className="actions">
          <button type="button" onClick={() => void exportAll('csv')}>
            {t('exchange.exportCsv')}
          </button>
          <button type="button" onClick={() => void exportAll('json')}>
            {t('exchange.exportJson')}
          </button>
        </div>
        <div className="form-row">
          <label htmlFor="backup-path">{t('exchange.backupTo')}</label>
          <PathField
            id="backup-path"
            kind="save"
            defaultName={`library-${stamp}.tar.gz`}
            value={backupPath}
            onChange={setBackupPath}
            onError={(message) => setError({ code: 'invalid_input', message })}
          />
        </div>
        <button type="button" onClick={() => void backup()}>
          {t('exchange.backupNow')}
        </button>
        <div className="form-row">
          <label htmlFor="bag-path">{t('exchange.bagFolder')}</label>
          <PathField
            id="bag-path"
            kind="folder"
            value={bagPath}
            onChange={setBagPath}
            onError={(message) => setError({ code: 'invalid_input', message })}
          />
        </div>
        <div className="actions">
          <button type="button" onClick={() => void exportBag()}>
            {t('exchange.writeBag')}
          </button>
          <button type="button" onClick={() => void importBag(true)}>
            {t('exchange.checkBag')}
          </button>
          <button type="button" onClick={() => void importBag(false)}>
            {t('exchange.importBag')}
          </button>
        </div>
      </section>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {tc('close')}
        </button>
      </div>
    </Modal>
  );
}
