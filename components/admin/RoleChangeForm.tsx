'use client';

import { useActionState } from 'react';
import { Notice } from '@/components/ui/Notice';
import { changeRoleAction } from '@/lib/admin/actions';
import { idleForm } from '@/lib/http/form-state';
import type { Locale } from '@/lib/i18n/locales';

type Props = { locale: Locale; userId: string; role: string; back: { q?: string; page: number }; labels: Record<'submit', string> };

/** The confirmation step: one button (the page itself asks the question); works as a plain form without JavaScript. */
export function RoleChangeForm({ locale, userId, role, back, labels }: Props) {
  const [state, action, pending] = useActionState(changeRoleAction, idleForm);
  return (
    <form action={action} className="role-confirm">
      {state.status === 'error' && (
        <Notice tone="error">
          <p data-testid="role-error">{state.message}</p>
        </Notice>
      )}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={role} />
      {back.q && <input type="hidden" name="q" value={back.q} />}
      <input type="hidden" name="page" value={back.page} />
      <button className="button" type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
