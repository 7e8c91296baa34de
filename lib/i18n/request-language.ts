import 'server-only';
import { cookies, headers } from 'next/headers';
import { localeCookie, type Locale } from './locales';
import { negotiateLocale } from './negotiate';

/** For pages outside a /{locale} path (certificates): the visitor's cookie, then Accept-Language. */
export async function requestLanguage(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return negotiateLocale(cookieStore.get(localeCookie)?.value, headerList.get('accept-language'));
}

/** The same, from a route handler's own request (no request scope needed, so handlers can be called directly). */
export function languageOfRequest(request: Request): Locale {
  const cookie = request.headers
    .get('cookie')
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === localeCookie)?.[1];
  return negotiateLocale(cookie, request.headers.get('accept-language'));
}
