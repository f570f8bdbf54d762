/**
 * Import records from a file: CSL-JSON, BibTeX, RIS or CSV. A CSV first gets its column mapping
 * (headers matched by name, editable, a saved mapping reusable); every import is previewed (what
 * would be imported, skipped or merged, and which authority records would be created) before the
 * user commits it, all or nothing.
 */
import { useState } from 'react';
import type { ImportFormat, ImportReport as Report } from '../../../shared/channels/exchange';
import type { ArchiveError } from '../../../shared/result';
import { decodeFileBytes, EncodingProblem, type DecodedFile } from '../../../shared/text-encoding';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { FormField } from '../common/FormField';
import { useT } from '../i18n/i18n';
import { ColumnMapping, type Mapping } from './ColumnMapping';
import { ImportReport } from './ImportReport';

/** The file chosen, its bytes kept so that another encoding can be tried on them. */
interface ChosenFile {
  name: string;
  bytes: Uint8Array;
  /** The encoding the user named, '' to use the one detected. */
  named: string;
  /** The text, or null when it cannot be read in the encoding named. */
  content: string | null;
  encoding: string;
  detected: boolean;
  format: ImportFormat | undefined;
}

/** Encodings offered by name (WHATWG labels): the ones spreadsheets and reference managers save in. */
const ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-2',
  'windows-1250',
  'windows-1251',
  'gb18030',
  'gbk',
  'big5',
  'shift_jis',
  'euc-jp',
  'euc-kr',
];

type Delimiter = ',' | ';' | '\t' | ':' | '|';
const DELIMITERS: { value: Delimiter; key: 'comma' | 'semicolon' | 'tab' | 'colon' | 'pipe' }[] = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
  { value: ':', key: 'colon' },
  { value: '|', key: 'pipe' },
];

interface Props {
  onImported: () => void;
}

const EXTENSIONS: Record<string, ImportFormat> = {
  bib: 'bibtex',
  bibtex: 'bibtex',
  ris: 'ris',
  json: 'csl-json',
  csv: 'csv',
  nbib: 'medline',
  medline: 'medline',
  // .xml: EndNote XML or MODS, told apart by the service from the root element.
};

export function ImportSection({ onImported }: Props) {
  const { t } = useT('cite');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [columns, setColumns] = useState<{ headers: string[]; fields: string[] } | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  /** CSV: whether the first row names the columns, the delimiter named ('' = found), and the one used. */
  const [header, setHeader] = useState(true);
  const [delimiter, setDelimiter] = useState<Delimiter | ''>('');
  const [found, setFound] = useState<string>(',');
  const [mappings, setMappings] = useState<{ name: string; mapping: Mapping }[]>([]);
  const [duplicates, setDuplicates] = useState<'skip' | 'merge'>('skip');
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [possibleDuplicates, setPossibleDuplicates] = useState<'import' | 'skip'>('import');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (chosen: File | undefined) => {
    if (!chosen) {
      setReport(null);
      setError(null);
      setColumns(null);
      return setFile(null);
    }
    setHeader(true);
    setDelimiter('');
    // A new file starts from its own header row and delimiter, not the last file's choices.
    await load(chosen.name, new Uint8Array(await chosen.arrayBuffer()), '', true, '');
  };

  /** A CSV's columns as the service reads them with these options, and the saved mappings. */
  const readColumns = async (content: string, withHeader: boolean, named: Delimiter | '') => {
    setReport(null);
    setError(null);
    const options = { content, header: withHeader, ...(named ? { delimiter: named } : {}) };
    const [cols, saved] = await Promise.all([archive.csvColumns(options), archive.listCsvMappings({})]);
    if (!cols.ok) return setError(cols.error);
    setColumns({ headers: cols.value.headers, fields: cols.value.fields });
    setMapping(cols.value.mapping);
    setFound(cols.value.delimiter);
    if (saved.ok) setMappings(saved.value);
  };

  /** Reads the file in the encoding named, or the one its bytes show ('' = detect), and maps a CSV's columns. */
  const load = async (
    name: string,
    bytes: Uint8Array,
    named: string,
    withHeader = header,
    namedDelimiter: Delimiter | '' = delimiter,
  ) => {
    setReport(null);
    setError(null);
    setColumns(null);
    const format = EXTENSIONS[name.split('.').pop()?.toLowerCase() ?? ''];
    let decoded: DecodedFile;
    try {
      decoded = decodeFileBytes(bytes, named || undefined);
    } catch (problem) {
      // The file stays chosen, so another encoding can be picked for it.
      setFile({ name, bytes, named, content: null, encoding: named, detected: false, format });
      if (!(problem instanceof EncodingProblem)) throw problem;
      return setError({
        code: 'invalid_input',
        message: t('import.notInEncoding', { name, line: problem.line, encoding: problem.encoding }),
      });
    }
    const content = decoded.text;
    setFile({ name, bytes, named, content, encoding: decoded.encoding, detected: decoded.detected, format });
    if (format === 'csv') await readColumns(content, withHeader, namedDelimiter);
  };

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
            accept=".json,.bib,.bibtex,.ris,.csv,.xml,.nbib,.medline,.txt"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        )}
      </FormField>
      {file ? (
        <FormField id="import-encoding" label={t('import.encoding')} inline>
          {(control) => (
            <select {...control} value={file.named} onChange={(e) => void load(file.name, file.bytes, e.target.value)}>
              <option value="">
                {file.named === '' ? t('import.detected', { encoding: file.encoding }) : t('import.detect')}
              </option>
              {ENCODINGS.map((e) => (
                // Encoding labels are identifiers, not words to translate.
                <option key={e} value={e} translate="no">
                  {e}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
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
      {file?.format === 'csv' && file.content !== null ? (
        <>
          <FormField id="import-delimiter" label={t('import.delimiter')} inline>
            {(control) => (
              <select
                {...control}
                value={delimiter}
                onChange={(e) => {
                  const named = e.target.value as Delimiter | '';
                  setDelimiter(named);
                  void readColumns(file.content!, header, named);
                }}
              >
                <option value="">
                  {t('import.delimiterFound', {
                    delimiter: t(`import.delimiters.${DELIMITERS.find((d) => d.value === found)?.key ?? 'comma'}`),
                  })}
                </option>
                {DELIMITERS.map((d) => (
                  <option key={d.key} value={d.value}>
                    {t(`import.delimiters.${d.key}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="import-header" label={t('import.firstRow')} inline>
            {(control) => (
              <span>
                <input
                  {...control}
                  type="checkbox"
                  checked={header}
                  onChange={(e) => {
                    setHeader(e.target.checked);
                    void readColumns(file.content!, e.target.checked, delimiter);
                  }}
                />{' '}
                {t('import.isHeader')}
              </span>
            )}
          </FormField>
        </>
      ) : null}
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
