import type { IncomingHttpHeaders } from 'node:http';
import { bodyLimits } from './body-limits.mjs';

/**
 * The checks our server makes on every request before Next sees it: a few
 * string tests on the request line and headers, never the body. Pure, so that
 * each rule is unit-tested; scripts/lib/request-gate.ts applies them.
 */

/** What is known of a request before its body is read. */
export type RequestHead = { method?: string; url?: string; headers: IncomingHttpHeaders };

export type RefusalCode = 'badRequest' | 'badOrigin' | 'methodNotAllowed' | 'tooLarge' | 'urlTooLong';

/** A request answered here: a refusal, or the answer to OPTIONS (204 with Allow). */
export type Refusal = { status: 204 | 400 | 403 | 405 | 409 | 413 | 414; code?: RefusalCode; reason: string; allow?: string; headers?: Record<string, string> };

/** Longer request targets get 414 (Node itself answers 431 to a header block over 16 kB). */
export const maxUrlLength = 4096;

/**
 * The route handlers (app/**\/route.ts) and the methods each exports; a test
 * checks this table against the files. Every other path is a page: GET, and
 * POST for its forms' server actions. HEAD goes wherever GET does.
 */
export const routeMethods: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^\/api\/progress$/, ['GET', 'POST']],
  [/^\/api\/auth\//, ['GET', 'POST']],
  [/^\/api\//, ['GET']],
  [/^\/(?:captions|transcripts)\//, ['GET']],
  [/^\/certificates\/[^/]+\/pdf$/, ['GET']],
  [/^\/lang\//, ['GET']],
];
const pageMethods = ['GET', 'POST'];

export function servedMethods(path: string): readonly string[] {
  return routeMethods.find(([pattern]) => pattern.test(path))?.[1] ?? pageMethods;
}

export function allowHeader(methods: readonly string[]): string {
  return [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].sort().join(', ');
}

/** Which limit a request's body falls under: Auth.js's endpoints, our JSON handlers, or (any page) a server action. */
export function bodyKind(path: string): keyof typeof bodyLimits {
  if (path.startsWith('/api/auth/')) return 'auth';
  return path.startsWith('/api/') ? 'json' : 'action';
}

/**
 * Every body our server reads itself, bounded by its kind's limit, before
 * Next does (a body is only ever a form post, a heartbeat or a sign-in: a few
 * kB). Next would otherwise pull a streamed body into memory as fast as it
 * comes while a handler is still busy, and a server action's post is decoded
 * by Next and React before any code of ours runs (lib/http/action-post.ts).
 */
export function readsBodyFirst(method: string | undefined): boolean {
  return method === 'POST';
}

const hostPattern = /^(?:[A-Za-z0-9._-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;
const controlCharacter = /[\u0000-\u001f\u007f]/;

/** The path of an origin-form target: a malformed percent-escape or an encoded control character makes Next answer 500. */
function pathProblem(path: string): string | undefined {
  if (!path.includes('%')) return controlCharacter.test(path) ? 'control character in the path' : undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'malformed percent-encoding in the path';
  }
  return controlCharacter.test(decoded) ? 'control character in the path' : undefined;
}

function hostProblem(headers: IncomingHttpHeaders): string | undefined {
  if (!headers.host || !hostPattern.test(headers.host)) return 'missing or malformed Host';
  const forwarded = headers['x-forwarded-host'];
  if (forwarded !== undefined && !String(forwarded).split(',').every((value) => hostPattern.test(value.trim()))) return 'malformed X-Forwarded-Host';
  return undefined;
}

/** Next compares a server action's Origin with the host after `new URL(origin)`, which throws (500) on anything else. */
function originProblem(origin: string | undefined): string | undefined {
  if (origin === undefined || origin === 'null') return undefined;
  try {
    new URL(origin);
    return undefined;
  } catch {
    return 'malformed Origin';
  }
}

/** The host Next compares a server action's Origin with: the first X-Forwarded-Host, else Host. */
function actionHost(headers: IncomingHttpHeaders): string | undefined {
  const forwarded = headers['x-forwarded-host'];
  return (forwarded === undefined ? undefined : String(forwarded).split(',')[0]!.trim()) || headers.host;
}

/** Undefined when the request may go on to Next; else how to answer it here. */
export function checkRequest({ method = '', url = '', headers }: RequestHead): Refusal | undefined {
  if (!url.startsWith('/')) return { status: 400, code: 'badRequest', reason: 'the request target is not a path' };
  if (url.length > maxUrlLength) return { status: 414, code: 'urlTooLong', reason: `URL over ${maxUrlLength} characters` };
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const malformed = pathProblem(path) ?? hostProblem(headers);
  if (malformed) return { status: 400, code: 'badRequest', reason: malformed };

  const methods = servedMethods(path);
  const allow = allowHeader(methods);
  if (method === 'OPTIONS') return { status: 204, reason: 'options', allow };
  if (!methods.includes(method) && !(method === 'HEAD' && methods.includes('GET'))) {
    return { status: 405, code: 'methodNotAllowed', reason: 'method not served here', allow };
  }

  const origin = originProblem(headers.origin);
  if (origin) return { status: 400, code: 'badRequest', reason: origin };
  // Next answers a cross-site action post with a 500 and an error log; it is a refusal.
  if (method === 'POST' && bodyKind(path) === 'action' && headers.origin && headers.origin !== 'null' && new URL(headers.origin).host !== actionHost(headers)) {
    return { status: 403, code: 'badOrigin', reason: 'action posted from another site' };
  }
  const limit = bodyLimits[bodyKind(path)];
  if (Number(headers['content-length'] ?? 0) > limit) return { status: 413, code: 'tooLarge', reason: `Content-Length over ${limit} bytes` };
  return undefined;
}
