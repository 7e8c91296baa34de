'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { signOutAction } from '@/lib/auth/actions';
import { hasSessionHint, syncSessionHint } from '@/lib/auth/session-hint';
import type { Locale } from '@/lib/i18n/locales';

export type UserMenuLabels = Record<'signIn' | 'signUp' | 'signOut' | 'account' | 'myProgress' | 'editor' | 'admin', string>;
export type MenuUser = { name: string; role: 'learner' | 'editor' | 'admin' };

const subscribeToNothing = () => () => {};

type Props = {
  locale: Locale;
  labels: UserMenuLabels;
  /** Known on a server-rendered page (null: signed out); left out on prerendered pages, which ask /api/me. */
  user?: MenuUser | null;
};

/**
 * Sign-in links, or the user's menu. On a prerendered page it asks /api/me,
 * only when the signed-in hint says so (visitors make no request); until it
 * knows, CSS shows a placeholder of the menu's size where the hint is set.
 */
export function UserMenu({ locale, labels, user: known }: Props) {
  const [fetched, setFetched] = useState<MenuUser | null>();
  const pathname = usePathname();
  // The cookie is read in the browser only (null while hydrating), and again on every render: signing in or out changes it without a reload.
  const hinted = useSyncExternalStore(subscribeToNothing, hasSessionHint, () => null);
  const back = `?next=${encodeURIComponent(pathname ?? `/${locale}`)}`;
  // Asked again after every navigation: signing in or out navigates without reloading the header.
  useEffect(() => {
    if (known !== undefined) return syncSessionHint(known !== null);
    if (!hinted) return;
    const controller = new AbortController();
    fetch('/api/me', { signal: controller.signal, cache: 'no-store' })
      .then(async (response) => ((await response.json().catch(() => null)) as { user?: MenuUser } | null)?.user ?? null)
      .then((user) => {
        syncSessionHint(user !== null);
        setFetched(user);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [pathname, known, hinted]);

  const me = known !== undefined ? known : hinted === false ? null : fetched;
  if (!me) {
    const links = (
      <>
        <a className="button button--quiet" href={`/${locale}/login${back}`}>
          {labels.signIn}
        </a>
        <a className="button" href={`/${locale}/register${back}`}>
          {labels.signUp}
        </a>
      </>
    );
    if (me === null) return links;
    return (
      <>
        <span className="user-menu__anon">{links}</span>
        <span className="button button--quiet user-menu__pending" aria-hidden="true" data-testid="user-menu-pending" />
      </>
    );
  }
  return (
    <details className="menu" data-testid="user-menu">
      <summary className="button button--quiet">
        <span className="visually-hidden">{labels.account}: </span>
        <span className="user-menu__name">{me.name}</span>
      </summary>
      <ul className="menu__list">
        <li>
          <a href={`/${locale}/me`}>{labels.myProgress}</a>
        </li>
        {me.role !== 'learner' && (
          <li>
            <a href={`/${locale}/editor`}>{labels.editor}</a>
          </li>
        )}
        {me.role === 'admin' && (
          <li>
            <a href={`/${locale}/admin`}>{labels.admin}</a>
          </li>
        )}
        <li>
          <form action={signOutAction}>
            <input type="hidden" name="locale" value={locale} />
            <button type="submit">{labels.signOut}</button>
          </form>
        </li>
      </ul>
    </details>
  );
}
