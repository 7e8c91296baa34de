import type { Limit } from '@/lib/security/rate-limit';

// Reports per 15 minutes. An address may be a whole classroom behind one
// router, so it gets a classroom-sized cap; each anonymous browser (an
// HttpOnly cookie the report form sets) gets the small one. A script that drops
// cookies gets a new browser id each time and so meets only the address cap.
// A signed-in account (accountable) has its own cap, under a wider one for its
// address.
const windowMs = 15 * 60_000;
export const reportLimitMax = { anonymousPerBrowser: 5, anonymousPerAddress: 30, perAccount: 10, signedInPerAddress: 100 } as const;

/** The cookie naming an anonymous reporter's browser (random, no personal data). */
export const reporterCookie = 'aula_reporter';

export function reportLimitsFor({ ip, userId, browser }: { ip: string; userId?: string; browser: string }): Limit[] {
  if (!userId) {
    return [
      { key: `report:browser:${browser}`, max: reportLimitMax.anonymousPerBrowser, windowMs },
      { key: `report:ip:${ip}`, max: reportLimitMax.anonymousPerAddress, windowMs },
    ];
  }
  return [
    { key: `report:account:${userId}`, max: reportLimitMax.perAccount, windowMs },
    { key: `report:ip-signed-in:${ip}`, max: reportLimitMax.signedInPerAddress, windowMs },
  ];
}
