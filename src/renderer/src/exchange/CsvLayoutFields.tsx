/** How a CSV file is laid out: its delimiter (found, or named) and whether its first row names the columns. */
import { FormField } from '../common/FormField';
import { useT } from '../i18n/i18n';

export type Delimiter = ',' | ';' | '\t' | ':' | '|';
const DELIMITERS: { value: Delimiter; key: 'comma' | 'semicolon' | 'tab' | 'colon' | 'pipe' }[] = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
  { value: ':', key: 'colon' },
  { value: '|', key: 'pipe' },
];

interface Props {
  /** The delimiter named, '' for the one found. */
  delimiter: Delimiter | '';
  found: string;
  header: boolean;
  onDelimiter: (named: Delimiter | '') => void;
  onHeader: (header: boolean) => void;
}

export function CsvLayoutFields({ delimiter, found, header, onDelimiter, onHeader }: Props) {
  const { t } = useT('cite');
  return (
    <>
      <FormField id="import-delimiter" label={t('import.delimiter')} inline>
        {(control) => (
          <select {...control} value={delimiter} onChange={(e) => onDelimiter(e.target.value as Delimiter | '')}>
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
            <input {...control} type="checkbox" checked={header} onChange={(e) => onHeader(e.target.checked)} />{' '}
            {t('import.isHeader')}
          </span>
        )}
      </FormField>
    </>
  );
}
