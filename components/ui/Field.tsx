import type { InputHTMLAttributes, ReactNode } from 'react';

/** What a control needs to be tied to its label, hint and error. */
export type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

type FieldProps = { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: (control: ControlProps) => ReactNode };

/** A labelled control (input, textarea, select…) with its hint and error wired up for screen readers. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {error && (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

type InputFieldProps = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; hint?: string; error?: string };

/** The common case: a text input in a Field. */
export function InputField({ name, label, hint, error, id = `field-${name}`, ...input }: InputFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => <input className="input" name={name} {...input} {...control} />}
    </Field>
  );
}
