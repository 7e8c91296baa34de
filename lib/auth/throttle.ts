import 'server-only';
import { checkLimit, consumeLimit, resetLimit, type Limit, type LimitState } from '@/lib/security/rate-limit';

const windowMs = 15 * 60_000;

// Failures allowed per window: few per account (guessing one password),
// more per address (a shared office network signs in many people).
export const signInLimits = {
  account: (email: string): Limit => ({ key: `signin:account:${email}`, max: 5, windowMs }),
  address: (ip: string): Limit => ({ key: `signin:ip:${ip}`, max: 20, windowMs }),
};

export function signInBlocked(email: string, ip: string, now: Date): LimitState {
  const states = [checkLimit(signInLimits.account(email), now), checkLimit(signInLimits.address(ip), now)];
  const blocked = states.filter((state) => state.limited);
  if (blocked.length === 0) return { limited: false, retryAfterMs: 0 };
  return { limited: true, retryAfterMs: Math.max(...blocked.map((state) => state.retryAfterMs)) };
}

export function recordSignInFailure(email: string, ip: string, now: Date): void {
  consumeLimit(signInLimits.account(email), now);
  consumeLimit(signInLimits.address(ip), now);
}

export function recordSignInSuccess(email: string): void {
  resetLimit(signInLimits.account(email));
}
