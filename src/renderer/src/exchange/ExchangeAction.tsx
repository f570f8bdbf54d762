/** The header's "Citations & exchange…" button, with the dialog it opens. */
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { ExchangeDialog } from './ExchangeDialog';

export function ExchangeAction({ libraryPath, onChanged }: { libraryPath: string; onChanged: () => void }) {
  const { t } = useT('cite');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('exchange.open')}
      </button>
      <ExchangeDialog open={open} libraryPath={libraryPath} onClose={() => setOpen(false)} onChanged={onChanged} />
    </>
  );
}
