import type { MessageVars } from '@/lib/i18n/messages';

const statusByCode = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  badOrigin: 403,
  notFound: 404,
  methodNotAllowed: 405,
  lastAdmin: 409,
  tooLarge: 413,
  urlTooLong: 414,
  tooManyAttempts: 429,
  slowDown: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof statusByCode;

/**
 * The one error type actions and handlers throw on purpose: a code that maps to
 * an HTTP status and to a localized, safe message (`errors.<code>`). Anything
 * else thrown is logged and shown as `internal`.
 */
export class AppError extends Error {
  readonly status: number;
  /** For 429 and 503: when the client may try again (the Retry-After header). */
  readonly retryAfterSeconds?: number;
  constructor(
    readonly code: ErrorCode,
    readonly vars?: MessageVars,
    detail?: string,
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(detail ?? code);
    this.name = 'AppError';
    this.status = statusByCode[code];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  console.error(error);
  return new AppError('internal');
}
