/**
 * The reader: one of a record's files in most of the window, for reading rather than glancing.
 * A modal dialog (common/Modal), so Escape or Close returns to the record with focus back on the
 * button that opened it. Loaded on first use: pdf.js's page views and the find box's Chinese
 * folding tables cost the record pane nothing until then.
 */
import type { RecordFile } from '../../../shared/channels/documents';
import { Modal } from '../common/Modal';
import { useT } from '../i18n/i18n';
import { Reader } from './Reader';
import './reader.css';

export default function ReaderDialog({
  file,
  open,
  page,
  onPage,
  onClose,
}: {
  file: RecordFile;
  open: boolean;
  page: number;
  onPage: (page: number) => void;
  onClose: () => void;
}) {
  const { t } = useT('reader');
  return (
    <Modal
      open={open}
      labelledBy="reader-heading"
      describedBy="reader-keys"
      className="reader-dialog"
      onClose={onClose}
    >
      <div className="reader">
        <header className="reader-head">
          <h2 id="reader-heading">{t('heading', { name: file.originalName })}</h2>
          <p id="reader-keys" className="muted reader-keys">
            {t('keys')}
          </p>
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </header>
        <Reader file={file} initialPage={page} onPage={onPage} />
      </div>
    </Modal>
  );
}
