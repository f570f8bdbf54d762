import { useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { useT } from '../i18n/i18n';
import { useShortcut } from '../keyboard/registry';
import { SettingsDialog } from './SettingsDialog';
import './settings.css';

/** The header's "Settings…" button (and Ctrl/Cmd+,), with the settings dialog it opens. */
export function SettingsAction({ info, onSaved }: { info: OutputOf<'libraryInfo'>; onSaved: () => void }) {
  const { t } = useT('settings');
  const [open, setOpen] = useState(false);
  useShortcut('settings', () => setOpen(true));
  return (
    <>
      <button type="button" aria-keyshortcuts="Control+Comma Meta+Comma" onClick={() => setOpen(true)}>
        {t('open')}
      </button>
      <SettingsDialog open={open} info={info} onClose={() => setOpen(false)} onSaved={onSaved} />
    </>
  );
}
