/**
 * The state of "Import…": what is chosen (files, or a folder path previewed by the service), what
 * the records they become get (type, tags, collection, OCR languages), and the upload's progress
 * and errors. It outlives each opening of the dialog, so a typed folder path and the choices are
 * still there when it opens again.
 */
import { useState } from 'react';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { archive } from '../archive';
import { useT } from '../i18n/i18n';
import { announceJobs, uploadFiles } from './files';
import { INITIAL_CHOICES, tagsOf, type ImportChoiceState } from './ImportChoices';

export type ImportPreview = OutputOf<'previewImport'>;

/** One file about to be imported, as the list shows it. */
export interface ImportItem {
  name: string;
  size: number;
}

/** The choices as the import channels take them: what is left to the service is left out. */
export function importChoices(
  c: ImportChoiceState,
): Pick<InputOf<'importFiles'>, 'recordType' | 'tags' | 'collectionId' | 'ocr'> {
  return {
    ...(c.type === 'guess' ? {} : { recordType: c.type }),
    tags: tagsOf(c.tags),
    ...(c.collectionId === null ? {} : { collectionId: c.collectionId }),
    ...(c.ocr === 'default' ? {} : { ocr: c.ocr }),
  };
}

export function useImport(onQueued: () => void) {
  const { t } = useT('documents');
  const [isOpen, setIsOpen] = useState(false);
  const [chosen, setChosen] = useState<File[]>([]);
  const [folderPath, setFolderPath] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<ImportChoiceState>(INITIAL_CHOICES);
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
      const r = await archive.importFiles({ paths: [folderPath.trim()], ...importChoices(choices) });
      if (!r.ok) return setErrors([r.error.message]);
      announceJobs();
    } else {
      const out = await uploadFiles(chosen, {
        ...importChoices(choices),
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
    choices,
    changeChoices: (change: Partial<ImportChoiceState>) => setChoices((c) => ({ ...c, ...change })),
    status,
    errors,
    setErrors,
    items,
    start,
  };
}
