import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { getDb } from '@/db/client';

// Shared by the fuzz tests (tests/integration/fuzz-*.test.ts): what "nothing was
// stored" and "the work done" mean, and generators of malformed input.

/** Generated inputs per handler or action. */
export const runs = 200;

/** A fingerprint of every row of every table: the same before and after means nothing was stored. */
export function databaseFingerprint(): string {
  const sqlite = getDb().$client;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(table);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).raw().iterate()) hash.update(JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? String(value) : value)));
  }
  return hash.digest('hex');
}

/** Runs `work`, counting the SQL statements it prepares (every query, through Drizzle or not, prepares one). */
export async function countingStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const sqlite = getDb().$client;
  const prepare = sqlite.prepare;
  let statements = 0;
  sqlite.prepare = function (this: typeof sqlite, ...args: Parameters<typeof prepare>) {
    statements += 1;
    return prepare.apply(this, args);
  } as typeof prepare;
  try {
    return { result: await work(), statements };
  } finally {
    sqlite.prepare = prepare;
  }
}

export const chunkSize = 16 * 1024;
/** What a bounded reader may have pulled: up to the limit, the chunk that crossed it, and the one the stream fetched ahead. */
export const readAhead = 2 * chunkSize;

/** A request body that counts the bytes the handler pulled from it (`endless` never ends: only a bounded reader finishes). */
export function countedBody(bytes: Uint8Array, { endless = false } = {}) {
  const pulled = { bytes: 0 };
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!endless && offset >= bytes.length) return controller.close();
      const chunk = endless ? new Uint8Array(chunkSize).fill(120) : bytes.subarray(offset, offset + chunkSize);
      offset += chunk.length;
      pulled.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled };
}

const encoder = new TextEncoder();

/** encodeURIComponent, for any text: lone surrogates (which it refuses) become "?" first. */
export const encodeAny = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'));

/** Text of every kind: ASCII, any Unicode, lone surrogates and control characters, broken escapes. */
export const junkText = (maxLength = 200) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom('%ZZ', '%C0%AF', '\u0000', '\r\n', '{"a":', '[', '$K1', '$@1', '__proto__', 'constructor', '../..', 'javascript:alert(1)', '\ud800', ''),
  );

/** Bodies no handler can take as valid: broken JSON, wrong shapes, bytes that are not UTF-8, the wrong encoding. */
export const junkBody = fc.oneof(
  junkText(500).map((text) => encoder.encode(text)),
  fc.uint8Array({ maxLength: 600 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => encoder.encode(JSON.stringify(value) ?? 'null')),
  fc.jsonValue({ maxDepth: 3 }).map((value) => encoder.encode(JSON.stringify(value)?.slice(0, -1) ?? '{')),
  fc.constantFrom('', '{}', '[]', 'null', '{"__proto__":{"x":1}}', `[${'['.repeat(3000)}`, 'a=1&b=%ZZ').map((text) => encoder.encode(text)),
);

/** Headers a client may send, with junk values. */
export const junkHeaders = fc.record(
  {
    cookie: junkText(300).map((text) => `authjs.session-token=${text.replace(/[^\x21-\x7e]/g, 'x')}; NEXT_LOCALE=${text.slice(0, 5).replace(/[^\x21-\x7e]/g, 'y')}`),
    'accept-language': junkText(100).map((text) => text.replace(/[^\x20-\x7e]/g, '')),
    'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'multipart/form-data', 'garbage'),
    referer: junkText(100).map((text) => `http://aula.test/${encodeAny(text)}`),
  },
  { requiredKeys: [] },
);
