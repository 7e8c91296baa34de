'use client';

import { useActionState } from 'react';
import { Notice } from '@/components/ui/Notice';
import { changeRoleAction } from '@/lib/admin/actions';
import { idleForm } from '@/lib/http/form-state';
import type { Locale } from '@/lib/i18n/locales';

type Labels = Record<'confirm' | 'submit', string>;

/** The confirmation step: a required checkbox and a submit; works as a plain form without JavaScript. */
export function RoleChangeForm({ locale, userId, role, labels }: { locale: Locale; userId: string; role: string; labels: Labels }) {
  const [state, action, pending] = useActionState(changeRoleAction, idleForm);
  return (
    <form action={action} className="role-confirm">
      {state.status === 'error' && (
        <Notice tone="error">
          <p data-testid="role-error">{state.fieldErrors?.confirm ?? state.message}</p>
        </Notice>
      )}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={role} />
      <p>
        <label className="toggle">
          <input type="checkbox" name="confirm" value="yes" /> {labels.confirm}
        </label>
      </p>
      <button className="button" type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
