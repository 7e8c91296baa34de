import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, localeCookie } from '@/lib/i18n/locales';
import { safeLocalPath } from '@/lib/http/safe-redirect';

/** Remembers the chosen language and goes to the same page in it. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return NextResponse.json({ error: 'Unknown language' }, { status: 404 });
  const next = safeLocalPath(request.nextUrl.searchParams.get('next'), `/${locale}`);
  const target = next.split('/')[1] === locale ? next : `/${locale}`;
  const response = NextResponse.redirect(new URL(target, request.url), 303);
  response.cookies.set(localeCookie, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
  return response;
}
