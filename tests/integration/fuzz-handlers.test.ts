import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/session';
import { countedBody, readAhead, encodeAny, countingStatements, databaseFingerprint, junkBody, junkHeaders, junkText, runs } from '../support/fuzz';

// Property-based: every route handler, called directly with generated malformed
// requests, answers below 500, stores nothing, and does a bounded amount of
// work — bytes pulled from the body and SQL statements, whatever the input.

process.env.AUTH_SECRET ??= 'fuzz-secret-fuzz-secret-fuzz-secret-fuzz';
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));

const { insertUser } = await import('@/db/users');
const { bodyLimits } = await import('@/lib/http/body-limits.mjs');
const progress = await import('@/app/api/progress/route');
const csv = await import('@/app/api/admin/completion.csv/route');
const health = await import('@/app/api/health/route');
const me = await import('@/app/api/me/route');
const auth = await import('@/app/api/auth/[...nextauth]/route');
const captions = await import('@/app/captions/[course]/[lesson]/[file]/route');
const transcripts = await import('@/app/transcripts/[course]/[lesson]/[file]/route');
const pdf = await import('@/app/certificates/[id]/pdf/route');
const lang = await import('@/app/lang/[locale]/route');

const course = 'risoluzione-dei-conflitti';
const people: Record<'learner' | 'admin', CurrentUser> = {
  learner: { id: randomUUID(), name: 'Lia', email: 'lia@fuzz.test', role: 'learner' } as CurrentUser,
  admin: { id: randomUUID(), name: 'Ada', email: 'ada@fuzz.test', role: 'admin' } as CurrentUser,
};
const anyone = fc.constantFrom(null, people.learner, people.admin);

// Each refused request logs one short line (checked here), never a stack or the input;
// console.error is for faults of ours, and malformed input is none.
const logged: string[] = [];
const faults: string[] = [];
vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void faults.push(args.map(String).join(' ').slice(0, 300)));
afterEach(() => {
  for (const line of logged.splice(0)) {
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThan(320);
  }
  expect(faults.splice(0)).toEqual([]);
});

beforeAll(async () => {
  const now = new Date();
  for (const person of Object.values(people)) await insertUser({ user: { ...person, passwordHash: 'x', createdAt: now, updatedAt: now } });
  databaseFingerprint(); // migrations done before the first comparison
});

type Outcome = { status: number; pulled?: number; statements: number };

/** Runs one generated request: below 500, nothing stored, and the work it reports. */
async function answer(send: () => Promise<Response>, pulled?: { bytes: number }): Promise<Outcome> {
  const before = databaseFingerprint();
  const { result: response, statements } = await countingStatements(send);
  await response.body?.cancel().catch(() => undefined);
  expect(response.status, `status ${response.status}`).toBeLessThan(500);
  expect(databaseFingerprint()).toBe(before);
  return { status: response.status, pulled: pulled?.bytes, statements };
}

type Init = ConstructorParameters<typeof NextRequest>[1];
/** A POST whose body streams (Node needs `duplex` for that). */
const post = (target: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) => new NextRequest(target, { method: 'POST', body, headers, duplex: 'half' } as Init);
const url = (path: string, query: Record<string, string> = {}) => `http://aula.test${path}?${new URLSearchParams(query)}`;
const junkQuery = fc.dictionary(junkText(20), junkText(120), { maxKeys: 4 });
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

describe('fuzz: JSON handlers', () => {
  it('POST /api/progress: malformed heartbeats get 4xx, nothing stored, at most the limit read', async () => {
    // Every body is invalid by construction: junk, an unknown key (the schema is strict), or one over the limit, endless or not.
    const body = fc.oneof(
      junkBody.map((bytes) => ({ bytes, endless: false })),
      fc.record({ course: junkText(90), lesson: junkText(90), intervals: fc.array(fc.tuple(fc.double(), fc.double()), { maxLength: 120 }), extra: fc.anything() }).map((value) => ({ bytes: new TextEncoder().encode(JSON.stringify(value)), endless: false })),
      fc.integer({ min: bodyLimits.json + 1, max: 200_000 }).map((size) => ({ bytes: new Uint8Array(size).fill(32), endless: false })),
      fc.constant({ bytes: new Uint8Array(0), endless: true }),
    );
    await fc.assert(
      fc.asyncProperty(body, anyone, junkHeaders, async ({ bytes, endless }, user, headers) => {
        session.user = user;
        const counted = countedBody(bytes, { endless });
        const request = post(url('/api/progress'), counted.body, { ...headers, host: 'aula.test' });
        const outcome = await answer(() => progress.POST(request), counted.pulled);
        expect(outcome.status).toBeGreaterThanOrEqual(400);
        expect(outcome.pulled).toBeLessThanOrEqual(bodyLimits.json + readAhead);
        expect(outcome.statements).toBeLessThanOrEqual(3);
      }),
      { numRuns: runs },
    );
  });

  it('GET /api/progress and GET /api/admin/completion.csv: any query, nobody to admin, below 500 and a bounded work', async () => {
    await fc.assert(
      fc.asyncProperty(junkQuery, anyone, fc.boolean(), async (query, user, useCsv) => {
        session.user = user;
        const request = new NextRequest(url(useCsv ? '/api/admin/completion.csv' : '/api/progress', query));
        const outcome = await answer(() => (useCsv ? csv.GET(request) : progress.GET(request)));
        expect(outcome.statements).toBeLessThanOrEqual(3);
      }),
      { numRuns: runs },
    );
  });

  it('GET /api/health and GET /api/me, for anyone: below 500, nothing stored, one query at most', async () => {
    await fc.assert(
      fc.asyncProperty(anyone, fc.boolean(), async (user, askMe) => {
        session.user = user;
        const outcome = await answer(async () => (askMe ? await me.GET() : await health.GET()));
        expect(outcome.statements).toBeLessThanOrEqual(1);
      }),
      { numRuns: runs },
    );
  });
});

describe('fuzz: Auth.js endpoints', () => {
  const action = fc.oneof(fc.constantFrom('session', 'csrf', 'providers', 'signin', 'signout', 'callback/credentials', 'error', 'signin/credentials'), junkText(40).map(encodeAny));
  const callbackUrl = fc.oneof(junkText(80), fc.constantFrom('javascript:alert(1)', '//evil.test', '/it', 'http://aula.test/x', 'ftp://x'));
  it('GET and POST /api/auth/*: junk paths, callback URLs, cookies and bodies get 4xx or a redirect, nothing stored, at most the limit read', async () => {
    const body = fc.oneof(junkBody, fc.integer({ min: bodyLimits.auth + 1, max: 100_000 }).map((size) => new Uint8Array(size).fill(97)));
    await fc.assert(
      fc.asyncProperty(action, fc.boolean(), callbackUrl, fc.boolean(), body, junkHeaders, async (path, posting, callback, inCookie, bytes, headers) => {
        const query: Record<string, string> = inCookie ? {} : { callbackUrl: callback };
        const cookie = inCookie ? `authjs.callback-url=${encodeAny(callback)}; ${headers.cookie ?? ''}` : headers.cookie;
        const sent = { ...headers, ...(cookie && { cookie }), host: 'aula.test' };
        const counted = countedBody(bytes);
        const target = url(`/api/auth/${path}`, query);
        const request = posting ? post(target, counted.body, sent) : new NextRequest(target, { headers: sent });
        const outcome = await answer(() => (posting ? auth.POST(request) : auth.GET(request)), counted.pulled);
        if (posting) expect(outcome.pulled).toBeLessThanOrEqual(bodyLimits.auth + readAhead);
        expect(outcome.statements).toBeLessThanOrEqual(2);
      }),
      { numRuns: runs },
    );
  });
});

describe('fuzz: file and redirect handlers', () => {
  const segment = fc.oneof(junkText(60), fc.constantFrom(course, 'tipi-di-cliente', 'it.vtt', 'en.txt', 'zh', '..', ''));
  it('captions, transcripts, certificate PDFs and the language switch: any parameter, below 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('captions', 'transcripts', 'pdf', 'lang'), segment, segment, segment, junkHeaders, async (kind, a, b, c, headers) => {
        const request = new NextRequest(url(`/${kind}/x`), { headers: { ...headers, host: 'aula.test' } });
        const outcome = await answer(() => {
          if (kind === 'captions') return captions.GET(request, params({ course: a, lesson: b, file: c }));
          if (kind === 'transcripts') return transcripts.GET(request, params({ course: a, lesson: b, file: c }));
          if (kind === 'pdf') return pdf.GET(request, params({ id: a }));
          return lang.GET(request, params({ locale: a }));
        });
        expect(outcome.statements).toBeLessThanOrEqual(4);
      }),
      { numRuns: runs },
    );
  });
});
