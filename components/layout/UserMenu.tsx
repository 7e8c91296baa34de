'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { signOutAction } from '@/lib/auth/actions';
import type { Locale } from '@/lib/i18n/locales';

type Labels = Record<'signIn' | 'signUp' | 'signOut' | 'account' | 'myProgress' | 'editor' | 'admin', string>;
type Me = { name: string; role: 'learner' | 'editor' | 'admin' } | null;

/**
 * Sign-in links, or the user's menu once /api/me answers. Loaded on the client
 * so that every page stays prerendered and the same for everyone.
 */
export function UserMenu({ locale, labels }: { locale: Locale; labels: Labels }) {
  const [me, setMe] = useState<Me>(null);
  const pathname = usePathname();
  const back = `?next=${encodeURIComponent(pathname ?? `/${locale}`)}`;
  // Asked again after every navigation: signing in or out navigates without reloading the header.
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/me', { signal: controller.signal, cache: 'no-store' })
      .then(async (response) => (await response.json().catch(() => null)) ?? { user: null })
      .then((body: { user: Me }) => setMe(body.user))
      .catch(() => undefined);
    return () => controller.abort();
  }, [pathname]);

  if (!me) {
    return (
      <>
        <a className="button button--quiet" href={`/${locale}/login${back}`}>
          {labels.signIn}
        </a>
        <a className="button" href={`/${locale}/register${back}`}>
          {labels.signUp}
        </a>
      </>
    );
  }
  return (
    <details className="menu" data-testid="user-menu">
      <summary className="button button--quiet">
        <span className="visually-hidden">{labels.account}: </span>
        {me.name}
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
