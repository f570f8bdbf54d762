/** What an import did, or would do: the counts, each row not simply imported and why, and the authority records it creates. */
import type { ImportReport as Report } from '../../../shared/channels/exchange';
import { errorWordsIn, placeWordsIn } from '../common/errorWording';
import { AUTHORITY_KIND_LABELS } from '../common/labels';
import { currentLanguage, useT } from '../i18n/i18n';

type Row = Report['rows'][number];

export function ImportReport({ report }: { report: Report }) {
  const { t } = useT('cite');
  const language = currentLanguage();
  /** Why a row was not simply imported: its refusal, what it duplicates, or what it may duplicate. */
  const note = (r: Row): string => {
    if (r.problem) return errorWordsIn(language, { code: 'invalid_input', message: '', ...r.problem });
    if (r.duplicate && r.recordId !== undefined) return t(`import.duplicateOf.${r.duplicate}`, { id: r.recordId });
    if (r.possibleDuplicateOf !== undefined) return t('import.possibleDuplicateOf', { id: r.possibleDuplicateOf });
    return '';
  };
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
              {placeWordsIn(language, r.where)}: {t(`import.rowStatus.${r.status}`)} — {r.title}{' '}
              {note(r) ? `(${note(r)})` : ''}
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
