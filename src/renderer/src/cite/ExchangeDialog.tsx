/**
 * "Citations & exchange": the library's settings for citations (holding archive and its place,
 * the default style), installing a CSL style, importing records, exporting all of them, and a backup.
 */
import { useEffect, useRef, useState } from 'react';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { useResult } from '../common/useResult';
import { saveText } from './download';
import { ImportSection } from './ImportSection';
import './cite.css';

interface Props {
  open: boolean;
  libraryPath: string;
  onClose: () => void;
  onChanged: () => void;
}

export function ExchangeDialog({ open, libraryPath, onClose, onChanged }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [tick, setTick] = useState(0);
  const settings = useResult(() => (open ? archive.getSettings({}) : null), [open, tick]);
  const styles = useResult(() => (open ? archive.listStyles({}) : null), [open, tick]);
  const [draft, setDraft] = useState({ archiveName: '', archivePlace: '', defaultStyle: 'apa' });
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const stamp = new Date().toISOString().slice(0, 10);
  const [backupPath, setBackupPath] = useState('');
  const [bagPath, setBagPath] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  useEffect(() => {
    if (settings.value) {
      setDraft({ archiveName: settings.value.archiveName ?? '', archivePlace: settings.value.archivePlace ?? '', defaultStyle: settings.value.defaultStyle });
    }
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
    done('Settings saved.');
    setTick((n) => n + 1);
  };

  const installStyle = async (file: File | undefined) => {
    if (!file) return;
    const result = await archive.installStyle({ xml: await file.text() });
    if (!result.ok) return setError(result.error);
    done(`Installed the style “${result.value.title}”.`);
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
    if (ids.length === 0) return setError({ code: 'invalid_input', message: 'the library has no records' });
    const result = await archive.exportRecords({ ids, format });
    if (!result.ok) return setError(result.error);
    saveText(`records.${format}`, result.value.content, format === 'csv' ? 'text/csv' : 'application/json');
    done(`Exported ${result.value.count} records as ${format.toUpperCase()}.`);
  };

  const exportBag = async () => {
    const result = await archive.exportBag({ dir: bagPath });
    if (!result.ok) return setError(result.error);
    done(`Wrote a BagIt package of ${result.value.records} records and ${result.value.files} files to ${result.value.dir}.`);
  };

  const importBag = async (dryRun: boolean) => {
    const result = await archive.importBag({ dir: bagPath, dryRun });
    if (!result.ok) return setError(result.error);
    const r = result.value;
    done(
      `${dryRun ? 'The bag checks out. It would import' : 'Imported'} ${r.imported} records (${r.skipped} already here, ${r.failed} with errors; ${r.createdAuthorities.length} new authority records).`,
    );
    if (!dryRun) onChanged();
  };

  const backup = async () => {
    const result = await archive.backupLibrary({ out: backupPath });
    if (!result.ok) return setError(result.error);
    done(`Backed up ${result.value.records} records and ${result.value.files} files to ${result.value.file}.`);
  };

  return (
    <dialog
      ref={ref}
      className="exchange-dialog"
      aria-labelledby="exchange-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="exchange-title">Citations &amp; exchange</h2>
      <ErrorText error={settings.error ?? styles.error ?? error} prefix="That did not work" />
      <p className="cite-status" role="status">
        {status}
      </p>
      <section aria-labelledby="settings-heading">
        <h3 id="settings-heading">Citations</h3>
        <div className="form-row">
          <label htmlFor="settings-archive">Holding archive</label>
          <input id="settings-archive" value={draft.archiveName} onChange={(e) => setDraft({ ...draft, archiveName: e.target.value })} />
          <label htmlFor="settings-place">Its place</label>
          <input id="settings-place" value={draft.archivePlace} onChange={(e) => setDraft({ ...draft, archivePlace: e.target.value })} />
          <label htmlFor="settings-style">Default citation style</label>
          <select id="settings-style" value={draft.defaultStyle} onChange={(e) => setDraft({ ...draft, defaultStyle: e.target.value })}>
            {(styles.value ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          <label htmlFor="settings-install">Install a CSL style</label>
          <input id="settings-install" type="file" accept=".csl,.xml" onChange={(e) => void installStyle(e.target.files?.[0])} />
        </div>
        <button type="button" className="primary" onClick={() => void saveSettings()}>
          Save settings
        </button>
      </section>
      <ImportSection
        onImported={() => {
          done('Imported.');
          onChanged();
        }}
      />
      <section aria-labelledby="export-heading">
        <h3 id="export-heading">Export and back up</h3>
        <div className="actions">
          <button type="button" onClick={() => void exportAll('csv')}>
            Export all as CSV
          </button>
          <button type="button" onClick={() => void exportAll('json')}>
            Export all as JSON
          </button>
        </div>
        <div className="form-row">
          <label htmlFor="backup-path">Back up to</label>
          <input id="backup-path" value={backupPath} onChange={(e) => setBackupPath(e.target.value)} />
        </div>
        <button type="button" onClick={() => void backup()}>
          Back up now
        </button>
        <div className="form-row">
          <label htmlFor="bag-path">BagIt package folder</label>
          <input id="bag-path" value={bagPath} onChange={(e) => setBagPath(e.target.value)} />
        </div>
        <div className="actions">
          <button type="button" onClick={() => void exportBag()}>
            Write a bag of all records
          </button>
          <button type="button" onClick={() => void importBag(true)}>
            Check a bag
          </button>
          <button type="button" onClick={() => void importBag(false)}>
            Import a bag
          </button>
        </div>
      </section>
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
