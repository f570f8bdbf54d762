/**
 * "Citations & exchange": the library's settings for citations (holding archive and its place,
 * the default style), installing a CSL style, importing records, exporting all of them, and a backup.
 * Each section is its own component; the dialog holds the one status line and error they report to.
 */
import { useState } from 'react';
import type { ArchiveError } from '../../../shared/result';
import { ErrorText } from '../common/ErrorText';
import { Modal } from '../common/Modal';
import { useT } from '../i18n/i18n';
import { CitationSection } from './CitationSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import type { Report } from './report';
import { useBackupPaths } from './useBackupPaths';
import { useCitationSettings } from './useCitationSettings';
import '../cite/cite.css';

interface Props {
  open: boolean;
  libraryPath: string;
  selection: number[];
  onClose: () => void;
  onChanged: () => void;
}

export function ExchangeDialog({ open, libraryPath, selection, onClose, onChanged }: Props) {
  const { t } = useT('cite');
  const { t: tc } = useT('common');
  const settings = useCitationSettings(open);
  const paths = useBackupPaths(libraryPath);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const report: Report = {
    done: (message) => {
      setError(null);
      setStatus(message);
    },
    fail: setError,
  };

  return (
    <Modal open={open} labelledBy="exchange-title" className="exchange-dialog" onClose={onClose}>
      <h2 id="exchange-title">{t('exchange.title')}</h2>
      <ErrorText error={settings.error ?? error} prefix={t('failed')} />
      <p className="cite-status" role="status">
        {status}
      </p>
      <CitationSection settings={settings} report={report} />
      <ImportSection
        onImported={() => {
          report.done(t('exchange.imported'));
          onChanged();
        }}
      />
      <ExportSection paths={paths} selection={selection} report={report} onChanged={onChanged} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          {tc('close')}
        </button>
      </div>
    </Modal>
  );
}
