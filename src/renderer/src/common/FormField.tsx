/**
 * One form row: a label, its control, a hint and an error. The error sits right under the
 * control, is tied to it with aria-describedby/aria-invalid, and is announced (role="alert"); the
 * hint is tied to it too. Every form of the app is made of these (the record editor, authorities,
 * batch edit, settings, import), so a control is labelled and described the same way everywhere.
 */
import type { ReactNode } from 'react';

/** What the row hands its control: spread onto the <input>, <select> or <textarea>. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface Props {
  /** The control's id; the hint and error are `${id}-hint` and `${id}-error`. */
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  className?: string;
  /** The label beside the control, in a two-column form (settings), rather than above it. */
  inline?: boolean;
  children: (control: ControlProps) => ReactNode;
}

export function FormField({ id, label, hint, error, className, inline, children }: Props) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const classes = ['form-field', inline ? 'inline' : '', error ? 'has-error' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
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
