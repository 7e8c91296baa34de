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
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const n = next++;
        const cookie = await client.signIn(demoEmail(n + 1), demoPassword, token);
        const me = await client.request('GET', '/api/me', { headers: { Cookie: cookie } });
        if (me.status !== 200 || !me.body.includes(demoEmail(n + 1))) throw new Error(`${demoEmail(n + 1)} is not signed in after signing in (GET /api/me: ${me.status})`);
        learners[n] = { index: n, email: demoEmail(n + 1), cookie, beats: 0, quizzes: 0 };
      }
    }),
  );
  return new LearnerPool(learners);
}
