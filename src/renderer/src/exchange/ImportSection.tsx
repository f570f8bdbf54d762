/**
 * Import records from a file: CSL-JSON, BibTeX, RIS or CSV. A CSV first gets its column mapping
 * (headers matched by name, editable, a saved mapping reusable); every import is previewed (what
 * would be imported, skipped or merged, and which authority records would be created) before the
 * user commits it, all or nothing.
 */
import { useState } from 'react';
import type { ImportReport as Report } from '../../../shared/channels/exchange';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { FormField } from '../common/FormField';
import { useT } from '../i18n/i18n';
import { ColumnMapping } from './ColumnMapping';
import { CsvLayoutFields } from './CsvLayoutFields';
import { EncodingField } from './EncodingField';
import { ImportChoices } from './ImportChoices';
import { ImportReport } from './ImportReport';
import { useImportFile } from './useImportFile';

interface Props {
  onImported: () => void;
}

export function ImportSection({ onImported }: Props) {
  const { t } = useT('cite');
  const [duplicates, setDuplicates] = useState<'skip' | 'merge'>('skip');
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [possibleDuplicates, setPossibleDuplicates] = useState<'import' | 'skip'>('import');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = useImportFile((problem) => {
    setReport(null);
    setError(problem);
  });
  const { file, columns, mapping, header, delimiter } = chosen;

  const input = () => ({
    content: file!.content!,
    ...(file!.format ? { format: file!.format } : {}),
    ...(file!.format === 'csv'
      ? {
          mapping: Object.fromEntries(columns!.headers.map((h) => [h, mapping[h] ?? 'ignore'])),
          header,
          ...(delimiter ? { delimiter } : {}),
        }
      : {}),
    duplicates,
    skipBadRows,
    possibleDuplicates,
  });

  const preview = async () => {
    if (!file) return;
    setBusy(true);
    const result = await archive.previewMetadataImport(input());
    setBusy(false);
    setError(result.ok ? null : result.error);
    setReport(result.ok ? result.value : null);
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    const result = await archive.importMetadata(input());
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setReport(result.value);
    chosen.setFile(null);
    onImported();
  };

  return (
    <section aria-labelledby="metadata-import-heading">
      <h3 id="metadata-import-heading">{t('import.heading')}</h3>
      <p className="muted">{t('import.intro')}</p>
      <FormField id="metadata-import-file" label={t('import.file')} inline>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".json,.bib,.bibtex,.ris,.csv,.xml,.nbib,.medline,.txt"
            onChange={(e) => void chosen.choose(e.target.files?.[0])}
          />
        )}
      </FormField>
      {file ? <EncodingField file={file} onNamed={(named) => void chosen.load(file.name, file.bytes, named)} /> : null}
      <ImportChoices
        duplicates={duplicates}
        possibleDuplicates={possibleDuplicates}
        skipBadRows={skipBadRows}
        onDuplicates={setDuplicates}
        onPossibleDuplicates={setPossibleDuplicates}
        onSkipBadRows={setSkipBadRows}
      />
      {file?.format === 'csv' && file.content !== null ? (
        <CsvLayoutFields
          delimiter={delimiter}
          header={header}
          found={chosen.found}
          onDelimiter={(named) => chosen.setLayout(header, named)}
          onHeader={(withHeader) => chosen.setLayout(withHeader, delimiter)}
        />
      ) : null}
      {columns ? (
        <ColumnMapping
          columns={columns}
          mapping={mapping}
          saved={chosen.mappings}
          onMapping={chosen.setMapping}
          onSave={() => void chosen.saveMapping()}
        />
      ) : null}
      <ErrorText error={error} prefix={t('import.cannotImport')} />
      <div className="actions">
        <button type="button" disabled={!file?.content || busy} onClick={() => void preview()}>
          {t('import.preview')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!file?.content || busy || !report || !report.dryRun}
          onClick={() => void commit()}
        >
          {t('import.import')}
        </button>
      </div>
      {report ? <ImportReport report={report} /> : null}
    </section>
  );
}
