'use client';

import { useActionState } from 'react';
import { InputField } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { useKeptSecrets } from './use-kept-secrets';
import { signInAction } from '@/lib/auth/actions';
import { idleForm } from '@/lib/http/form-state';
import type { Locale } from '@/lib/i18n/locales';

type Labels = Record<'email' | 'password' | 'submit', string>;

export function LoginForm({ locale, next, labels, initialError }: { locale: Locale; next: string; labels: Labels; initialError?: string }) {
  const [state, action, pending] = useActionState(signInAction, idleForm);
  const keepSecrets = useKeptSecrets(state);
  const error = state.status === 'error' ? state.message : initialError;
  return (
    <form action={action} noValidate onSubmit={keepSecrets}>
      {error && <Notice tone="error">{error}</Notice>}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <InputField name="email" type="email" label={labels.email} autoComplete="email" required defaultValue={state.values.email} error={state.fieldErrors?.email} />
      <InputField name="password" type="password" label={labels.password} autoComplete="current-password" required error={state.fieldErrors?.password} />
      <button className="button" type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
