import { NextResponse, type NextRequest } from 'next/server';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { localeCookie } from '@/lib/i18n/locales';

/** Only `/` passes through here (see matcher): every other request pays nothing. */
export function proxy(request: NextRequest) {
  const locale = negotiateLocale(request.cookies.get(localeCookie)?.value, request.headers.get('accept-language'));
  const response = NextResponse.redirect(new URL(`/${locale}`, request.url), 307);
  response.headers.set('Vary', 'Cookie, Accept-Language');
  return response;
}

export const config = { matcher: '/' };
