/**
 * Import records from a file: CSL-JSON, BibTeX, RIS or CSV. A CSV first gets its column mapping
 * (headers matched by name, editable, a saved mapping reusable); every import is previewed (what
 * would be imported, skipped or merged, and which authority records would be created) before the
 * user commits it, all or nothing.
 */
import { useState } from 'react';
import type { ImportFormat, ImportReport as Report } from '../../../shared/channels/exchange';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { FormField } from '../common/FormField';
import { useT } from '../i18n/i18n';
import { ColumnMapping, type Mapping } from './ColumnMapping';
import { ImportReport } from './ImportReport';

interface Props {
  onImported: () => void;
}

const EXTENSIONS: Record<string, ImportFormat> = {
  bib: 'bibtex',
  bibtex: 'bibtex',
  ris: 'ris',
  json: 'csl-json',
  csv: 'csv',
};

export function ImportSection({ onImported }: Props) {
  const { t } = useT('cite');
  const [file, setFile] = useState<{ name: string; content: string; format: ImportFormat | undefined } | null>(null);
  const [columns, setColumns] = useState<{ headers: string[]; fields: string[] } | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [mappings, setMappings] = useState<{ name: string; mapping: Mapping }[]>([]);
  const [duplicates, setDuplicates] = useState<'skip' | 'merge'>('skip');
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [possibleDuplicates, setPossibleDuplicates] = useState<'import' | 'skip'>('import');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (chosen: File | undefined) => {
    setReport(null);
    setError(null);
    setColumns(null);
    if (!chosen) return setFile(null);
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const text = new TextDecoder('utf-8').decode(bytes);
      const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
      return setError({ code: 'invalid_input', message: t('import.notUtf8', { name: chosen.name, line }) });
    }
    const format = EXTENSIONS[chosen.name.split('.').pop()?.toLowerCase() ?? ''];
    setFile({ name: chosen.name, content, format });
    if (format === 'csv') {
      const [cols, saved] = await Promise.all([archive.csvColumns({ content }), archive.listCsvMappings({})]);
      if (!cols.ok) return setError(cols.error);
      setColumns({ headers: cols.value.headers, fields: cols.value.fields });
      setMapping(cols.value.mapping);
      if (saved.ok) setMappings(saved.value);
    }
  };

  const input = () => ({
    content: file!.content,
    ...(file!.format ? { format: file!.format } : {}),
    ...(file!.format === 'csv'
      ? { mapping: Object.fromEntries(columns!.headers.map((h) => [h, mapping[h] ?? 'ignore'])) }
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
    setFile(null);
    onImported();
  };

  const saveMapping = async () => {
    const name = window.prompt(t('import.nameMapping'));
    if (!name) return;
    const result = await archive.saveCsvMapping({ name, mapping });
    if (!result.ok) return setError(result.error);
    setMappings((m) => [...m.filter((x) => x.name !== name), { name, mapping }]);
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
            accept=".json,.bib,.bibtex,.ris,.csv"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        )}
      </FormField>
      <FormField id="import-duplicates" label={t('import.duplicates')} inline>
        {(control) => (
          <select {...control} value={duplicates} onChange={(e) => setDuplicates(e.target.value as 'skip' | 'merge')}>
            <option value="skip">{t('import.skip')}</option>
            <option value="merge">{t('import.merge')}</option>
          </select>
        )}
      </FormField>
      <FormField id="import-possible-duplicates" label={t('import.possibleDuplicates')} inline>
        {(control) => (
          <select
            {...control}
            value={possibleDuplicates}
            onChange={(e) => setPossibleDuplicates(e.target.value as 'import' | 'skip')}
          >
            <option value="import">{t('import.importPossible')}</option>
            <option value="skip">{t('import.skipPossible')}</option>
          </select>
        )}
      </FormField>
      <FormField id="import-skip-bad" label={t('import.badRows')} inline>
        {(control) => (
          <span>
            <input
              {...control}
              type="checkbox"
              checked={skipBadRows}
              onChange={(e) => setSkipBadRows(e.target.checked)}
            />{' '}
            {t('import.skipBadRows')}
          </span>
        )}
      </FormField>
      {columns ? (
        <ColumnMapping
          columns={columns}
          mapping={mapping}
          saved={mappings}
          onMapping={setMapping}
          onSave={() => void saveMapping()}
        />
      ) : null}
      <ErrorText error={error} prefix={t('import.cannotImport')} />
      <div className="actions">
        <button type="button" disabled={!file || busy} onClick={() => void preview()}>
          {t('import.preview')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!file || busy || !report || !report.dryRun}
          onClick={() => void commit()}
        >
          {t('import.import')}
        </button>
      </div>
      {report ? <ImportReport report={report} /> : null}
    </section>
  );
}
