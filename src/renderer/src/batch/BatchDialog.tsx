/**
 * Batch edit: one change — add or remove a tag, move to a collection, set a field — to every
 * selected record. The service works it out first without writing (a dry run), so the archivist
 * sees per record what will change (old → new), what is already so and what is skipped and why;
 * applying writes it all in one transaction and records one undo for all of it.
 */
import { useState } from 'react';
import type { BatchEditOutput } from '../../../shared/batch';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { Modal } from '../common/Modal';
import { dateProblemText } from '../editor/date-messages';
import { useT } from '../i18n/i18n';
import { batchCommand } from '../undo/commands';
import { record as recordUndo } from '../undo/history';
import { BatchChoiceFields } from './BatchChoiceFields';
import { BatchPreview } from './BatchPreview';
import { buildOperation, initialChoice, type BatchChoice } from './operation';
import './batch.css';

interface Props {
  open: boolean;
  ids: number[];
  onClose: () => void;
  /** Applied: how many records changed. */
  onApplied: (changed: number) => void;
}

export function BatchDialog({ open, ids, onClose, onApplied }: Props) {
  const { t } = useT('batch');
  return (
    <Modal open={open} labelledBy="batch-title" className="batch-dialog" onClose={onClose}>
      <h2 id="batch-title">{t('title', { count: ids.length })}</h2>
      <BatchEdit ids={ids} onClose={onClose} onApplied={onApplied} />
    </Modal>
  );
}

/** The choice, its preview and the buttons: mounted afresh at each opening, so each starts from the first choice. */
function BatchEdit({ ids, onClose, onApplied }: Omit<Props, 'open'>) {
  const { t } = useT('batch');
  const { t: te } = useT('editor');
  const [choice, setChoice] = useState<BatchChoice>(initialChoice);
  const [preview, setPreview] = useState<BatchEditOutput | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [error, setError] = useState<ArchiveError | string | null>(null);

  const change = (c: Partial<BatchChoice>) => {
    setChoice((old) => ({ ...old, ...c }));
    setPreview(null);
    setError(null);
  };

  const run = async (dryRun: boolean) => {
    const built = buildOperation(choice);
    if (!built.ok) {
      setError(built.dateProblem ? dateProblemText(te, built.dateProblem.problem) : null);
      return;
    }
    setBusy(dryRun ? 'preview' : 'apply');
    setError(null);
    const result = await archive.batchEdit({ ids, operation: built.operation, dryRun });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (dryRun) {
      setPreview(result.value);
      return;
    }
    if (result.value.counts.change > 0) recordUndo(batchCommand(result.value.items));
    onApplied(result.value.counts.change);
  };

  return (
    <>
      <BatchChoiceFields choice={choice} onChange={change} />
      <ErrorText error={error} prefix={t('failed')} />
      {preview ? <BatchPreview preview={preview} /> : null}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" onClick={() => void run(true)} disabled={busy !== null}>
          {busy === 'preview' ? t('previewing') : t('preview')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy !== null || !preview || preview.counts.change === 0}
          onClick={() => void run(false)}
        >
          {busy === 'apply' ? t('applying') : t('apply', { count: preview?.counts.change ?? 0 })}
        </button>
      </div>
    </>
  );
}
