import { AccountMenu } from '@/components/layout/AccountMenu';
import { isLocale } from '@/lib/i18n/locales';

/** The account corner on server-rendered pages: the user read from the session, in the first byte. */
export async function SessionAccountSlot({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return isLocale(locale) ? <AccountMenu locale={locale} fromSession /> : null;
}
