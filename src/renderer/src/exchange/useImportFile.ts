/**
 * The file an import reads: its bytes decoded in the encoding found or named, and for a CSV its
 * columns, delimiter, header row and mapping as the service reads them. `clear` is called whenever
 * what was previewed no longer holds.
 */
import { useRef, useState } from 'react';
import type { ImportFormat } from '../../../shared/channels/exchange';
import type { ArchiveError } from '../../../shared/result';
import { decodeFileBytes, EncodingProblem, type DecodedFile } from '../../../shared/text-encoding';
import { archive } from '../archive';
import { useT } from '../i18n/i18n';
import type { Mapping } from './ColumnMapping';
import type { Delimiter } from './CsvLayoutFields';
import type { ChosenFile } from './EncodingField';

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

export function useImportFile(clear: (error: ArchiveError | null) => void) {
  const { t } = useT('cite');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [columns, setColumns] = useState<{ headers: string[]; fields: string[] } | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  /** CSV: whether the first row names the columns, the delimiter named ('' = found), and the one used. */
  const [header, setHeader] = useState(true);
  const [delimiter, setDelimiter] = useState<Delimiter | ''>('');
  const [found, setFound] = useState<string>(',');
  const [mappings, setMappings] = useState<{ name: string; mapping: Mapping }[]>([]);
  /** Bumped by every read of the file: a service answer for an earlier read is dropped, not shown. */
  const reads = useRef(0);

  const choose = async (chosen: File | undefined) => {
    if (!chosen) {
      clear(null);
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
    clear(null);
    const read = ++reads.current;
    const options = { content, header: withHeader, ...(named ? { delimiter: named } : {}) };
    const [cols, saved] = await Promise.all([archive.csvColumns(options), archive.listCsvMappings({})]);
    // Another encoding or layout chosen meanwhile: this answer is about text no longer shown.
    if (read !== reads.current) return;
    if (!cols.ok) return clear(cols.error);
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
    clear(null);
    setColumns(null);
    reads.current++;
    const format = EXTENSIONS[name.split('.').pop()?.toLowerCase() ?? ''];
    let decoded: DecodedFile;
    try {
      decoded = decodeFileBytes(bytes, named || undefined);
    } catch (problem) {
      // The file stays chosen, so another encoding can be picked for it.
      setFile({ name, bytes, named, content: null, encoding: named, detected: false, format });
      if (!(problem instanceof EncodingProblem)) throw problem;
      return clear({
        code: 'invalid_input',
        message: t('import.notInEncoding', { name, line: problem.line, encoding: problem.encoding }),
      });
    }
    const content = decoded.text;
    setFile({ name, bytes, named, content, encoding: decoded.encoding, detected: decoded.detected, format });
    if (format === 'csv') await readColumns(content, withHeader, namedDelimiter);
  };

  const saveMapping = async () => {
    const name = window.prompt(t('import.nameMapping'));
    if (!name) return;
    const result = await archive.saveCsvMapping({ name, mapping });
    if (!result.ok) return clear(result.error);
    setMappings((m) => [...m.filter((x) => x.name !== name), { name, mapping }]);
  };

  return {
    file,
    setFile,
    columns,
    mapping,
    setMapping,
    mappings,
    header,
    delimiter,
    found,
    choose,
    load,
    saveMapping,
    setLayout: (withHeader: boolean, named: Delimiter | '') => {
      setHeader(withHeader);
      setDelimiter(named);
      if (file?.content) void readColumns(file.content, withHeader, named);
    },
  };
}
