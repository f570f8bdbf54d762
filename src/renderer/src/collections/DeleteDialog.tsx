/** Deleting a collection asks first, and says what becomes of what it holds: nothing it holds is deleted. */
import { useState } from 'react';
import type { CollectionView } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { Modal } from '../common/Modal';
import { useT } from '../i18n/i18n';
import { record as recordUndo } from '../undo/history';
import { collectionDeleteCommand } from './commands';

interface Props {
  deleting: CollectionView | null;
  collections: readonly CollectionView[];
  onClose: () => void;
  onDone: (message: string) => void;
}

export function DeleteDialog({ deleting, collections, onClose, onDone }: Props) {
  return (
    <Modal
      open={deleting !== null}
      labelledBy="delete-collection-title"
      describedBy="delete-collection-message"
      className="confirm"
      onClose={onClose}
    >
      {deleting ? (
        <DeleteQuestion deleting={deleting} collections={collections} onClose={onClose} onDone={onDone} />
      ) : null}
    </Modal>
  );
}

function DeleteQuestion({ deleting, collections, onClose, onDone }: Props & { deleting: CollectionView }) {
  const { t } = useT('collections');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ArchiveError | null>(null);
  const parent = collections.find((c) => c.id === deleting.parentId);
  const children = collections.filter((c) => c.parentId === deleting.id).length;
  const counts = { count: deleting.recordCount, children };
  const remove = async () => {
    setBusy(true);
    const result = await archive.deleteCollectionRestorably({ id: deleting.id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    recordUndo(collectionDeleteCommand(result.value));
    onDone(t('delete.done', { name: deleting.name }));
  };
  return (
    <>
      <h2 id="delete-collection-title">{t('delete.title', { name: deleting.name })}</h2>
      <p id="delete-collection-message">
        {parent ? t('delete.intoParent', { ...counts, parent: parent.name }) : t('delete.atTop', counts)}
      </p>
      <ErrorText error={error} prefix={t('delete.failed')} />
      <div className="actions">
        <button type="button" autoFocus onClick={onClose}>
          {t('form.cancel')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
          {t('delete.confirm')}
        </button>
      </div>
    </>
  );
}
