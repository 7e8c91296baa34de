import 'server-only';
import { localeCookie } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { retryAfterSecondsOf, signInFailureMessage } from './sign-in-failure';

/** Where Auth.js sends a refused sign-in: the redirect's Location, or `{ url }` when asked for JSON (X-Auth-Return-Redirect). */
async function failureUrl(response: Response): Promise<URL | undefined> {
  const location = response.headers.get('location');
  const url = location ?? (response.headers.get('content-type')?.includes('json') ? ((await response.clone().json().catch(() => null)) as { url?: unknown } | null)?.url : undefined);
  return typeof url === 'string' && URL.canParse(url, 'http://x') ? new URL(url, 'http://x') : undefined;
}

/**
 * A client that posts to the credentials callback itself (a script; our forms
 * sign in through server actions) gets `429` with `Retry-After` and a localized
 * `{ error, code }` when the sign-in was refused for being throttled or for the
 * password queue being full, rather than a redirect that reads like any failure.
 * Every other answer passes unchanged.
 */
export async function refusedSignInAs429(request: Request, response: Response): Promise<Response> {
  const code = (await failureUrl(response))?.searchParams.get('code');
  const seconds = code ? retryAfterSecondsOf(code) : undefined;
  if (!code || seconds === undefined) return response;
  const cookie = /(?:^|;\s*)([^=;]+)=([^;]*)/g;
  const locale = negotiateLocale(
    [...(request.headers.get('cookie') ?? '').matchAll(cookie)].find((match) => match[1] === localeCookie)?.[2],
    request.headers.get('accept-language'),
  );
  const headers = new Headers({ 'Retry-After': String(seconds), 'Cache-Control': 'no-store' });
  for (const value of response.headers.getSetCookie()) headers.append('Set-Cookie', value);
  const body = { error: signInFailureMessage(code, getTranslator(locale)), code: code.startsWith('busy') ? 'busy' : 'tooManyAttempts' };
  return Response.json(body, { status: 429, headers });
}
