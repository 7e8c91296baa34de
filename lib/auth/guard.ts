import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import type { Role } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import type { Locale } from '@/lib/i18n/locales';

/** For per-user pages: anonymous → sign-in page (and back here), without the role → 403. Checked on every request. */
export async function requireUser(locale: Locale, here: string, role?: Role): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/${locale}/login?next=${encodeURIComponent(here)}`);
  if (role && !hasRole(user, role)) forbidden();
  return user;
}
