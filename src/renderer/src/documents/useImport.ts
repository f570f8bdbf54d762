/**
 * The state of "Import…": what is chosen (files, or a folder path previewed by the service), the
 * record type they become, and the upload's progress and errors. It outlives each opening of the
 * dialog, so a typed folder path and the chosen type are still there when it opens again.
 */
import { useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import type { RecordType } from '../../../shared/model';
import { archive } from '../archive';
import { useT } from '../i18n/i18n';
import { announceJobs, uploadFiles } from './files';

export type ImportPreview = OutputOf<'previewImport'>;

/** One file about to be imported, as the list shows it. */
export interface ImportItem {
  name: string;
  size: number;
}

export function useImport(onQueued: () => void) {
  const { t } = useT('documents');
  const [isOpen, setIsOpen] = useState(false);
  const [chosen, setChosen] = useState<File[]>([]);
  const [folderPath, setFolderPath] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [type, setType] = useState<RecordType>('other');
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const open = (files: File[] = []) => {
    setChosen(files);
    setPreview(null);
    setErrors([]);
    setStatus(null);
    setIsOpen(true);
  };

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

  const items: ImportItem[] = preview
    ? preview.files.map((f) => ({ name: f.path, size: f.size }))
    : chosen.map((f) => ({
        name: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name,
        size: f.size,
      }));

  return {
    isOpen,
    open,
    close: () => setIsOpen(false),
    folderPath,
    setFolderPath,
    preview,
    previewPath,
    type,
    setType,
    status,
    errors,
    setErrors,
    items,
    start,
  };
}
