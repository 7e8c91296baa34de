import 'server-only';
import { siteUrl } from '@/lib/env';
import type { Locale } from '@/lib/i18n/locales';

/** An absolute link for an e-mail (SITE_URL, read at run time). */
export function absoluteLink(locale: Locale, page: string, token?: string): string {
  const url = new URL(`/${locale}/${page}`, siteUrl());
  if (token) url.searchParams.set('token', token);
  return url.toString();
}
