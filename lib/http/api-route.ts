import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import type { Role } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import { localeCookie } from '@/lib/i18n/locales';
import { getTranslator, type Translate } from '@/lib/i18n/messages';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { bodyLimits } from './body-limits.mjs';
import { AppError, toAppError } from './errors';
import { localizeError } from './form-errors';
import { refusalLogLine } from './refusal-response';

type Context<I> = { user: CurrentUser | null; input: I; request: Request; t: Translate };

type Options<S extends z.ZodType> = {
  /** 'public', any signed-in user ('user'), or at least this role. */
  access: 'public' | 'user' | Role;
  /** Parses the JSON body (POST) or the query string (GET). */
  schema: S;
  /** At most the JSON handlers' limit (lib/http/body-limits.mjs), which our server also checks against Content-Length. */
  maxBytes?: number;
  /** Returns the JSON body, or a whole Response (a stream, a file) after the same checks. */
  run: (context: Context<z.infer<S>>) => unknown;
};

function cookieValue(request: Request, name: string): string | undefined {
  return request.headers
    .get('cookie')
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];
}

/** Our own pages send an Origin on POST; a foreign one is refused (CSRF), a missing one (scripts) is not. */
function foreignOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.get('host');
  } catch {
    return true;
  }
}

/** Reads at most `maxBytes` of the body, stopping as soon as more arrives (a chunked body has no Content-Length to check first). */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw new AppError('tooLarge');
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError('tooLarge');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return (await readBodyBytes(request, maxBytes)).toString('utf8');
}

async function readInput(request: Request, maxBytes: number): Promise<unknown> {
  if (request.method === 'GET') return Object.fromEntries(new URL(request.url).searchParams);
  const text = await readBodyText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('badRequest', undefined, 'malformed JSON');
  }
}

/**
 * The one wrapper for JSON route handlers: Origin check → authenticate →
 * authorize → parse with zod → run → JSON, or `{ error, code }` with the
 * status of the typed error, in the caller's language. Never a bare 500 page.
 * A streamed answer (CSV export) returns its own Response from `run`.
 */
export function apiRoute<S extends z.ZodType>({ access, schema, maxBytes = bodyLimits.json, run }: Options<S>) {
  return async (request: Request): Promise<Response> => {
    const t = getTranslator(negotiateLocale(cookieValue(request, localeCookie), request.headers.get('accept-language')));
    const fail = (error: AppError, detail?: string) => {
      // Malformed or oversized input: one line, never the body.
      if (error.status === 400 || error.status === 413) console.warn(refusalLogLine(request.method, new URL(request.url).pathname, error.status, detail ?? error.code));
      return NextResponse.json(
        { error: localizeError(error.code, t, error.vars), code: error.code, ...(detail && { detail }) },
        { status: error.status, headers: { 'Cache-Control': 'no-store', ...(error.retryAfterSeconds !== undefined && { 'Retry-After': String(error.retryAfterSeconds) }) } },
      );
    };
    try {
      if (request.method !== 'GET' && foreignOrigin(request)) return fail(new AppError('badOrigin'));
      const user = access === 'public' ? null : await getCurrentUser();
      if (access !== 'public' && !user) return fail(new AppError('unauthorized'));
      if (user && access !== 'public' && access !== 'user' && !hasRole(user, access)) return fail(new AppError('forbidden'));
      const parsed = schema.safeParse(await readInput(request, maxBytes));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return fail(new AppError('badRequest'), issue && `${issue.path.join('.') || 'body'}: ${issue.message}`);
      }
      const data = await run({ user, input: parsed.data, request, t });
      if (data instanceof Response) return data;
      return NextResponse.json(data, { headers: { 'Cache-Control': 'private, no-store' } });
    } catch (error) {
      const appError = toAppError(error);
      return fail(appError, appError.code === 'badRequest' && appError.message !== 'badRequest' ? appError.message : undefined);
    }
  };
}
