import http from 'node:http';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; bytes: number; ms: number };

/**
 * A small HTTP client for preparing a run (not for load: that is
 * autocannon's job): requests that report status, headers, body and size, and
 * signing in through Auth.js's credentials endpoint as a scripted client would.
 */
export function createClient(base: string, { maxSockets = 8 } = {}) {
  // No keep-alive: a socket the server closed while idle would fail the next request (ECONNRESET).
  const agent = new http.Agent({ keepAlive: false, maxSockets });

  function request(method: string, url: string, { body, headers = {} }: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const sized = body === undefined ? headers : { 'Content-Length': String(Buffer.byteLength(body)), ...headers };
      const req = http.request(`${base}${url}`, { method, agent, headers: sized }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const all = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all.toString(), bytes: all.length, ms: performance.now() - started });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  const cookiesOf = (reply: Reply) => (reply.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);

  /** A CSRF token and its cookie, reusable for many sign-ins (Auth.js checks that the two match). */
  async function csrf(): Promise<{ token: string; cookie: string }> {
    const reply = await request('GET', '/api/auth/csrf');
    if (reply.status !== 200) throw new Error(`GET /api/auth/csrf: ${reply.status}`);
    return { token: (JSON.parse(reply.body) as { csrfToken: string }).csrfToken, cookie: cookiesOf(reply).join('; ') };
  }

  /** Signs in and returns the session cookie ("authjs.session-token=…"), or throws with what the server said. */
  async function signIn(email: string, password: string, token?: { token: string; cookie: string }): Promise<string> {
    const { token: csrfToken, cookie } = token ?? (await csrf());
    const form = new URLSearchParams({ csrfToken, email, password }).toString();
    const reply = await request('POST', '/api/auth/callback/credentials', { body: form, headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' } });
    const session = cookiesOf(reply).find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
    if (!session) throw new Error(`sign-in of ${email} failed: ${reply.status} ${reply.headers.location ?? ''}`);
    return session;
  }

  return { base, request, csrf, signIn, close: () => agent.destroy() };
}

export type Client = ReturnType<typeof createClient>;
