/** The encoding an import file is read in: the one its bytes show, or one the user names. */
import type { ImportFormat } from '../../../shared/channels/exchange';
import { FormField } from '../common/FormField';
import { useT } from '../i18n/i18n';

/** The file chosen, its bytes kept so that another encoding can be tried on them. */
export interface ChosenFile {
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

export function EncodingField({ file, onNamed }: { file: ChosenFile; onNamed: (named: string) => void }) {
  const { t } = useT('cite');
  return (
    <FormField id="import-encoding" label={t('import.encoding')} inline>
      {(control) => (
        <select {...control} value={file.named} onChange={(e) => onNamed(e.target.value)}>
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
  );
}
