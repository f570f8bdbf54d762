/**
 * The editors' text boxes and choices, on the one form row (common/FormField), with ids made from
 * the field's name so an error reported for a field path ("links.2") finds its control.
 */
import { FormField } from '../common/FormField';

export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  lang?: string;
  inputMode?: 'text' | 'url' | 'numeric';
  className?: string;
}

export function TextField({
  name,
  label,
  value,
  onChange,
  hint,
  error,
  multiline,
  rows,
  required,
  lang,
  inputMode,
  className,
}: TextFieldProps) {
  return (
    <FormField id={fieldId(name)} label={label} hint={hint} error={error} className={className}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            value={value}
            rows={rows ?? 4}
            lang={lang}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            {...control}
            type="text"
            value={value}
            required={required}
            aria-required={required || undefined}
            lang={lang}
            inputMode={inputMode}
            spellCheck={inputMode === 'url' ? false : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </FormField>
  );
}

interface SelectFieldProps<V extends string> {
  name: string;
  label: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
  hint?: string;
  error?: string | undefined;
}

export function SelectField<V extends string>({
  name,
  label,
  value,
  options,
  onChange,
  hint,
  error,
}: SelectFieldProps<V>) {
  return (
    <FormField id={fieldId(name)} label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
