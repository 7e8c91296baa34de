/**
 * The signed-in hint: a small cookie, readable by scripts, set at sign-in and
 * cleared at sign-out (lib/auth/session-hint-server.ts). It only tells the
 * page's islands whether asking /api/me and /api/progress is worth it, and lets
 * CSS reserve the signed-in layout before they answer. The server never trusts
 * it: every request is still checked against the session.
 */
export const sessionHintCookie = 'aula_session_hint';

const hintPattern = new RegExp(`(?:^|;\\s*)${sessionHintCookie}=1(?:;|$)`);

/**
 * Inline in <head>, so it runs before the first paint: `js` on <html> (what
 * needs JavaScript may show) and `data-session="1"` when the hint is there.
 */
export const headScript = `(function(d){d.classList.add('js');if(${hintPattern}.test(document.cookie))d.dataset.session='1'})(document.documentElement)`;

/** In the browser: does the hint say someone is signed in? (The cookie, not the attribute: it changes when signing in without a reload.) */
export function hasSessionHint(): boolean {
  return typeof document !== 'undefined' && hintPattern.test(document.cookie);
}

/** In the browser, once the server has answered: keep the hint and <html data-session> true to it. */
export function syncSessionHint(signedIn: boolean): void {
  const root = document.documentElement;
  if (signedIn) {
    root.dataset.session = '1';
    // A session signed in before the hint existed: remember it for this browser session.
    if (!hasSessionHint()) document.cookie = `${sessionHintCookie}=1; Path=/; SameSite=Lax`;
  } else {
    delete root.dataset.session;
    if (hasSessionHint()) document.cookie = `${sessionHintCookie}=; Path=/; Max-Age=0; SameSite=Lax`;
  }
}
