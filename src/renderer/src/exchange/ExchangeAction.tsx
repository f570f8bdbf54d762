/** The header's "Citations & exchange…" button, with the dialog it opens. */
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { ExchangeDialog } from './ExchangeDialog';

interface Props {
  libraryPath: string;
  /** What is selected: the export takes it, or the whole library when nothing is. */
  selection: number[];
  onChanged: () => void;
}

export function ExchangeAction({ libraryPath, selection, onChanged }: Props) {
  const { t } = useT('cite');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('exchange.open')}
      </button>
      <ExchangeDialog
        open={open}
        libraryPath={libraryPath}
        selection={selection}
        onClose={() => setOpen(false)}
        onChanged={onChanged}
      />
    </>
  );
}
