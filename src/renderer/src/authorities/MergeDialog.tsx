/**
 * Merging a duplicate (two records of the same person, say) into the one on screen: find the
 * duplicate, choose which name is kept — the other stays as an alternate name — and confirm.
 * The duplicate's links move over; the service does it in one transaction, and hands back what
 * undoing it needs (the duplicate comes back with its id, names and links).
 */
import { useState } from 'react';
import type { AuthorityView } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { Modal } from '../common/Modal';
import { AUTHORITY_KIND_LABELS } from '../common/labels';
import { AuthorityCombobox, type PickedAuthority } from '../editor/AuthorityCombobox';
import { useT } from '../i18n/i18n';
import { mergeCommand } from '../undo/commands';
import { record as recordUndo } from '../undo/history';

interface Props {
  open: boolean;
  keep: AuthorityView;
  onClose: () => void;
  onMerged: (result: { authority: AuthorityView; linksMoved: number }) => void;
}

export function MergeDialog({ open, keep, onClose, onMerged }: Props) {
  return (
    <Modal open={open} labelledBy="merge-title" className="merge-dialog" onClose={onClose}>
      <MergeChoice keep={keep} onClose={onClose} onMerged={onMerged} />
    </Modal>
  );
}

/** The dialog's content, mounted afresh at each opening: nothing is chosen yet. */
function MergeChoice({ keep, onClose, onMerged }: Omit<Props, 'open'>) {
  const { t } = useT('authorities');
  const [other, setOther] = useState<AuthorityView | null>(null);
  const [nameFrom, setNameFrom] = useState<'keep' | 'merge'>('keep');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ArchiveError | null>(null);

  const choose = async (picked: PickedAuthority) => {
    const full = await archive.getAuthority({ id: picked.id });
    if (full.ok) setOther(full.value);
    else setError(full.error);
  };

  const merge = async () => {
    if (!other) return;
    setBusy(true);
    const result = await archive.mergeAuthoritiesRestorably({ keepId: keep.id, mergeId: other.id, nameFrom });
    setBusy(false);
    if (result.ok) {
      recordUndo(mergeCommand(result.value, nameFrom));
      onMerged(result.value);
    } else setError(result.error);
  };

  return (
    <>
      <h2 id="merge-title">{t('mergeDialog.title', { name: keep.name })}</h2>
      <AuthorityCombobox
        label={t('mergeDialog.find', { kind: AUTHORITY_KIND_LABELS[keep.kind].toLowerCase() })}
        kinds={[keep.kind]}
        allowCreate={false}
        exclude={(id) => id === keep.id}
        onPick={(a) => void choose(a)}
      />
      {other ? (
        <>
          <fieldset className="merge-names">
            <legend>{t('mergeDialog.whichName')}</legend>
            {(['keep', 'merge'] as const).map((which) => (
              <label key={which}>
                <input
                  type="radio"
                  name="merge-name"
                  value={which}
                  checked={nameFrom === which}
                  onChange={() => setNameFrom(which)}
                />{' '}
                {t('mergeDialog.keepName', { name: which === 'keep' ? keep.name : other.name })}
              </label>
            ))}
          </fieldset>
          <p id="merge-explain">
            {t('mergeDialog.explain', {
              count: other.recordCount,
              merge: other.name,
              keep: nameFrom === 'keep' ? keep.name : other.name,
            })}
          </p>
        </>
      ) : null}
      <ErrorText error={error} prefix={t('mergeDialog.failed')} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('mergeDialog.cancel')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={!other || busy}
          aria-describedby={other ? 'merge-explain' : undefined}
          onClick={() => void merge()}
        >
          {busy ? t('mergeDialog.merging') : t('mergeDialog.confirm')}
        </button>
      </div>
    </>
  );
}
