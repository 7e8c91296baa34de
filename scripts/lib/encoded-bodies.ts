import type http from 'node:http';

/**
 * Next answers a prerendered page from its cache with the HTML as one
 * JavaScript string, passed to `res.end`. For text with characters beyond
 * Latin-1 (Italian quotes and accents, Chinese…) V8 keeps such a string in
 * two bytes per character, and Node's socket write turns it into UTF-8 far
 * more slowly than it copies bytes: on this project's 2-core machine a 74 kB
 * lesson page went out at ~830 req/s as that string, ~2,000 as a Buffer made
 * from it per request and ~6,000 as a Buffer made once (a bare `http` server,
 * `npm run bench`'s autocannon settings). The bare reference page is ASCII,
 * which V8 keeps in one byte per character and Node copies quickly.
 *
 * So each distinct large string body is encoded once and its bytes kept, in a
 * bounded map keyed by the string. Next hands over the same string object from
 * its memory cache on every hit, and V8 remembers a string's hash, so a hit
 * costs a map lookup. A body that changes every time only costs the encoding
 * it would have cost anyway, and pushes out the oldest entry.
 */
export class EncodedBodies {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(
    /** Smaller strings are written as they are (redirects, short answers). */
    readonly minLength = 4096,
    readonly maxEntries = 128,
    /** Of encoded bytes; the strings they are keyed by take about as much again. */
    readonly maxBytes = 32 * 2 ** 20,
  ) {}

  /** The UTF-8 bytes of `body`, from memory when it was encoded before; undefined for a string too short to keep. */
  bytesOf(body: string): Buffer | undefined {
    if (body.length < this.minLength) return undefined;
    const known = this.entries.get(body);
    if (known) return known;
    const encoded = Buffer.from(body, 'utf8');
    if (encoded.length > this.maxBytes) return encoded;
    this.entries.set(body, encoded);
    this.bytes += encoded.length;
    for (const [key, value] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(key); // the oldest first (a Map keeps insertion order)
      this.bytes -= value.length;
    }
    return encoded;
  }

  get size(): number {
    return this.entries.size;
  }
}

const isUtf8 = (encoding: unknown) => encoding === undefined || encoding === 'utf8' || encoding === 'utf-8' || typeof encoding === 'function';

/**
 * Makes `res.end(string)` write the string's cached bytes. Installed before
 * Next's handlers, so Next's compression (when the client asks for gzip)
 * still wraps it and sees the string; only the uncompressed answer changes.
 */
export function endWithEncodedBodies(res: http.ServerResponse, bodies: EncodedBodies): void {
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (typeof chunk === 'string' && isUtf8(encoding)) {
      const bytes = bodies.bytesOf(chunk);
      if (bytes) return typeof encoding === 'function' ? end(bytes, encoding) : end(bytes, callback);
    }
    return end(chunk, encoding, callback);
  }) as typeof res.end;
}
