import { ErrorList } from '../common/ErrorList';
import { PathField } from '../common/PathField';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { RECORD_TYPES, type RecordType } from '../../../shared/model';
import { archive } from '../archive';
import { RECORD_TYPE_LABELS } from '../common/labels';
import { Modal } from '../common/Modal';
import { useT } from '../i18n/i18n';
import { announceJobs, formatBytes, uploadFiles } from './files';

type Preview = OutputOf<'previewImport'>;

/** Files inside dropped folders (recursively), through the entries API. */
async function filesOf(items: DataTransferItemList): Promise<File[]> {
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    } else if (entry.isDirectory && !entry.name.startsWith('.')) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  const entries = [...items].map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  for (const e of entries) await walk(e);
  return out;
}

/**
 * "Import…": files, a folder (recursive) or a folder path on this computer; what will be created
 * is shown before anything is imported. Dropping files or folders onto the window opens it too.
 */
export function ImportAction({ onQueued }: { onQueued: () => void }) {
  const { t } = useT('documents');
  const { t: tc } = useT('common');
  const [isOpen, setIsOpen] = useState(false);
  const [chosen, setChosen] = useState<File[]>([]);
  const [folderPath, setFolderPath] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [type, setType] = useState<RecordType>('other');
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);

  const open = (files: File[] = []) => {
    setChosen(files);
    setPreview(null);
    setErrors([]);
    setStatus(null);
    setIsOpen(true);
  };

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      depth = 0;
      setDragging(false);
      // A drop on a record's file list attaches there; elsewhere it imports new records.
      if ((e.target as Element | null)?.closest?.('.documents')) return;
      e.preventDefault();
      void filesOf(e.dataTransfer.items).then((files) => open(files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const previewPath = async () => {
    setErrors([]);
    setChosen([]);
    const r = await archive.previewImport({ paths: [folderPath.trim()] });
    if (r.ok) setPreview(r.value);
    else setErrors([r.error.message]);
  };

  const start = async () => {
    setErrors([]);
    if (preview) {
      const r = await archive.importFiles({ paths: [folderPath.trim()], recordType: type });
      if (!r.ok) return setErrors([r.error.message]);
      announceJobs();
    } else {
      const out = await uploadFiles(chosen, {
        recordType: type,
        onProgress: (i, n) => setStatus(i < n ? t('uploading', { current: i + 1, total: n }) : null),
      });
      setErrors(out.errors.map((e) => `${e.name}: ${e.message}`));
      if (out.errors.length) return onQueued();
    }
    onQueued();
    setIsOpen(false);
  };

  const items = preview
    ? preview.files.map((f) => ({ name: f.path, size: f.size }))
    : chosen.map((f) => ({
        name: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name,
        size: f.size,
      }));
  const total = items.reduce((n, f) => n + f.size, 0);

  return (
    <>
      <button type="button" onClick={() => open()}>
        {t('import.open')}
      </button>
      {dragging ? <div className="drop-hint">{t('import.dropHint')}</div> : null}
      <Modal open={isOpen} labelledBy="import-heading" className="import-dialog" onClose={() => setIsOpen(false)}>
        <h2 id="import-heading">{t('import.title')}</h2>
        <p className="muted">{t('import.intro')}</p>
        <div className="actions">
          <label className="button-like">
            {t('import.chooseFiles')}
            <input
              type="file"
              multiple
              className="visually-hidden"
              data-testid="import-files"
              onChange={(e) => open([...(e.target.files ?? [])])}
            />
          </label>
          <label className="button-like">
            {t('import.chooseFolder')}
            <input
              type="file"
              multiple
              className="visually-hidden"
              ref={(el) => el?.setAttribute('webkitdirectory', '')}
              data-testid="import-folder"
              onChange={(e) => open([...(e.target.files ?? [])])}
            />
          </label>
        </div>
        <form
          className="path-import"
          onSubmit={(e) => {
            e.preventDefault();
            void previewPath();
          }}
        >
          <label htmlFor="import-folder-path">{t('import.folderPath')}</label>{' '}
          <PathField
            id="import-folder-path"
            kind="folder"
            value={folderPath}
            onChange={setFolderPath}
            placeholder="/home/me/Scans"
            onError={(m) => setErrors([m])}
          />{' '}
          <button type="submit" disabled={!folderPath.trim()}>
            {t('import.preview')}
          </button>
        </form>
        {items.length > 0 ? (
          <>
            <p>
              <strong>{t('import.fileCount', { count: items.length, size: formatBytes(total) })}</strong>{' '}
              {t('import.willBecome', { count: items.length })}{' '}
              <select
                value={type}
                onChange={(e) => setType(e.target.value as RecordType)}
                aria-label={t('import.recordType')}
              >
                {RECORD_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {RECORD_TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            </p>
            <ul className="import-list" aria-label={t('import.filesToImport')} tabIndex={0}>
              {items.map((f, i) => (
                <li key={`${i}:${f.name}`}>
                  {f.name} <span className="muted">({formatBytes(f.size)})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {preview?.skipped.length ? (
          <details>
            <summary>{t('import.skipped', { count: preview.skipped.length })}</summary>
            <ul
              className="import-list"
              aria-label={t('import.skipped', { count: preview.skipped.length })}
              tabIndex={0}
            >
              {preview.skipped.map((s, i) => (
                <li key={`${i}:${s.path}`}>
                  {s.path}: {s.reason}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {status ? <p className="muted">{status}</p> : null}
        <ErrorList errors={errors} />
        <div className="actions">
          <button type="button" className="primary" disabled={items.length === 0} onClick={() => void start()}>
            {items.length ? t('import.start', { count: items.length }) : t('import.startNone')}
          </button>
          <button type="button" onClick={() => setIsOpen(false)}>
            {tc('close')}
          </button>
        </div>
      </Modal>
    </>
  );
}
