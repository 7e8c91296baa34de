import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { revokeSession } from '@/db/sessions';
import { authSecret } from '@/lib/env';
import { authLogger } from '@/lib/http/auth-logger';
import { clientIp } from '@/lib/http/client-ip';
import { defaultLocale } from '@/lib/i18n/locales';
import { checkCredentials, sessionMaxAgeSeconds } from './credentials';
import { setSessionHint } from './session-hint-server';

/** The sign-in failure codes a form or a scripted client gets back. */
export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
export class ThrottledSignIn extends CredentialsSignin {
  constructor(retryAfterMs: number) {
    super();
    this.code = `throttled-${Math.ceil(retryAfterMs / 60_000)}`;
  }
}
/** Too many passwords being checked right now: try again in a few seconds. */
export class BusySignIn extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `busy-${retryAfterSeconds}`;
  }
}

declare module 'next-auth' {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  // One line without the input for what a client sent and Auth.js refused; nothing for a wrong password.
  logger: authLogger,
  session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
  pages: { signIn: `/${defaultLocale}/login`, error: `/${defaultLocale}/login` },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const result = await checkCredentials(credentials, clientIp(request.headers), new Date(), request.headers.get('user-agent'));
        if (result.ok) return result.user;
        if (result.reason === 'throttled') throw new ThrottledSignIn(result.retryAfterMs);
        if (result.reason === 'busy') throw new BusySignIn(result.retryAfterSeconds);
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // The token carries only the session id; who and which role are read per request.
      if (user?.sessionId) return { sub: user.id, sid: user.sessionId };
      return token;
    },
    session({ session, token }) {
      session.sessionId = typeof token.sid === 'string' ? token.sid : undefined;
      return session;
    },
  },
  events: {
    // The signed-in hint for the page's islands (lib/auth/session-hint.ts); never trusted by the server.
    async signIn() {
      await setSessionHint(true);
    },
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeSession({ sessionId: sid, now: new Date() });
      await setSessionHint(false);
    },
  },
}));
