import { allowanceCapSeconds, fastestPlaybackRate } from './rules';

export { allowanceCapSeconds } from './rules';

/**
 * The learner's allowance now: what was left at `refilledAt`, grown at the
 * fastest playback speed since, never above the cap. A learner with no
 * allowance yet starts full.
 */
export function availableCredit(balance: number, refilledAt: Date | null, now: Date): number {
  if (!refilledAt) return allowanceCapSeconds;
  const elapsed = Math.max(0, (now.getTime() - refilledAt.getTime()) / 1000);
  return Math.min(allowanceCapSeconds, balance + elapsed * fastestPlaybackRate);
}
