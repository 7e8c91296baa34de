import 'server-only';
import { notFound } from 'next/navigation';
import { safeLocalPath } from '@/lib/http/safe-redirect';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Query = Record<string, string | string[] | undefined>;

/** What the sign-in and sign-up pages start from: the locale (or 404), the query, the translator, and where to go after (a local path only). */
export async function authPageContext(params: Promise<{ locale: string }>, searchParams: Promise<Query>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const query = await searchParams;
  const next = safeLocalPath(typeof query.next === 'string' ? query.next : undefined, `/${locale}`);
  return { locale, query, next, t: getTranslator(locale) };
}
