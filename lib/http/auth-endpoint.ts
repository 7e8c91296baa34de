import 'server-only';
import { NextRequest } from 'next/server';
import { localeCookie } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { readBodyBytes } from './api-route';
import { bodyLimits } from './body-limits.mjs';
import { AppError, toAppError } from './errors';
import { localizeError } from './form-errors';
import { refusalLogLine } from './refusal-response';

type Handler = (request: NextRequest) => Promise<Response>;

const callbackCookies = ['authjs.callback-url', '__Secure-authjs.callback-url'];

/** Auth.js's own test: an absolute http(s) URL, or a path on this site. */
function isValidCallbackUrl(url: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith('/') ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/** Auth.js answers 500 ("server configuration") to a callback URL it refuses, from the query or from its cookie: that input is the client's. */
function hasInvalidCallbackUrl(request: NextRequest): boolean {
  const origin = request.nextUrl.origin;
  const candidates = [request.nextUrl.searchParams.get('callbackUrl'), ...callbackCookies.map((name) => request.cookies.get(name)?.value)];
  return candidates.some((url) => Boolean(url) && !isValidCallbackUrl(url!, origin));
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Auth.js's endpoints under our rules: a body over the Auth.js limit gets 413
 * as it streams (Auth.js itself would read any body whole), and a callback
 * URL Auth.js would refuse gets 400, in the caller's language, with one log
 * line instead of Auth.js's 500.
 */
export function authEndpoint(handler: Handler): Handler {
  return async (request) => {
    try {
      if (hasInvalidCallbackUrl(request)) throw new AppError('badRequest', undefined, 'invalid callback URL');
      if (request.method !== 'POST') return await handler(request);
      const body = await readBodyBytes(request, bodyLimits.auth);
      // Auth.js parses a JSON body itself and logs a stack when it cannot.
      if (request.headers.get('content-type')?.includes('application/json') && !isJson(body)) throw new AppError('badRequest', undefined, 'malformed JSON body');
      const headers = new Headers(request.headers);
      headers.delete('content-length');
      headers.delete('transfer-encoding');
      return await handler(new NextRequest(request.url, { method: 'POST', headers, body: new Uint8Array(body) }));
    } catch (error) {
      const appError = toAppError(error);
      if (appError.status === 400 || appError.status === 413) console.warn(refusalLogLine(request.method, request.nextUrl.pathname, appError.status, appError.message));
      const t = getTranslator(negotiateLocale(request.cookies.get(localeCookie)?.value, request.headers.get('accept-language')));
      return Response.json({ error: localizeError(appError.code, t), code: appError.code }, { status: appError.status, headers: { 'Cache-Control': 'no-store' } });
    }
  };
}
