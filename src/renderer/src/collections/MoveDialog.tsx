/** "Move to…": a collection's new place chosen from the tree, for those who do not drag (keyboard, screen reader). */
import { useState } from 'react';
import type { CollectionView } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { ErrorText } from '../common/ErrorText';
import { FormField } from '../common/FormField';
import { COLLECTION_LEVEL_LABELS } from '../common/labels';
import { Modal } from '../common/Modal';
import { useT } from '../i18n/i18n';
import { moveCollection } from './move';
import { tooLowFor } from './levels';
import { collectionChoices, subtreeOf } from './tree';

interface Props {
  moving: CollectionView | null;
  collections: readonly CollectionView[];
  onClose: () => void;
  onDone: (message: string) => void;
}

export function MoveDialog({ moving, collections, onClose, onDone }: Props) {
  return (
    <Modal open={moving !== null} labelledBy="move-collection-title" className="collection-dialog" onClose={onClose}>
      {moving ? <MoveChoice moving={moving} collections={collections} onClose={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

function MoveChoice({ moving, collections, onClose, onDone }: Props & { moving: CollectionView }) {
  const { t } = useT('collections');
  const [parentId, setParentId] = useState<number | null>(moving.parentId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ArchiveError | null>(null);
  // Never inside itself or anything inside it, nor below its own level: those are not offered at all.
  const choices = collectionChoices(
    collections,
    (name, level) => t('option', { name, level: COLLECTION_LEVEL_LABELS[level] }),
    new Set([...subtreeOf(collections, moving.id), ...tooLowFor(collections, moving)]),
  );
  const move = async () => {
    setBusy(true);
    const outcome = await moveCollection(moving, parentId, collections);
    setBusy(false);
    if (outcome.ok) onDone(outcome.message);
    else setError(outcome.error);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void move();
      }}
    >
      <h2 id="move-collection-title">{t('move.title', { name: moving.name })}</h2>
      <FormField id="move-collection-parent" label={t('move.parent')} hint={t('move.hint')}>
        {(control) => (
          <select
            {...control}
            autoFocus
            value={parentId === null ? '' : String(parentId)}
            onChange={(e) => setParentId(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t('top')}</option>
            {choices.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <ErrorText error={error} prefix={t('move.failed')} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('move.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy || parentId === moving.parentId}>
          {t('move.confirm')}
        </button>
      </div>
    </form>
  );
}
