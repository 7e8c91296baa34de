import http from 'node:http';

/**
 * The HTTP client both benchmarks use: keep-alive requests that report status,
 * headers, size and time; waiting for the server; signing in through the
 * Credentials endpoint with its CSRF token, as a scripted client would.
 */
export function createBenchClient(base, { maxSockets }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });

  function request(method, url, { body, headers = {} } = {}) {
    return new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const sized = body === undefined ? headers : { 'Content-Length': Buffer.byteLength(body), ...headers };
      const req = http.request(`${base}${url}`, { method, agent, headers: sized }, (res) => {
        let bytes = 0;
        let lines = 0;
        const chunks = [];
        res.on('data', (chunk) => {
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 10) lines += 1;
          if (chunks.length < 64) chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString(), bytes, lines, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  async function waitForServer() {
    for (let i = 0; i < 600; i++) {
      try {
        if ((await request('GET', '/api/health')).status === 200) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('server did not start');
  }

  async function signIn(email, password) {
    const csrf = await request('GET', '/api/auth/csrf');
    const cookie = csrf.headers['set-cookie'].map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = JSON.parse(csrf.body);
    const form = new URLSearchParams({ csrfToken, email, password }).toString();
    const res = await request('POST', '/api/auth/callback/credentials', { body: form, headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' } });
    return [cookie, ...res.headers['set-cookie'].map((c) => c.split(';')[0])].join('; ');
  }

  return { request, waitForServer, signIn };
}
