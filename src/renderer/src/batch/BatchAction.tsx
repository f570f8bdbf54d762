/** The list's "Batch edit…" action for the selected records, with the dialog and what it did. */
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { BatchDialog } from './BatchDialog';

interface Props {
  ids: number[];
  onApplied: () => void;
}

export function BatchAction({ ids, onApplied }: Props) {
  const { t } = useT('batch');
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState('');
  return (
    <>
      <button type="button" disabled={ids.length === 0} onClick={() => (setNotice(''), setOpen(true))}>
        {t('action', { count: ids.length })}
      </button>
      <span className="batch-notice" role="status">
        {notice}
      </span>
      <BatchDialog
        open={open}
        ids={ids}
        onClose={() => setOpen(false)}
        onApplied={(changed) => {
          setOpen(false);
          setNotice(t('applied', { count: changed }));
          onApplied();
        }}
      />
    </>
  );
}
