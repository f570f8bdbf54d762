/**
 * A date typed the way it is written — "Sept 2018", "14/09/2018", "c. 1988", "1988–1990",
 * "2018年9月" — with what was understood shown beside it as you type ("14 September 2018",
 * "circa 1988"), or what could not be read. The service still has the last word on save.
 */
import { describeDateEntry, parseDateEntry } from '../../../shared/partial-date';
import { currentLanguage, useT } from '../i18n/i18n';
import { FormField } from '../common/FormField';
import { fieldId } from './Field';
import { dateProblemText } from './date-messages';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** A single exact date only (the day an agreement was signed). */
  single?: boolean;
  /** Exact dates and ranges, nothing approximate (authority records have no "approximate" flag). */
  exact?: boolean;
  className?: string;
}

export function DateField({ name, label, value, onChange, error, single, exact, className }: Props) {
  const { t } = useT('editor');
  const options = single ? { range: false, approximate: false } : exact ? { approximate: false } : {};
  const read = parseDateEntry(value, options);
  const understood = read.ok && read.value ? describeDateEntry(read.value, currentLanguage()) : null;
  const problem = !read.ok ? dateProblemText(t, read.problem) : null;
  return (
    <FormField
      id={fieldId(name)}
      label={label}
      hint={single ? t('date.hintSingle') : exact ? t('date.hintExact') : t('date.hint')}
      error={error}
      className={`date-field${className ? ` ${className}` : ''}`}
    >
      {(control) => (
        <div className="date-entry">
          <input
            {...control}
            aria-describedby={[control['aria-describedby'], `${control.id}-parsed`].filter(Boolean).join(' ')}
            type="text"
            autoComplete="off"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          <output
            id={`${control.id}-parsed`}
            htmlFor={control.id}
            className={`date-parsed${problem ? ' unreadable' : ''}`}
            aria-live="polite"
          >
            {understood ? <>{t('date.understood', { value: understood })}</> : problem && !error ? problem : ''}
          </output>
        </div>
      )}
    </FormField>
  );
}
