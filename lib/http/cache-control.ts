/**
 * How long a cache in front (a CDN, nginx) may keep a prerendered page. Next
 * marks them `s-maxage=31536000` (a year), but an editor's correction must
 * show within a minute: fresh for 30 s, then served stale for at most 30 s
 * more while the cache fetches the new one. Browsers always ask again
 * (`max-age=0`; Next's ETag makes that a 304).
 */
export const sharedCacheSeconds = { fresh: 30, stale: 30 } as const;

const sharedMaxAge = /(?:^|,)\s*s-maxage=(\d+)/i;

/** The Cache-Control Aula sends instead of Next's, for a prerendered page; any other value passes unchanged. */
export function frontCacheControl(value: string): string {
  const match = sharedMaxAge.exec(value);
  if (!match || Number(match[1]) <= sharedCacheSeconds.fresh) return value;
  return `public, max-age=0, s-maxage=${sharedCacheSeconds.fresh}, stale-while-revalidate=${sharedCacheSeconds.stale}`;
}
