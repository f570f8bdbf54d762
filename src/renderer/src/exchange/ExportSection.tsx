/**
 * Export the selected records, or every record when none is selected (CSV, JSON, a BagIt package),
 * back up the library, and check or import a BagIt package.
 */
import { archive } from '../archive';
import { saveText } from '../common/download';
import { FormField } from '../common/FormField';
import { PathField } from '../common/PathField';
import { useT } from '../i18n/i18n';
import type { Report } from './report';
import type { BackupPaths } from './useBackupPaths';

interface Props {
  paths: BackupPaths;
  /** The records selected in the workspace: exported instead of all of them. */
  selection: number[];
  report: Report;
  onChanged: () => void;
}

export function ExportSection({ paths, selection, report, onChanged }: Props) {
  const { t } = useT('cite');
  const { done, fail } = report;
  const pathError = (message: string) => fail({ code: 'invalid_input', message });

  const count = selection.length;
  const exportAll = async (format: 'csv' | 'json') => {
    const ids: number[] = [...selection];
    for (let offset = 0; count === 0; offset += 1000) {
      const page = await archive.listRecords({ limit: 1000, offset, sort: 'createdAt', direction: 'asc' });
      if (!page.ok) return fail(page.error);
      ids.push(...page.value.items.map((r) => r.id));
      if (page.value.items.length < 1000) break;
    }
    if (ids.length === 0) return fail({ code: 'invalid_input', message: t('exchange.noRecords') });
    const result = await archive.exportRecords({ ids, format });
    if (!result.ok) return fail(result.error);
    saveText(`records.${format}`, result.value.content, format === 'csv' ? 'text/csv' : 'application/json');
    done(t('exchange.exported', { count: result.value.count, format: format.toUpperCase() }));
  };

  const exportBag = async () => {
    const result = await archive.exportBag({ dir: paths.bagPath, ...(count ? { ids: selection } : {}) });
    if (!result.ok) return fail(result.error);
    done(t('exchange.bagWritten', { records: result.value.records, files: result.value.files, dir: result.value.dir }));
  };

  const importBag = async (dryRun: boolean) => {
    const result = await archive.importBag({ dir: paths.bagPath, dryRun });
    if (!result.ok) return fail(result.error);
    const r = result.value;
    const counts = {
      imported: r.imported,
      skipped: r.skipped,
      failed: r.failed,
      authorities: r.createdAuthorities.length,
    };
    // A bag with files is written by a job once its files are stored: say so, not "Imported".
    done(t(dryRun ? 'exchange.bagChecked' : r.batch ? 'exchange.bagQueued' : 'exchange.bagImported', counts));
    if (!dryRun) onChanged();
  };

  const backup = async () => {
    const result = await archive.backupLibrary({ out: paths.backupPath });
    if (!result.ok) return fail(result.error);
    done(t('exchange.backedUp', { records: result.value.records, files: result.value.files, file: result.value.file }));
  };

  return (
    <section aria-labelledby="export-heading">
      <h3 id="export-heading">{t('exchange.exportHeading')}</h3>
      <div className="actions">
        <button type="button" onClick={() => void exportAll('csv')}>
          {count ? t('exchange.exportSelectedCsv', { count }) : t('exchange.exportCsv')}
        </button>
        <button type="button" onClick={() => void exportAll('json')}>
          {count ? t('exchange.exportSelectedJson', { count }) : t('exchange.exportJson')}
        </button>
      </div>
      <FormField id="backup-path" label={t('exchange.backupTo')} inline>
        {(control) => (
          <PathField
            id={control.id}
            kind="save"
            defaultName={`library-${paths.stamp}.tar.gz`}
            value={paths.backupPath}
            onChange={paths.setBackupPath}
            onError={pathError}
          />
        )}
      </FormField>
      <button type="button" onClick={() => void backup()}>
        {t('exchange.backupNow')}
      </button>
      <FormField id="bag-path" label={t('exchange.bagFolder')} inline>
        {(control) => (
          <PathField
            id={control.id}
            kind="folder"
            value={paths.bagPath}
            onChange={paths.setBagPath}
            onError={pathError}
          />
        )}
      </FormField>
      <div className="actions">
        <button type="button" onClick={() => void exportBag()}>
          {count ? t('exchange.writeBagSelected', { count }) : t('exchange.writeBag')}
        </button>
        <button type="button" onClick={() => void importBag(true)}>
          {t('exchange.checkBag')}
        </button>
        <button type="button" onClick={() => void importBag(false)}>
          {t('exchange.importBag')}
        </button>
      </div>
    </section>
  );
}
