import 'server-only';
import { consumeAll, isMarked, markKey, refundLimit, resetLimit, type Limit } from '@/lib/security/rate-limit';

const minute = 60_000;

/**
 * Sign-in attempts per window, counted before the password is checked:
 * - per account × address: 5 / 15 min, the guesser's own budget for one account;
 * - per account from anywhere: 50 / hour, so that a botnet cannot guess freely
 *   either; it does not apply from an address the account signed in from in the
 *   last 30 days, so a botnet that fills it locks the owner out only where they
 *   have never (recently) signed in before;
 * - per address: 20 / 15 min across accounts (an office shares one address).
 * Only failures stay counted: a success takes its own hits back and clears its
 * account × address counter.
 */
export const signInLimits = {
  accountAddress: (email: string, ip: string): Limit => ({ key: `signin:account-address:${email} ${ip}`, max: 5, windowMs: 15 * minute }),
  account: (email: string): Limit => ({ key: `signin:account:${email}`, max: 50, windowMs: 60 * minute }),
  address: (ip: string): Limit => ({ key: `signin:ip:${ip}`, max: 20, windowMs: 15 * minute }),
  /** A mark, not a counter: this account signed in from this address. */
  knownAddress: (email: string, ip: string): Limit => ({ key: `signin:known:${email} ${ip}`, max: 0, windowMs: 30 * 24 * 60 * minute }),
};

/** A sign-in attempt that was counted; settle it once its password check is done (or did not happen). */
export type SignInAttempt = { email: string; ip: string; counted: Limit[] };

/** Counts the attempt on every limit that applies, atomically and before any hashing; refused when any is full. */
export async function countSignInAttempt(email: string, ip: string, now: Date): Promise<{ attempt: SignInAttempt } | { retryAfterMs: number }> {
  const known = await isMarked(signInLimits.knownAddress(email, ip), now);
  const counted = [signInLimits.accountAddress(email, ip), signInLimits.address(ip), ...(known ? [] : [signInLimits.account(email)])];
  const state = await consumeAll(counted, now);
  return state.limited ? { retryAfterMs: state.retryAfterMs } : { attempt: { email, ip, counted } };
}

/** A failure stays counted; a success or an attempt never evaluated (the server was busy) takes its hits back. */
export async function settleSignInAttempt(attempt: SignInAttempt, outcome: 'failure' | 'success' | 'not-evaluated', now: Date): Promise<void> {
  if (outcome === 'failure') return;
  for (const limit of attempt.counted) await refundLimit(limit, now);
  if (outcome === 'success') {
    await resetLimit(signInLimits.accountAddress(attempt.email, attempt.ip));
    await markKey(signInLimits.knownAddress(attempt.email, attempt.ip), now);
  }
}
