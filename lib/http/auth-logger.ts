/**
 * Auth.js's logger. What a client sent and Auth.js refused (a garbage or
 * expired session cookie, a bad callback URL, a missing CSRF token, an unknown
 * endpoint) is one short line with the error's type: no stack, and not the
 * message, which can echo the input (a callback URL, a token). A wrong password
 * is an expected outcome and not logged. Anything else is a fault of ours and
 * keeps its stack.
 */
const refusedTypes = new Set([
  'JWTSessionError',
  'SessionTokenError',
  'InvalidCallbackUrl',
  'MissingCSRF',
  'UnknownAction',
  'InvalidCheck',
  'InvalidProvider',
  'Verification',
  'AccessDenied',
]);

export const authLogger = {
  error(error: Error): void {
    const type = (error as { type?: unknown }).type;
    const kind = typeof type === 'string' ? type : error.name;
    if (kind === 'CredentialsSignin') return;
    if (refusedTypes.has(kind)) {
      console.warn(`[auth] refused: ${kind}`);
      return;
    }
    console.error('[auth]', error);
  },
};
