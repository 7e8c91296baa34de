import AxeBuilder from '@axe-core/playwright';
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { e2e } from './support/env';
import { rawRequest, type RawAnswer, type Stream } from './support/raw-http';

// A few hundred generated raw requests to the production server — malformed
// paths, methods, headers, bodies, multipart boundaries, server-action posts —
// each answered below 500, oversized bodies refused before they are all sent,
// and the server healthy afterwards. Generated with a fixed seed: a failure
// names the request, and the run can be repeated.

const port = Number(new URL(e2e.baseURL).port);
const host = `Host: 127.0.0.1:${port}`;
const seed = 15;

type Sent = { head: string; body?: Buffer | Stream; label: string };

const pagePaths = ['/it', '/en/login', '/it/courses/risoluzione-dei-conflitti/tipi-di-cliente', '/es/search', '/certificates/abc'];
const routePaths = ['/api/health', '/api/me', '/api/progress', '/api/auth/session', '/api/auth/csrf', '/api/auth/callback/credentials', '/api/admin/completion.csv', '/captions/risoluzione-dei-conflitti/tipi-di-cliente/it.vtt', '/transcripts/risoluzione-dei-conflitti/tipi-di-cliente/it.txt', '/certificates/abc/pdf', '/lang/en'];
const anyPath = fc.constantFrom(...pagePaths, ...routePaths);

/** Text as a request line may carry it: bytes over 0x7e and controls percent-encoded, broken escapes added. */
const pathJunk = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))), fc.constantFrom('%ZZ', '%C0%AF', '%', '%E0%A4%A', '%00', '%0d%0a', '%2e%2e', '..', '%FF%FE', '//', ';', '%25')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

const malformedPaths = fc.tuple(anyPath, pathJunk, fc.boolean()).map(([path, junk, asQuery]): Sent => {
  const target = asQuery ? `${path}?q=${junk}&callbackUrl=${junk}` : `${path}/${junk}`;
  return { label: `GET ${target}`, head: `GET ${target} HTTP/1.1\r\n${host}` };
});

const methods = fc.tuple(fc.oneof(fc.constantFrom('TRACE', 'TRACK', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'MKCOL', 'HEAD', 'POST', 'SEARCH', 'QUERY'), fc.stringMatching(/^[A-Z]{1,12}$/)), anyPath).map(([method, path]): Sent => ({
  label: `${method} ${path}`,
  head: `${method} ${path} HTTP/1.1\r\n${host}\r\nContent-Length: 0`,
}));

const headerValue = fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((text) => text.replace(/[\r\n\0]/g, ''));
const headers = fc.tuple(anyPath, fc.constantFrom('GET', 'POST'), fc.constantFrom('Host', 'X-Forwarded-Host', 'Origin', 'Cookie', 'Accept-Language', 'Content-Type', 'Content-Length', 'Next-Action', 'Transfer-Encoding', 'Range', 'If-None-Match'), headerValue, fc.boolean()).map(([path, method, name, value, garbageSession]): Sent => {
  const cookie = garbageSession ? `\r\nCookie: authjs.session-token=${value.replace(/[^\x21-\x7e]/g, 'x').slice(0, 150) || 'x'}` : '';
  const base = name === 'Host' ? '' : `${host}\r\n`;
  const length = name === 'Content-Length' || name === 'Transfer-Encoding' ? '' : '\r\nContent-Length: 0';
  return { label: `${method} ${path} with ${name}: ${value.slice(0, 40)}`, head: `${method} ${path} HTTP/1.1\r\n${base}${name}: ${value}${length}${cookie}` };
});

const oversizedHeaders = fc.integer({ min: 17_000, max: 40_000 }).map((size): Sent => ({ label: `GET /it with ${size} bytes of headers`, head: `GET /it HTTP/1.1\r\n${host}\r\nX-Junk: ${'a'.repeat(size)}` }));

const bodyPaths = fc.constantFrom('/api/progress', '/api/auth/callback/credentials', '/api/auth/signin/credentials', '/api/auth/signout', '/it/login', '/en/register', '/it/courses/risoluzione-dei-conflitti/tipi-di-cliente');
const contentTypes = fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain;charset=UTF-8', 'multipart/form-data; boundary=x', 'multipart/form-data', 'application/octet-stream');
const bodies = fc.tuple(bodyPaths, contentTypes, fc.uint8Array({ maxLength: 2000 }), fc.boolean()).map(([path, type, bytes, action]): Sent => ({
  label: `POST ${path} (${type}, ${bytes.length} junk bytes${action ? ', Next-Action' : ''})`,
  head: `POST ${path} HTTP/1.1\r\n${host}\r\nContent-Type: ${type}\r\nContent-Length: ${bytes.length}${action ? '\r\nNext-Action: 7f00' : ''}`,
  body: Buffer.from(bytes),
}));

/** A multipart body with the given boundary, possibly cut short, its parts holding React reply rows or junk. */
const part = (boundary: string, name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const replyRow = fc.oneof(fc.constantFrom('["$K1"]', '[{"status":"idle","values":{}},"$K1"]', '["$K1"', '["$@1","$K1"]', '["$Q1"]', '["$h1"]', '5', '[]', '{"then":"$1:then"}', '["$T"]'), fc.json({ maxDepth: 3 }));
const multipart = fc
  .tuple(bodyPaths, fc.stringMatching(/^[A-Za-z0-9'()+_,-]{1,30}$/), fc.stringMatching(/^[A-Za-z0-9'()+_,-]{0,30}$/), replyRow, fc.boolean(), fc.nat(400), fc.constantFrom('0', '$ACTION_ID_00ab', '$ACTION_REF_1', '$ACTION_1:0', '1_locale'))
  .map(([path, declared, used, row, fetchAction, cut, name]): Sent => {
    const full = `${part(used || declared, name, row)}${part(used || declared, '$ACTION_1:0', row)}--${used || declared}--\r\n`;
    const body = Buffer.from(cut > 0 && cut < full.length ? full.slice(0, cut) : full);
    return {
      label: `POST ${path} multipart (boundary ${declared} / ${used || declared}, ${body.length} bytes${fetchAction ? ', Next-Action' : ''})`,
      head: `POST ${path} HTTP/1.1\r\n${host}\r\nContent-Type: multipart/form-data; boundary=${declared}\r\nContent-Length: ${body.length}${fetchAction ? '\r\nNext-Action: 7f00aa' : ''}`,
      body,
    };
  });

function sample<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, offset: number): T[] {
  return fc.sample(arbitrary, { numRuns, seed: seed + offset });
}

/** Sends the requests a few at a time; every answer is checked by `expectation`. */
async function sendAll(requests: Sent[], expectation: (answer: RawAnswer, sent: Sent) => void): Promise<void> {
  const queue = [...requests];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let sent = queue.shift(); sent; sent = queue.shift()) expectation(await rawRequest(port, sent.head, sent.body), sent);
    }),
  );
}

const answeredBelow500 = (answer: RawAnswer, sent: Sent) => {
  expect(answer.status, sent.label).toBeGreaterThanOrEqual(200);
  expect(answer.status, sent.label).toBeLessThan(500);
};

test.describe('fuzz: raw requests to the production server', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 });

  test('malformed paths, methods and headers: never a 5xx, always an answer', async () => {
    const requests = [...sample(malformedPaths, 120, 1), ...sample(methods, 70, 2), ...sample(headers, 90, 3), ...sample(oversizedHeaders, 5, 4)];
    await sendAll(requests, answeredBelow500);
  });

  test('malformed bodies, multipart boundaries and server-action posts: never a 5xx', async () => {
    const requests = [...sample(bodies, 80, 5), ...sample(multipart, 120, 6)];
    await sendAll(requests, answeredBelow500);
  });

  test('bodies past every limit are refused with 413 before they are all sent, chunked or not', async () => {
    const total = 50 * 1024 * 1024;
    const requests: Sent[] = ['/api/progress', '/api/auth/callback/credentials', '/it/login'].flatMap((path) => [
      { label: `chunked POST ${path}`, head: `POST ${path} HTTP/1.1\r\n${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked`, body: { total, chunk: 64 * 1024 } },
      { label: `declared POST ${path}`, head: `POST ${path} HTTP/1.1\r\n${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${total}`, body: { total, chunk: 64 * 1024 } },
    ]);
    await sendAll(requests, (answer, sent) => {
      // 413, or 401 where being signed in comes first (progress): either way an answer, before the body is read.
      expect([401, 413], sent.label).toContain(answer.status);
      // The count of work: the server answered once it had its limit, long before the end of the upload.
      expect(answer.sentBytes, sent.label).toBeLessThan(total / 4);
    });
  });

  test('a refused page address gets a small page in its language: accessible, keyboard usable, in light and dark', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const answer = await page.goto('/es/%ZZ');
      expect(answer?.status()).toBe(400);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Solicitud no aceptada');
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Volver al catálogo' })).toBeFocused();
    }
  });

  test('afterwards the server is healthy and serves pages', async ({ request }) => {
    expect((await request.get('/api/health')).status()).toBe(200);
    const page = await request.get('/it');
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain('<html');
  });
});
