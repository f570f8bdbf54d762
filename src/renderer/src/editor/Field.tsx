/**
 * One labelled control with its hint and its error. The error sits right under the control,
 * is tied to it with aria-describedby/aria-invalid, and is announced (role="alert").
 */
import type { ReactNode } from 'react';

export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ name, label, hint, error, className, children }: FieldProps) {
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`form-field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
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

export function TextField({ name, label, value, onChange, hint, error, multiline, rows, required, lang, inputMode, className }: TextFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} error={error} className={className}>
      {(control) =>
        multiline ? (
          <textarea {...control} value={value} rows={rows ?? 4} lang={lang} onChange={(e) => onChange(e.target.value)} />
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
    </Field>
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

export function SelectField<V extends string>({ name, label, value, options, onChange, hint, error }: SelectFieldProps<V>) {
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
