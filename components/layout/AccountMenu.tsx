import { getCurrentUser } from '@/lib/auth/session';
import type { Locale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { UserMenu } from './UserMenu';

/**
 * The header's account corner. Prerendered pages get the island that asks
 * /api/me; server-rendered pages (`fromSession`: /me, editor, admin, search)
 * know the user already, so the menu is right from the first byte, also
 * without JavaScript. Rendered through the layout's @account slot.
 */
export async function AccountMenu({ locale, fromSession = false }: { locale: Locale; fromSession?: boolean }) {
  const t = getTranslator(locale);
  const labels = {
    signIn: t('nav.signIn'),
    signUp: t('nav.signUp'),
    signOut: t('nav.signOut'),
    account: t('nav.account'),
    myProgress: t('nav.myProgress'),
    editor: t('nav.editor'),
    admin: t('nav.admin'),
  };
  if (!fromSession) return <UserMenu locale={locale} labels={labels} />;
  const user = await getCurrentUser();
  return <UserMenu locale={locale} labels={labels} user={user && { name: user.name, role: user.role }} />;
}
