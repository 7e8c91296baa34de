import type { Limit } from '@/lib/security/rate-limit';

// Reports per 15 minutes: few per address for anonymous senders; a signed-in
// account (accountable) gets more, under a wider cap for its address.
const windowMs = 15 * 60_000;
export const reportLimitMax = { anonymousPerAddress: 5, perAccount: 10, signedInPerAddress: 30 } as const;

export function reportLimitsFor(ip: string, userId?: string): Limit[] {
  if (!userId) return [{ key: `report:ip:${ip}`, max: reportLimitMax.anonymousPerAddress, windowMs }];
  return [
    { key: `report:account:${userId}`, max: reportLimitMax.perAccount, windowMs },
    { key: `report:ip-signed-in:${ip}`, max: reportLimitMax.signedInPerAddress, windowMs },
  ];
}
