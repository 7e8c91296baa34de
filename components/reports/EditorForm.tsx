'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { idleForm, type FormState } from '@/lib/http/form-state';

type TextField = { name: string; label: string; hint?: string; rows?: number; defaultValue?: string; maxLength?: number };
type Submit = { label: string; name?: string; value?: string; quiet?: boolean };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  fields?: TextField[];
  submits: Submit[];
  testId?: string;
};

/** An editor's form over a formAction: errors next to the fields, typed text kept, works without JavaScript. */
export function EditorForm({ action, hidden, fields = [], submits, testId }: Props) {
  const [state, formAction, pending] = useActionState(action, idleForm);
  const idOf = (name: string) => `${testId ?? 'editor'}-${name}`;
  return (
    <form action={formAction} noValidate data-testid={testId}>
      {state.status === 'error' && state.message && <Notice tone="error">{state.message}</Notice>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => (
        <Field key={field.name} id={idOf(field.name)} label={field.label} hint={field.hint} error={state.fieldErrors?.[field.name]}>
          {(control) => (
            <textarea name={field.name} className="input" rows={field.rows ?? 2} maxLength={field.maxLength} defaultValue={state.values[field.name] ?? field.defaultValue} {...control} />
          )}
        </Field>
      ))}
      <div className="actions">
        {submits.map((submit) => (
          <button
            key={submit.value ?? submit.label}
            className={`button${submit.quiet ? ' button--quiet' : ''}`}
            type="submit"
            name={submit.name}
            value={submit.value}
            disabled={pending}
          >
            {submit.label}
          </button>
        ))}
      </div>
    </form>
  );
}
