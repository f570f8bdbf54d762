/**
 * Creating a collection (at the top or inside another) or editing one's name, level, reference
 * code and description. Moving has its own dialog (MoveDialog), deleting its own question.
 */
import { useState } from 'react';
import type { CollectionLevel, CollectionView } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { FormField } from '../common/FormField';
import { COLLECTION_LEVEL_LABELS } from '../common/labels';
import { Modal } from '../common/Modal';
import { useT } from '../i18n/i18n';
import { record as recordUndo } from '../undo/history';
import { collectionCreateCommand, collectionEditCommand } from './commands';
import { levelBelow, levelsFitting } from './levels';
import { collectionChoices } from './tree';
import './collections.css';

export type CollectionDialogMode =
  { kind: 'create'; parentId: number | null } | { kind: 'edit'; collection: CollectionView };

interface Props {
  mode: CollectionDialogMode | null;
  collections: readonly CollectionView[];
  onClose: () => void;
  /** Written: what to say, and the collection as it is now. */
  onDone: (message: string, collection: CollectionView) => void;
}

export function CollectionDialog({ mode, collections, onClose, onDone }: Props) {
  return (
    <Modal open={mode !== null} labelledBy="collection-dialog-title" className="collection-dialog" onClose={onClose}>
      {mode ? <CollectionFields mode={mode} collections={collections} onClose={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

function CollectionFields({
  mode,
  collections,
  onClose,
  onDone,
}: Omit<Props, 'mode'> & { mode: CollectionDialogMode }) {
  const { t } = useT('collections');
  const editing = mode.kind === 'edit' ? mode.collection : null;
  const [parentId, setParentId] = useState<number | null>(
    mode.kind === 'create' ? mode.parentId : mode.collection.parentId,
  );
  const parent = collections.find((c) => c.id === parentId);
  const [name, setName] = useState(editing?.name ?? '');
  const [level, setLevel] = useState<CollectionLevel>(editing?.level ?? levelBelow(parent));
  const [referenceCode, setReferenceCode] = useState(editing?.referenceCode ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ArchiveError | null>(null);

  const save = async () => {
    setBusy(true);
    const fields = { name, level, referenceCode, description };
    const result = editing
      ? await archive.updateCollection({ id: editing.id, patch: fields })
      : await archive.createCollection({ ...fields, parentId });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (editing) recordUndo(collectionEditCommand(editing, result.value, 'edit'));
    else recordUndo(collectionCreateCommand(result.value));
    onDone(t('form.created', { name: result.value.name }), result.value);
  };

  const title = editing
    ? t('form.editTitle', { name: editing.name })
    : parent
      ? t('form.createInside', { parent: parent.name })
      : t('form.createTitle');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="collection-dialog-title">{title}</h2>
      <FormField id="collection-name" label={t('form.name')}>
        {(control) => <input {...control} required autoFocus value={name} onChange={(e) => setName(e.target.value)} />}
      </FormField>
      <FormField id="collection-level" label={t('form.level')} hint={t('form.levelHint')}>
        {(control) => (
          <select {...control} value={level} onChange={(e) => setLevel(e.target.value as CollectionLevel)}>
            {levelsFitting(
              parent,
              collections.filter((c) => editing && c.parentId === editing.id),
            ).map((l) => (
              <option key={l} value={l}>
                {COLLECTION_LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {editing ? null : (
        <FormField id="collection-parent" label={t('form.parent')}>
          {(control) => (
            <select
              {...control}
              value={parentId === null ? '' : String(parentId)}
              onChange={(e) => {
                const next = e.target.value === '' ? null : Number(e.target.value);
                setParentId(next);
                setLevel(levelBelow(collections.find((c) => c.id === next)));
              }}
            >
              <option value="">{t('top')}</option>
              {collectionChoices(collections, (n, l) =>
                t('option', { name: n, level: COLLECTION_LEVEL_LABELS[l] }),
              ).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField id="collection-ref" label={t('form.referenceCode')}>
        {(control) => <input {...control} value={referenceCode} onChange={(e) => setReferenceCode(e.target.value)} />}
      </FormField>
      <FormField id="collection-description" label={t('form.description')}>
        {(control) => (
          <textarea {...control} rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
        )}
      </FormField>
      <ErrorText error={error} prefix={t('form.failed')} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('form.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {editing ? t('form.save') : t('form.create')}
        </button>
      </div>
    </form>
  );
}
