/**
 * npm run db:seed-demo -- --learners 10000 [--seed 7] [--force]
 * Fills DATABASE_URL with demo learners and believable progress: most start,
 * fewer finish each lesson, quizzes take one to three attempts, finishers get
 * a certificate. Deterministic for a given seed. Demo users share one
 * password ("demo learner passphrase"), hashed once. It refuses a database
 * with users other than demo learners (a real one, by mistake) unless --force.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { closeDb, databaseReady } from '@/db/client';
import { countRealUsers, demoEmailDomain, optimizeDatabase, writeDemoLearners, type DemoLearner } from '@/db/demo';
import { hashPassword } from '@/lib/auth/password';
import { getCourse } from '@/lib/content';
import { databaseLabel } from '@/lib/env';
import { defaultLocale } from '@/lib/i18n/locales';
import { isQuizPassed, isVideoComplete, videoCompleteRatio } from '@/lib/progress/completion';

const argsSchema = z.object({
  learners: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  seed: z.coerce.number().int().default(7),
});
const course = 'risoluzione-dei-conflitti';
const batchSize = 1000;
const day = 86_400_000;
const first = ['Giulia', 'Marco', 'Sofia', 'Luca', 'Chiara', 'Matteo', 'Élodie', 'José', 'Zoë', 'Noémie', 'Andrea', 'Francesca', 'Ana', 'Pablo', 'Li', 'Wei', 'Mei', 'Hugo', 'Léa', 'Nicolò'];
const last = ['Rossi', 'Bianchi', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'García', 'Martínez', 'Dubois', 'Lefèvre', 'Müller', 'Wang', 'Zhang', 'Conti', 'De Luca', 'Mancini', 'Gallo', 'Costa', 'Fontana', "D'Angelo"];

/** mulberry32: a small seeded generator, so a seed always gives the same data. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const { values } = parseArgs({ options: { learners: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean', default: false } }, strict: true });
  const args = argsSchema.parse(values);
  await databaseReady();
  const real = await countRealUsers();
  if (real > 0 && !values.force) {
    throw new Error(
      `${databaseLabel()} has ${real} user(s) besides demo learners, so it looks like a real database: nothing was added. ` +
        'Point DATABASE_URL at a scratch file (for example DATABASE_URL=data/demo.sqlite), or add --force to add demo learners anyway.',
    );
  }
  const lessons = getCourse(course, defaultLocale)!.lessons;
  const random = generator(args.seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const passwordHash = await hashPassword('demo learner passphrase');
  const now = Date.now();
  const started = performance.now();

  function learner(n: number): DemoLearner {
    const id = randomUUID();
    const name = `${pick(first)} ${pick(last)}`;
    const joined = now - Math.floor(random() * 120 * day);
    const result: DemoLearner = {
      user: { id, email: `learner${String(n).padStart(6, '0')}@${demoEmailDomain}`, name, passwordHash, role: 'learner', createdAt: new Date(joined), updatedAt: new Date(joined) },
      progress: [],
      attempts: [],
    };
    const engagement = random();
    if (engagement < 0.12) return result; // signed up, never opened a lesson
    let clock = joined + Math.floor(random() * 3 * day);
    let allDone = true;
    for (const lesson of lessons) {
      // Each later lesson loses some learners; the more engaged ones go further.
      if (lesson !== lessons[0] && random() > 0.5 + engagement * 0.5) return result;
      const watched = engagement < 0.18 ? 0 : Math.min(lesson.duration, lesson.duration * (random() < 0.4 + engagement * 0.6 ? 0.9 + random() * 0.1 : random() * 0.9));
      const videoAt = isVideoComplete(watched, lesson.duration) ? clock + Math.floor(lesson.duration * 1000) : null;
      let best: number | null = null;
      let passedAt: number | null = null;
      const tries = watched / lesson.duration > videoCompleteRatio * 0.5 && random() < 0.6 + engagement * 0.4 ? 1 + Math.floor(random() * 3) : 0;
      for (let i = 0; i < tries && passedAt === null; i++) {
        const total = 5;
        const score = Math.min(total, Math.floor(random() * 3) + 3 + i);
        const percent = Math.round((score / total) * 100);
        const at = clock + (i + 1) * 600_000 + Math.floor(lesson.duration * 1000);
        result.attempts.push({ id: randomUUID(), userId: id, course, lesson: lesson.slug, score, total, percent, passed: isQuizPassed(percent), answers: '{}', createdAt: new Date(at) });
        best = Math.max(best ?? 0, percent);
        if (isQuizPassed(percent)) passedAt = at;
      }
      const completedAt = videoAt && passedAt ? Math.max(videoAt, passedAt) : null;
      result.progress.push({
        userId: id, course, lesson: lesson.slug, intervals: watched > 0 ? JSON.stringify([[0, Math.round(watched * 1000) / 1000]]) : '[]', watchedSeconds: watched, position: watched,
        videoCompletedAt: videoAt ? new Date(videoAt) : null, quizBest: best, quizPassedAt: passedAt ? new Date(passedAt) : null, completedAt: completedAt ? new Date(completedAt) : null,
        firstActivityAt: new Date(clock), updatedAt: new Date(Math.max(clock, passedAt ?? 0, videoAt ?? 0)),
      });
      if (!completedAt) {
        allDone = false;
        break;
      }
      clock = completedAt + Math.floor(random() * 4 * day);
    }
    if (allDone && result.progress.length === lessons.length) {
      const issuedAt = Math.max(...result.progress.map((p) => p.completedAt!.getTime()));
      result.certificate = { id: randomUUID().replace(/-/g, ''), userId: id, course, learnerName: name, issuedAt: new Date(issuedAt) };
    }
    return result;
  }

  for (let done = 0; done < args.learners; ) {
    const count = Math.min(batchSize, args.learners - done);
    await writeDemoLearners(Array.from({ length: count }, (_, i) => learner(done + i + 1)));
    done += count;
    process.stderr.write(`\rSeeding demo learners: ${done}/${args.learners} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await optimizeDatabase();
  await closeDb();
  console.error(`\nSeeded ${args.learners} learners into ${databaseLabel()} in ${((performance.now() - started) / 1000).toFixed(1)} s. Their password: demo learner passphrase`);
}

main().catch((error: unknown) => {
  console.error(`db:seed-demo: ${(error as Error).message}`);
  process.exit(1);
});
