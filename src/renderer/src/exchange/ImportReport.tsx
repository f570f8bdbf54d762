/** What an import did, or would do: the counts, each row not simply imported and why, and the authority records it creates. */
import type { ImportReport as Report } from '../../../shared/channels/exchange';
import { AUTHORITY_KIND_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';

export function ImportReport({ report }: { report: Report }) {
  const { t } = useT('cite');
  return (
    <div className="import-report" data-testid="import-report" role="status">
      <p>
        <strong>
          {report.dryRun ? t('import.previewSummary') : t('import.doneSummary')}
          {t('import.summary', {
            imported: report.imported,
            merged: report.merged,
            skipped: report.skipped,
            failed: report.failed,
            authorities: report.createdAuthorities.length,
          })}
        </strong>
      </p>
      <ul>
        {report.rows
          .filter((r) => r.status !== 'imported' || r.possibleDuplicateOf !== undefined)
          .map((r) => (
            <li key={r.row} className={r.status === 'error' ? 'error' : undefined}>
              {r.where}: {t(`import.rowStatus.${r.status}`)} — {r.title}{' '}
              {r.possibleDuplicateOf !== undefined
                ? `(${t('import.possibleDuplicateOf', { id: r.possibleDuplicateOf })})`
                : r.reason
                  ? `(${r.reason})`
                  : ''}
            </li>
          ))}
        {report.createdAuthorities.map((a) => (
          <li key={`${a.kind}-${a.name}`}>
            {t('import.newAuthority', { kind: AUTHORITY_KIND_LABELS[a.kind].toLocaleLowerCase(), name: a.name })}
          </li>
        ))}
      </ul>
    </div>
  );
}
