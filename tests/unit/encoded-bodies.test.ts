import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EncodedBodies, endWithEncodedBodies } from '@/scripts/lib/encoded-bodies';

const page = (marker: string) => `<p>${marker} «Perché il cliente è arrabbiato?» 解决冲突</p>`.repeat(200);

describe('EncodedBodies', () => {
  it('encodes a large string once and gives the same bytes back', () => {
    const bodies = new EncodedBodies();
    const body = page('a');
    const first = bodies.bytesOf(body)!;
    expect(first.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(bodies.bytesOf(body)).toBe(first);
    expect(bodies.bytesOf(`${body}`)).toBe(first); // equal text, another string object
  });

  it('leaves short strings alone', () => {
    const bodies = new EncodedBodies(4096);
    expect(bodies.bytesOf('Found')).toBeUndefined();
    expect(bodies.size).toBe(0);
  });

  it('keeps at most maxEntries and maxBytes, dropping the oldest', () => {
    const bodies = new EncodedBodies(10, 3, 1_000_000);
    for (const marker of ['a', 'b', 'c', 'd']) bodies.bytesOf(page(marker));
    expect(bodies.size).toBe(3);
    const byBytes = new EncodedBodies(10, 100, Buffer.byteLength(page('a')) * 2);
    for (const marker of ['a', 'b', 'c']) byBytes.bytesOf(page(marker));
    expect(byBytes.size).toBe(2);
    const tooBig = new EncodedBodies(10, 100, 100);
    expect(tooBig.bytesOf(page('z'))?.length).toBeGreaterThan(100);
    expect(tooBig.size).toBe(0);
  });
});

describe('endWithEncodedBodies', () => {
  it('answers the same bytes, length and callback as res.end(string) would', async () => {
    const bodies = new EncodedBodies();
    const body = page('x');
    let called = 0;
    const server = http.createServer((req, res) => {
      endWithEncodedBodies(res, bodies);
      if (req.url === '/latin1') {
        res.setHeader('Content-Length', 5000);
        res.end('é'.repeat(5000), 'latin1');
        return;
      }
      res.setHeader('Content-Length', Buffer.byteLength(body));
      if (req.url === '/callback') res.end(body, () => called++);
      else res.end(body, 'utf8');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const url of ['/', '/callback']) {
        const reply = await fetch(base + url);
        expect(await reply.text()).toBe(body);
      }
      expect(called).toBe(1);
      expect(bodies.size).toBe(1);
      const latin1 = Buffer.from(await (await fetch(`${base}/latin1`)).arrayBuffer());
      expect(latin1.subarray(0, 4)).toEqual(Buffer.from([0xe9, 0xe9, 0xe9, 0xe9])); // an explicit encoding is Node's to apply
    } finally {
      server.close();
    }
  });
});
