import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { hasRole } from '@/lib/auth/roles';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import type { Locale } from '@/lib/i18n/locales';

/** Every admin page calls this on the server: anonymous → sign in and come back; others → 403. */
export async function requireAdmin(locale: Locale, path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/${locale}/login?next=${encodeURIComponent(path)}`);
  if (!hasRole(user, 'admin')) forbidden();
  return user;
}
