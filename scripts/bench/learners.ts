import type { Client } from './client';
import { demoEmail, demoPassword } from './aula';

export type Learner = { index: number; email: string; cookie: string; beats: number; quizzes: number };

/**
 * Signed-in demo learners, handed out round-robin so that load spreads over
 * many learners and rows, not one learner on one row (and no learner comes
 * near the heartbeat throttle of 30 a minute unless the pool is too small:
 * the 429s are counted and reported then).
 */
export class LearnerPool {
  private cursor = 0;
  constructor(readonly learners: Learner[]) {
    if (learners.length === 0) throw new Error('the learner pool is empty');
  }
  next(): Learner {
    const learner = this.learners[this.cursor % this.learners.length]!;
    this.cursor += 1;
    return learner;
  }
  get size(): number {
    return this.learners.length;
  }
}

/** Runs `work(0)` … `work(count - 1)`, at most `concurrency` at a time. */
async function inTurn(count: number, concurrency: number, work: (n: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await work(next++);
  }));
}

/** GET /api/me with the learner's cookie: it must name the learner (and the server then remembers the verified cookie). */
async function confirmSignedIn(client: Client, email: string, cookie: string): Promise<void> {
  const me = await client.request('GET', '/api/me', { headers: { Cookie: cookie } });
  if (me.status !== 200 || !me.body.includes(email)) throw new Error(`${email} is not signed in at ${client.base} (GET /api/me: ${me.status})`);
}

/**
 * Signs in demo learners 1…count through the real credentials endpoint, a few
 * at a time. Each then asks who is signed in once, as the header does on the
 * first page after signing in: the server verifies a session cookie on its
 * first use and remembers it, so the measured runs see what a learner's later
 * requests cost, not a thousand first visits.
 */
export async function signInLearners(client: Client, count: number, concurrency = 8): Promise<LearnerPool> {
  const token = await client.csrf();
  const learners: Learner[] = new Array(count);
  await inTurn(count, concurrency, async (n) => {
    const cookie = await client.signIn(demoEmail(n + 1), demoPassword, token);
    await confirmSignedIn(client, demoEmail(n + 1), cookie);
    learners[n] = { index: n, email: demoEmail(n + 1), cookie, beats: 0, quizzes: 0 };
  });
  return new LearnerPool(learners);
}

/**
 * With --cluster, learners sign in once through nginx; this asks each
 * instance directly who every learner is: a session valid on only one
 * instance fails here, and each instance has verified every cookie once
 * before the measured runs, as signInLearners leaves a single instance.
 */
export async function confirmSessions(client: Client, pool: LearnerPool, concurrency = 8): Promise<void> {
  await inTurn(pool.size, concurrency, (n) => confirmSignedIn(client, pool.learners[n]!.email, pool.learners[n]!.cookie));
}
