import 'server-only';
import { cookies } from 'next/headers';
import { sessionMaxAgeSeconds } from './credentials';
import { sessionHintCookie } from './session-hint';

const options = { path: '/', sameSite: 'lax', httpOnly: false, maxAge: sessionMaxAgeSeconds } as const;

/** Called from Auth.js's signIn and signOut events (a server action or the auth route: cookies can be written). */
export async function setSessionHint(signedIn: boolean): Promise<void> {
  try {
    const jar = await cookies();
    if (signedIn) jar.set(sessionHintCookie, '1', options);
    else jar.set(sessionHintCookie, '', { ...options, maxAge: 0 });
  } catch {
    // Not in a request that can set cookies: the hint is only a hint, the islands correct it.
  }
}
