/** What an import does with duplicates, possible duplicates and rows it cannot read. */
import { FormField } from '../common/FormField';
import { useT } from '../i18n/i18n';

interface Props {
  duplicates: 'skip' | 'merge';
  possibleDuplicates: 'import' | 'skip';
  skipBadRows: boolean;
  onDuplicates: (value: 'skip' | 'merge') => void;
  onPossibleDuplicates: (value: 'import' | 'skip') => void;
  onSkipBadRows: (value: boolean) => void;
}

export function ImportChoices(props: Props) {
  const { duplicates, possibleDuplicates, skipBadRows } = props;
  const { t } = useT('cite');
  return (
    <>
      <FormField id="import-duplicates" label={t('import.duplicates')} inline>
        {(control) => (
          <select
            {...control}
            value={duplicates}
            onChange={(e) => props.onDuplicates(e.target.value as 'skip' | 'merge')}
          >
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
            onChange={(e) => props.onPossibleDuplicates(e.target.value as 'import' | 'skip')}
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
              onChange={(e) => props.onSkipBadRows(e.target.checked)}
            />{' '}
            {t('import.skipBadRows')}
          </span>
        )}
      </FormField>
    </>
  );
}
