import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, localeCookie } from '@/lib/i18n/locales';
import { switchLocalePath } from '@/lib/i18n/switch-locale';

export const dynamic = 'force-dynamic';

/** Remembers the chosen language and goes to the page the visitor was on, in it. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return NextResponse.json({ error: 'Unknown language' }, { status: 404 });
  const target = switchLocalePath(request.headers.get('referer'), request.headers.get('host'), locale);
  // A relative Location keeps the visitor on the host they used (127.0.0.1, a proxy's name…).
  const response = new NextResponse(null, { status: 303, headers: { Location: target, 'Cache-Control': 'no-store' } });
  response.cookies.set(localeCookie, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
  return response;
}
