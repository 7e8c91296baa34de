// One body limit per kind of request, in bytes, in one place: next.config.mjs
// (Next's own limit for server actions), the request guard of our server
// (lib/http/request-guard.ts) and the JSON handlers (lib/http/api-route.ts)
// read them. Each is enforced while the body streams: 413 before more is read.
export const bodyLimits = {
  /** JSON route handlers (apiRoute): a heartbeat is a few hundred bytes; a route may ask for less. */
  json: 4096,
  /** Auth.js's own endpoints: a sign-in form is a CSRF token, an e-mail and a password. */
  auth: 8192,
  /**
   * Server actions (form posts): the largest form is an editor's correction of
   * at most 5,000 characters (up to 3 bytes each in UTF-8) with a note, and a
   * form's typed values come back with the next post as the action's state.
   */
  action: 65536,
};
