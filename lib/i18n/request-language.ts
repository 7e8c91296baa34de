import 'server-only';
import { cookies, headers } from 'next/headers';
import { localeCookie, type Locale } from './locales';
import { negotiateLocale } from './negotiate';

/** For pages outside a /{locale} path (certificates): the visitor's cookie, then Accept-Language. */
export async function requestLanguage(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return negotiateLocale(cookieStore.get(localeCookie)?.value, headerList.get('accept-language'));
}
