'use client';

import { useActionState } from 'react';
import { InputField } from '@/components/ui/Field';
import { PasswordField } from './PasswordField';
import { Notice } from '@/components/ui/Notice';
import { useKeptSecrets } from './use-kept-secrets';
import { registerAction } from '@/lib/auth/actions';
import { idleForm } from '@/lib/http/form-state';
import type { Locale } from '@/lib/i18n/locales';

type Labels = Record<'name' | 'email' | 'password' | 'passwordHint' | 'showPassword' | 'submit', string>;

export function RegisterForm({ locale, next, labels }: { locale: Locale; next: string; labels: Labels }) {
  const [state, action, pending] = useActionState(registerAction, idleForm);
  const keepSecrets = useKeptSecrets(state);
  return (
    <form action={action} noValidate onSubmit={keepSecrets}>
      {state.status === 'error' && state.message && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <InputField name="name" label={labels.name} autoComplete="name" required maxLength={100} defaultValue={state.values.name} error={state.fieldErrors?.name} />
      <InputField name="email" type="email" label={labels.email} autoComplete="email" required defaultValue={state.values.email} error={state.fieldErrors?.email} />
      {/* The server echoes the password back when it refuses the form (lib/auth/actions.ts): nothing to type twice. */}
      <PasswordField
        name="password"
        label={labels.password}
        hint={labels.passwordHint}
        showLabel={labels.showPassword}
        autoComplete="new-password"
        defaultValue={state.values.password}
        error={state.fieldErrors?.password}
      />
      <button className="button" type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
