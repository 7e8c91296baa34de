'use client';

import { useActionState } from 'react';
import { idleForm, type FormState } from '@/lib/http/form-state';
import { Field } from './Field';
import { Notice } from './Notice';

export type FormField =
  | { kind: 'input'; name: string; label: string; type?: 'text' | 'email' | 'password'; hint?: string; autoComplete?: string; maxLength?: number; defaultValue?: string }
  | { kind: 'select'; name: string; label: string; hint?: string; options: { value: string; label: string }[]; defaultValue?: string }
  | { kind: 'checkbox'; name: string; label: string; value: string };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Values the form posts without showing them (the locale, an id, a token). */
  hidden?: Record<string, string>;
  fields?: FormField[];
  submit: string;
  /** A quieter button, for the less common action of a page. */
  quiet?: boolean;
  /** Prefix of the fields' ids, unique on the page. */
  id: string;
};

/**
 * A form over a formAction, described by its fields: errors next to each field,
 * the message above, typed values kept after an error (React resets
 * uncontrolled fields after an action), and plain HTML that works without
 * JavaScript.
 */
export function ActionForm({ action, hidden = {}, fields = [], submit, quiet = false, id }: Props) {
  const [state, formAction, pending] = useActionState(action, idleForm);
  const value = (name: string, fallback?: string) => state.values[name] ?? fallback;
  return (
    <form action={formAction} noValidate data-testid={id} className="action-form">
      {state.status !== 'idle' && state.message && (
        <Notice tone={state.status === 'success' ? 'success' : 'error'} id={`${id}-message`}>
          {state.message}
        </Notice>
      )}
      {Object.entries(hidden).map(([name, hiddenValue]) => (
        <input key={name} type="hidden" name={name} value={hiddenValue} />
      ))}
      {fields.map((field) => {
        const error = state.fieldErrors?.[field.name];
        if (field.kind === 'checkbox') {
          const controlId = `${id}-${field.name}`;
          return (
            <div className="field field--check" key={`${field.name}-${state.status}`}>
              <label htmlFor={controlId}>
                <input
                  type="checkbox"
                  id={controlId}
                  name={field.name}
                  value={field.value}
                  defaultChecked={state.values[field.name] === field.value}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${controlId}-error` : undefined}
                />{' '}
                {field.label}
              </label>
              {error && (
                <span className="field__error" id={`${controlId}-error`}>
                  {error}
                </span>
              )}
            </div>
          );
        }
        return (
          <Field key={`${field.name}-${state.status}`} id={`${id}-${field.name}`} label={field.label} hint={field.hint} error={error}>
            {(control) =>
              field.kind === 'select' ? (
                <select name={field.name} className="input" defaultValue={value(field.name, field.defaultValue)} {...control}>
                  {field.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  name={field.name}
                  type={field.type ?? 'text'}
                  className="input"
                  autoComplete={field.autoComplete}
                  maxLength={field.maxLength}
                  defaultValue={value(field.name, field.defaultValue)}
                  {...control}
                />
              )
            }
          </Field>
        );
      })}
      <button className={`button${quiet ? ' button--quiet' : ''}`} type="submit" disabled={pending}>
        {submit}
      </button>
    </form>
  );
}
