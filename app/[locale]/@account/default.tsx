import { AccountMenu } from '@/components/layout/AccountMenu';
import { isLocale } from '@/lib/i18n/locales';

// The header's account corner on every prerendered page: the client island that asks /api/me when the signed-in hint is set.
export default async function AccountSlot({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return isLocale(locale) ? <AccountMenu locale={locale} /> : null;
}
