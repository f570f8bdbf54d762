import { useEffect, useState } from 'react';
import { archive } from '../archive';
import { CiteDialog } from '../cite/CiteDialog';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorText } from '../common/ErrorText';
import { useResult } from '../common/useResult';
import type { ArchiveError } from '../../../shared/result';
import { DocumentsSection } from '../documents/DocumentsSection';
import { useT } from '../i18n/i18n';
import { deleteCommand } from '../undo/commands';
import { record as recordUndo } from '../undo/history';
import { AuditTrail } from './AuditTrail';
import { RecordDetails } from './RecordDetails';

interface Props {
  id: number;
  revision: number;
  onEdit: () => void;
  onDeleted: () => void;
  onShowLinked: (authority: { id: number; name: string }) => void;
}

/** The right-hand pane: one record, its actions (edit, delete) and its history. */
export function RecordPanel({ id, revision, onEdit, onDeleted, onShowLinked }: Props) {
  const { t } = useT('record');
  const loaded = useResult(() => archive.getRecord({ id }), [id, revision]);
  const [confirming, setConfirming] = useState(false);
  const [citing, setCiting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<ArchiveError | null>(null);
  const record = loaded.value;

  useEffect(() => {
    setConfirming(false);
    setDeleteError(null);
  }, [id]);

  const remove = async () => {
    setDeleting(true);
    const title = record?.title ?? `#${id}`;
    const result = await archive.deleteRecordRestorably({
      id,
      ...(record ? { expectedRevision: record.revision } : {}),
    });
    setDeleting(false);
    setConfirming(false);
    if (result.ok) {
      recordUndo(deleteCommand(title, result.value));
      onDeleted();
    } else setDeleteError(result.error);
  };

  return (
    <section className="record-pane" aria-labelledby="record-heading">
      <ErrorText error={loaded.error} prefix={t('loadFailed')} />
      {record && record.id === id ? (
        <article>
          <header className="record-header">
            <h2 id="record-heading" tabIndex={-1}>
              {record.title}
            </h2>
            <div className="actions">
              <button type="button" onClick={onEdit}>
                {t('edit')}
              </button>
              <button type="button" onClick={() => setCiting(true)}>
                {t('cite')}
              </button>
              <button type="button" className="danger-quiet" onClick={() => setConfirming(true)}>
                {t('delete')}
              </button>
            </div>
          </header>
          <ErrorText error={deleteError} prefix={t('notDeleted')} />
          <RecordDetails record={record} onShowLinked={onShowLinked} />
          <DocumentsSection recordId={record.id} revision={revision} />
          <AuditTrail recordId={record.id} revision={record.revision} />
          <CiteDialog ids={[record.id]} open={citing} onClose={() => setCiting(false)} />
          <ConfirmDialog
            open={confirming}
            title={t('confirmTitle')}
            message={t('confirmMessage', { title: record.title })}
            confirmLabel={t('confirmButton')}
            busy={deleting}
            onConfirm={() => void remove()}
            onCancel={() => setConfirming(false)}
          />
        </article>
      ) : loaded.loading ? (
        <p className="muted">{t('loading')}</p>
      ) : null}
    </section>
  );
}
