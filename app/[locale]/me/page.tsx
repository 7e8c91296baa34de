import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MyReports } from '@/components/reports/MyReports';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { requireUser } from '@/lib/reports/guard';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: getTranslator(locale)('me.title'), robots: { index: false } };
}

/** The signed-in person's page (progress and certificates will join it). */
export default async function MePage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireUser(locale, `/${locale}/me`);
  const t = getTranslator(locale);
  return (
    <>
      <h1>{t('me.title')}</h1>
      <MyReports user={user} locale={locale} />
    </>
  );
}
