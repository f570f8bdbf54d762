/**
 * Settings: the library in use (and how to open another), the holding archive printed in
 * citations, the default citation style, the file size limit, OCR languages, the interface
 * language and the theme. Library settings are saved together with one button; language and
 * theme apply as soon as they are chosen, as they do in the header.
 */
import type { OutputOf } from '../../../shared/contract';
import { Modal } from '../common/Modal';
import { useT } from '../i18n/i18n';
import { LibrarySection } from './LibrarySection';
import { SettingsForm } from './SettingsForm';

interface Props {
  open: boolean;
  info: OutputOf<'libraryInfo'>;
  onClose: () => void;
  onSaved: () => void;
}

export function SettingsDialog({ open, info, onClose, onSaved }: Props) {
  const { t } = useT('settings');
  const { t: tc } = useT('common');
  return (
    <Modal open={open} labelledBy="settings-title" className="settings-dialog" onClose={onClose}>
      <h2 id="settings-title">{t('title')}</h2>
      <SettingsForm onSaved={onSaved} />
      <LibrarySection info={info} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          {tc('close')}
        </button>
      </div>
    </Modal>
  );
}
