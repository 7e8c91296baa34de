import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyLimits } from '@/lib/http/body-limits.mjs';
import { loggablePath, refusalLocale, refusalLogLine, refusalResponse } from '@/lib/http/refusal-response';
import { allowHeader, checkRequest, maxUrlLength, readsBodyFirst, servedMethods, type RequestHead } from '@/lib/http/request-guard';

// The checks our server makes before Next sees a request (scripts/lib/request-gate.ts applies them).

const head = (method: string, url: string, headers: RequestHead['headers'] = {}): RequestHead => ({ method, url, headers: { host: 'aula.test', ...headers } });
const check = (method: string, url: string, headers: RequestHead['headers'] = {}) => checkRequest(head(method, url, headers));

describe('the request guard', () => {
  it('lets ordinary requests through untouched', () => {
    expect(check('GET', '/it/courses/risoluzione-conflitti/ascolto-attivo')).toBeUndefined();
    expect(check('HEAD', '/it')).toBeUndefined();
    expect(check('GET', '/it/search?q=%ZZ%20caf%C3%A9')).toBeUndefined(); // the query is Next's to parse leniently
    expect(check('GET', '/it/courses/caf%C3%A9')).toBeUndefined();
    expect(check('POST', '/api/progress', { 'content-length': '300', origin: 'http://aula.test' })).toBeUndefined();
    expect(check('GET', '/it', { host: '[::1]:3000' })).toBeUndefined();
  });

  it('answers 400 to malformed percent-encoding and encoded control characters in the path (the findings: /certificates/%ZZ, /lang/%C0%AF, /%ZZ)', () => {
    for (const url of ['/certificates/%ZZ', '/captions/%ZZ/x/y.vtt', '/lang/%C0%AF', '/%ZZ', '/it/%E0%A4%A', '/it/%', '/it/%00', '/it/a%0d%0aSet-Cookie:x']) {
      expect(check('GET', url), url).toMatchObject({ status: 400, code: 'badRequest' });
    }
  });

  it('answers 400 to a target that is not a path, and to a missing or malformed Host, X-Forwarded-Host or Origin', () => {
    expect(check('GET', 'http://evil.test/it')).toMatchObject({ status: 400 });
    expect(check('OPTIONS', '*')).toMatchObject({ status: 400 });
    expect(checkRequest({ method: 'GET', url: '/it', headers: {} })).toMatchObject({ status: 400, reason: 'missing or malformed Host' });
    expect(check('GET', '/it', { host: 'a b/c' })).toMatchObject({ status: 400 });
    expect(check('GET', '/it', { 'x-forwarded-host': 'ok.test, bad host' })).toMatchObject({ status: 400 });
    expect(check('POST', '/it/login', { origin: 'nonsense' })).toMatchObject({ status: 400, reason: 'malformed Origin' });
    expect(check('POST', '/it/login', { origin: 'null' })).toBeUndefined();
  });

  it('answers 403 to a server action posted from another site (Next would answer 500), not to a same-site one', () => {
    expect(check('POST', '/it/login', { origin: 'https://evil.test' })).toMatchObject({ status: 403, code: 'badOrigin' });
    expect(check('POST', '/it/login', { origin: 'http://aula.test' })).toBeUndefined();
    expect(check('POST', '/it/login', { origin: 'https://aula.example', 'x-forwarded-host': 'aula.example, proxy.local' })).toBeUndefined();
    expect(check('POST', '/it/login', { origin: 'http://aula.test', 'x-forwarded-host': 'other.test' })).toMatchObject({ status: 403 });
    expect(check('POST', '/api/progress', { origin: 'https://evil.test' })).toBeUndefined(); // apiRoute answers that itself
  });

  it('answers 414 past the URL limit', () => {
    expect(check('GET', `/it/search?q=${'a'.repeat(maxUrlLength)}`)).toMatchObject({ status: 414, code: 'urlTooLong' });
    expect(check('GET', `/it/search?q=${'a'.repeat(maxUrlLength - 20)}`)).toBeUndefined();
  });

  it('answers 405 with Allow to a method a path does not serve, and OPTIONS with 204 and Allow', () => {
    expect(check('TRACE', '/api/health')).toMatchObject({ status: 405, allow: 'GET, HEAD, OPTIONS' });
    expect(check('TRACE', '/it')).toMatchObject({ status: 405, allow: 'GET, HEAD, OPTIONS, POST' });
    expect(check('DELETE', '/api/progress')).toMatchObject({ status: 405, allow: 'GET, HEAD, OPTIONS, POST' });
    expect(check('POST', '/api/health')).toMatchObject({ status: 405 });
    expect(check('POST', '/certificates/abc/pdf')).toMatchObject({ status: 405 });
    expect(check('PUT', '/api/auth/session')).toMatchObject({ status: 405 });
    expect(check('OPTIONS', '/lang/en')).toEqual({ status: 204, reason: 'options', allow: 'GET, HEAD, OPTIONS' });
  });

  it('knows the methods of each kind of path', () => {
    expect(servedMethods('/api/progress')).toEqual(['GET', 'POST']);
    expect(servedMethods('/api/auth/callback/credentials')).toEqual(['GET', 'POST']);
    expect(servedMethods('/api/admin/completion.csv')).toEqual(['GET']);
    expect(servedMethods('/transcripts/c/l/it.txt')).toEqual(['GET']);
    expect(servedMethods('/certificates/abc')).toEqual(['GET', 'POST']); // the certificate page
    expect(allowHeader(['GET'])).toBe('GET, HEAD, OPTIONS');
  });

  it('has the methods every route handler exports (app/**/route.ts), so a new handler or method is not refused by mistake', () => {
    const routes = readdirSync('app', { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file) === 'route.ts');
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const file of routes) {
      const exported = [...readFileSync(path.join('app', file), 'utf8').matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map((match) => match[1]);
      // A URL the route serves: each [segment] becomes a value, each [...segments] two.
      const url = `/${path.dirname(file)}`.replace(/\[\.\.\.[^\]]+\]/g, 'a/b').replace(/\[[^\]]+\]/g, 'x').split(path.sep).join('/');
      expect([...servedMethods(url)].sort(), file).toEqual(exported.sort());
    }
  });

  it('answers 413 to a declared body over its kind’s limit, before reading it', () => {
    expect(check('POST', '/api/auth/callback/credentials', { 'content-length': String(bodyLimits.auth + 1) })).toMatchObject({ status: 413, code: 'tooLarge' });
    expect(check('POST', '/api/auth/callback/credentials', { 'content-length': String(bodyLimits.auth) })).toBeUndefined();
    expect(check('POST', '/api/progress', { 'content-length': String(bodyLimits.json + 1) })).toMatchObject({ status: 413 });
    expect(check('POST', '/it/login', { 'content-length': String(bodyLimits.action + 1) })).toMatchObject({ status: 413 });
    expect(check('POST', '/it/login', { 'content-length': String(bodyLimits.action) })).toBeUndefined();
  });

  it('reads every posted body itself, bounded (Next would read a streamed one as fast as it comes); no GET has one', () => {
    expect(readsBodyFirst('POST')).toBe(true);
    expect(readsBodyFirst('GET')).toBe(false);
    expect(readsBodyFirst('HEAD')).toBe(false);
  });
});

describe('the answer to a refused request', () => {
  it('is JSON under /api, in the caller’s language, with the security headers', () => {
    const answer = refusalResponse({ status: 405, code: 'methodNotAllowed', reason: 'x', allow: 'GET, HEAD, OPTIONS' }, head('TRACE', '/api/health', { 'accept-language': 'fr' }));
    expect(answer.status).toBe(405);
    expect(answer.headers.Allow).toBe('GET, HEAD, OPTIONS');
    expect(answer.headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(JSON.parse(answer.body)).toEqual({ error: 'Cette adresse n’accepte pas ce type de requête.', code: 'methodNotAllowed' });
  });

  it('is a small page elsewhere, in the language of the path, else the cookie, else Accept-Language', () => {
    const page = refusalResponse({ status: 400, code: 'badRequest', reason: 'x' }, head('GET', '/es/%ZZ'));
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="es">');
    expect(page.body).toContain('La solicitud no es válida.');
    expect(page.body).toContain('href="/es"');
    expect(page.headers['Content-Length']).toBe(String(Buffer.byteLength(page.body)));
    expect(refusalLocale(head('GET', '/%ZZ', { cookie: 'a=b; NEXT_LOCALE=zh', 'accept-language': 'fr' }))).toBe('zh');
    expect(refusalLocale(head('GET', '/%ZZ', { 'accept-language': 'fr-CA,en;q=0.5' }))).toBe('fr');
    expect(refusalLocale(head('GET', '/%ZZ'))).toBe('it');
  });

  it('is empty for OPTIONS', () => {
    const answer = refusalResponse({ status: 204, reason: 'options', allow: 'GET, HEAD, OPTIONS' }, head('OPTIONS', '/lang/en'));
    expect(answer).toMatchObject({ status: 204, body: '' });
    expect(answer.headers.Allow).toBe('GET, HEAD, OPTIONS');
  });

  it('is logged in one line: no query, control characters escaped, the path cut at 200 characters', () => {
    expect(refusalLogLine('GET', '/a%ZZ?password=hunter2', 400, 'malformed percent-encoding in the path')).toBe('[refused] 400 GET /a%ZZ: malformed percent-encoding in the path');
    expect(loggablePath('/x\n[refused] 200 GET /forged\u001b[31m')).toBe('/x\\x0a[refused] 200 GET /forged\\x1b[31m');
    const long = loggablePath(`/${'a'.repeat(5000)}`);
    expect(long.length).toBeLessThanOrEqual(201);
    expect(long.endsWith('…')).toBe(true);
  });
});
