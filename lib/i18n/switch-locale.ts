import { isLocale, type Locale } from './locales';

/**
 * The same page in another language: the path of `referer` (when it comes from
 * our own host) with its locale segment replaced, query kept. Otherwise the catalog.
 */
export function switchLocalePath(referer: string | null, ownHost: string | null, to: Locale): string {
  if (!referer) return `/${to}`;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return `/${to}`;
  }
  if (!ownHost || url.host !== ownHost) return `/${to}`;
  const segments = url.pathname.split('/');
  if (!isLocale(segments[1])) return `/${to}`;
  segments[1] = to;
  return `${segments.join('/')}${url.search}`;
}
