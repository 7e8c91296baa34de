import type { Limit, QuotaState } from '@/lib/security/rate-limit';

/**
 * How many graded attempts a quiz allows, so that harvesting its key by trying
 * every choice takes days, not seconds. A learner's attempts are counted from
 * their stored attempts in a sliding window; an anonymous visitor's per client
 * address (a classroom shares one, hence more) in a fixed window of the
 * rate_limits table. Refused posts (unknown fields, unanswered questions) are
 * never counted.
 */
export const quizAttemptWindowMs = 8 * 60 * 60_000;
export const quizAttemptsPerLearner = 3;
export const quizAttemptsPerAddress = 10;

/** Whether an attempt may be graded now; after it, how many are left and (when none) when the next one is allowed. */
export type Allowance = { allowed: boolean; left: number; nextAt: Date | null };

/** The start of the window that ends now: attempts at or before it no longer count. */
export function attemptWindowStart(now: Date): Date {
  return new Date(now.getTime() - quizAttemptWindowMs);
}

/**
 * A learner's allowance from the times of their earlier attempts at this quiz
 * (those inside the window count). At the limit, the next attempt is allowed
 * when the oldest attempt that keeps the count at the limit leaves the window.
 */
export function learnerAllowance(earlier: Date[], now: Date): Allowance {
  const since = attemptWindowStart(now).getTime();
  // Attempts stamped after `now` count too: a post that waited for the write lock
  // took its time before another process stored its own.
  const times = earlier.map((at) => at.getTime()).filter((at) => at > since);
  times.sort((a, b) => a - b);
  const expiry = (list: number[]) => new Date(list[list.length - quizAttemptsPerLearner]! + quizAttemptWindowMs);
  if (times.length >= quizAttemptsPerLearner) return { allowed: false, left: 0, nextAt: expiry(times) };
  const after = [...times, now.getTime()];
  const left = quizAttemptsPerLearner - after.length;
  return { allowed: true, left, nextAt: left === 0 ? expiry(after) : null };
}

/** The per-address counter of anonymous attempts at one quiz. */
export function addressLimit(ip: string, course: string, lesson: string): Limit {
  // An address is at most 45 characters; a longer forwarded value is cut, not stored whole.
  return { key: `quiz:ip:${ip.slice(0, 64)}:${course}/${lesson}`, max: quizAttemptsPerAddress, windowMs: quizAttemptWindowMs };
}

/** An anonymous visitor's allowance from the counter, after counting this attempt. */
export function addressAllowance(quota: QuotaState): Allowance {
  if (quota.limited) return { allowed: false, left: 0, nextAt: quota.resetAt };
  return { allowed: true, left: quota.left, nextAt: quota.left === 0 ? quota.resetAt : null };
}
