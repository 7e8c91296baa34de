import { isLocale, localeCookie, localeTags, type Locale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import type { RequestHead, Refusal } from './request-guard';
import { securityHeaders } from './security-headers.mjs';

/** A whole answer, ready to write: what our server sends for a request it refuses before Next. */
export type PlainResponse = { status: number; headers: Record<string, string>; body: string };

const maxLoggedPath = 200;

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, value] = part.trim().split('=');
    if (key === name) return value;
  }
  return undefined;
}

/** The page's own language when the path names one, else the visitor's (cookie, Accept-Language). */
export function refusalLocale({ url = '', headers }: RequestHead): Locale {
  const first = url.split(/[/?]/)[1];
  if (isLocale(first)) return first;
  const acceptLanguage = headers['accept-language'];
  return negotiateLocale(cookie(headers.cookie, localeCookie), typeof acceptLanguage === 'string' ? acceptLanguage.slice(0, 256) : null);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const style = `:root{color-scheme:light dark;--bg:#fbfaf7;--text:#1f2328;--muted:#57606a;--accent:#0b6e69;--on-accent:#fff;--focus:#b35c00}
@media (prefers-color-scheme:dark){:root{--bg:#15191d;--text:#e8eaed;--muted:#a9b1ba;--accent:#5cc8bf;--on-accent:#0b1f1e;--focus:#ffb35c}}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;font-size:1.0625rem;line-height:1.6;background:var(--bg);color:var(--text)}
main{max-width:40rem;margin:0 auto;padding:3rem 1rem}h1{font-size:1.8rem;line-height:1.25;margin:0 0 .5em}p{margin:0 0 1em}.hint{color:var(--muted)}
a{display:inline-block;padding:.55rem 1rem;border-radius:10px;background:var(--accent);color:var(--on-accent);font-weight:600;text-decoration:none}
a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}`;

function page(locale: Locale, message: string): string {
  const t = getTranslator(locale);
  const title = escapeHtml(t('refused.title'));
  return `<!DOCTYPE html><html lang="${localeTags[locale]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title} · Aula</title><style>${style}</style></head><body><main><h1>${title}</h1><p>${escapeHtml(message)}</p><p class="hint">${escapeHtml(t('refused.hint'))}</p><p><a href="/${locale}">${escapeHtml(t('refused.home'))}</a></p></main></body></html>`;
}

/** The localized answer: `{ error, code }` JSON under /api, a small page elsewhere; with Allow for 405 and OPTIONS. */
export function refusalResponse(refusal: Refusal, head: RequestHead): PlainResponse {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...(refusal.allow && { Allow: refusal.allow }), ...refusal.headers };
  for (const { key, value } of securityHeaders) headers[key] = value;
  if (!refusal.code) return { status: refusal.status, headers: { ...headers, 'Content-Length': '0' }, body: '' };
  const locale = refusalLocale(head);
  const message = getTranslator(locale)(`errors.${refusal.code}`);
  const json = (head.url ?? '').startsWith('/api/');
  const body = json ? JSON.stringify({ error: message, code: refusal.code }) : page(locale, message);
  headers['Content-Type'] = json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(body));
  return { status: refusal.status, headers, body };
}

/** Printable and short: control characters (a forged log line) escaped, the query (it may hold anything) left out. */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0]!;
  const short = path.length > maxLoggedPath ? `${path.slice(0, maxLoggedPath)}…` : path;
  return short.replace(/[\u0000-\u001f\u007f-\u009f\\]/g, (c) => (c === '\\' ? '\\\\' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** One line per refused request: never a stack, a header or a body, so never a password or a token. */
export function refusalLogLine(method: string | undefined, url: string | undefined, status: number, reason: string): string {
  return `[refused] ${status} ${(method ?? '?').slice(0, 16)} ${loggablePath(url)}: ${reason}`;
}
