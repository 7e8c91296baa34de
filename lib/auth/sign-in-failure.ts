import type { Translate } from '@/lib/i18n/messages';
import { localizeError } from '@/lib/http/form-errors';

/** A refused sign-in's code from Auth.js (`throttled-<minutes>`, `busy-<seconds>`, else a wrong password) as the message a person reads. */
export function signInFailureMessage(code: string, t: Translate): string {
  const throttled = /^throttled-(\d+)$/.exec(code);
  if (throttled) return localizeError('tooManyAttempts', t, { minutes: throttled[1]! });
  const busy = /^busy-(\d+)$/.exec(code);
  if (busy) return localizeError('busy', t, { seconds: busy[1]! });
  return localizeError('invalidCredentials', t);
}

/** When a refused sign-in may be tried again, in seconds, if its code says so (for Retry-After). */
export function retryAfterSecondsOf(code: string): number | undefined {
  const match = /^(throttled|busy)-(\d+)$/.exec(code);
  if (!match) return undefined;
  return match[1] === 'throttled' ? Number(match[2]) * 60 : Number(match[2]);
}
