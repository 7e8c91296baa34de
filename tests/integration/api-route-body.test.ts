import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoute } from '@/lib/http/api-route';

const route = apiRoute({ access: 'public', schema: z.object({ n: z.number() }).strict(), maxBytes: 1024, run: ({ input }) => ({ twice: input.n * 2 }) });

/** A chunked body (no Content-Length) that would never end, counting what the server pulled. */
function endlessBody() {
  const pulled = { chunks: 0, cancelled: false };
  const chunk = new Uint8Array(64 * 1024).fill(32);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.chunks += 1;
      controller.enqueue(chunk);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { body, pulled };
}

describe('the API wrapper reads bounded bodies', () => {
  it('answers 413 after the first chunk over the limit of an endless chunked body, and stops reading', async () => {
    const { body, pulled } = endlessBody();
    const request = new Request('http://localhost/api/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
    const response = await route(request);
    expect(response.status).toBe(413);
    expect(pulled.cancelled).toBe(true);
    expect(pulled.chunks).toBeLessThanOrEqual(3);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const response = await route(new Request('http://localhost/api/x', { method: 'POST', body: 'x'.repeat(2000), headers: { 'content-length': '2000' } }));
    expect(response.status).toBe(413);
  });

  it('reads a body within the limit', async () => {
    const response = await route(new Request('http://localhost/api/x', { method: 'POST', body: JSON.stringify({ n: 21 }) }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ twice: 42 });
  });
});
