import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changes, db, tables } from '@/db/query';
import { listLessonProgress } from '@/db/progress';
import { insertUser } from '@/db/users';
import { lessonDuration } from '@/lib/content';
import { flaggedLearners } from '@/lib/progress/audit-report';
import { coverage, type Interval } from '@/lib/progress/intervals';
import { storedIntervals } from '@/lib/progress/rules';
import { compactStoredProgress } from '@/lib/progress/upgrade';

// The engine's tables (SQLite or PostgreSQL, as the run asks).
const { lessonProgress } = tables();

const course = 'risoluzione-dei-conflitti';
const lesson = 'livelli-di-contatto';

async function learner(name = 'Ugo') {
  const now = new Date();
  return (await insertUser({ user: { id: randomUUID(), email: `${randomUUID()}@example.com`, name, passwordHash: 'x', role: 'learner', createdAt: now, updatedAt: now } }))!;
}

async function storeRow(userId: string, slug: string, intervals: Interval[], extra: Partial<typeof lessonProgress.$inferInsert> = {}) {
  const now = new Date('2030-06-01T10:00:00Z');
  (await changes(db()
    .insert(lessonProgress)
    .values({ userId, course, lesson: slug, intervals: JSON.stringify(intervals), watchedSeconds: coverage(intervals), position: 0, firstActivityAt: now, updatedAt: now, ...extra })));
}

const rowOf = async (userId: string, slug = lesson) => (await listLessonProgress({ userId, course })).find((row) => row.lesson === slug)!;

describe('the migration that compacts stored spans', () => {
  it('compacts fragmented rows once, never lowering anyone’s progress, and leaves compact rows alone', async () => {
    const attacker = await learner();
    const fragments = Array.from({ length: 100_000 }, (_, i): Interval => [i * 0.002, i * 0.002 + 0.001]);
    await storeRow(attacker.id, lesson, fragments);
    const honest = await learner();
    const honestSpans: Interval[] = [[0, 120.5], [200, 260]];
    await storeRow(honest.id, lesson, honestSpans, { videoCompletedAt: null });
    const before = (await rowOf(attacker.id)).watchedSeconds;

    const first = await compactStoredProgress(new Date());
    expect(first).toEqual({ applied: true, changed: 1 });
    const after = await rowOf(attacker.id);
    const spans = JSON.parse(after.intervals) as Interval[];
    expect(spans.length).toBeLessThanOrEqual(storedIntervals.maxStoredIntervals);
    expect(after.intervals.length).toBeLessThan(2048);
    expect(after.watchedSeconds).toBeGreaterThanOrEqual(before);
    expect(after.watchedSeconds).toBeLessThanOrEqual(lessonDuration(course, lesson)!);
    expect(JSON.parse((await rowOf(honest.id)).intervals)).toEqual(honestSpans);
    expect((await rowOf(honest.id)).watchedSeconds).toBe(coverage(honestSpans));

    // Applied once: a second start changes nothing.
    await storeRow((await learner()).id, lesson, fragments.slice(0, 1000));
    expect(await compactStoredProgress(new Date())).toEqual({ applied: false, changed: 0 });
  });
});

describe('npm run audit:progress', () => {
  it('flags a learner whose videos were completed in parallel, faster than one allowance allows, and not an honest one', async () => {
    const t0 = new Date('2030-07-01T10:00:00Z');
    const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
    const cheat = await learner('Chiara Veloce');
    const slugs = ['classificazione-del-cliente', 'livelli-di-contatto', 'tipi-di-cliente'];
    // Three videos of 6–7 minutes, all completed within 4 minutes of each other.
    for (const slug of slugs) await storeRow(cheat.id, slug, [[0, lessonDuration(course, slug)!]], { firstActivityAt: t0, videoCompletedAt: minutes(4) });
    const honest = await learner('Onesto Lento');
    let clock = 0;
    for (const slug of slugs) {
      const watchMinutes = Math.ceil(lessonDuration(course, slug)! / 60 / 2) + 1; // at 2×
      await storeRow(honest.id, slug, [[0, lessonDuration(course, slug)!]], { firstActivityAt: minutes(clock), videoCompletedAt: minutes(clock + watchMinutes) });
      clock += watchMinutes;
    }
    const flagged = await flaggedLearners({ course });
    expect(flagged.map((f) => f.name)).toContain('Chiara Veloce');
    expect(flagged.map((f) => f.name)).not.toContain('Onesto Lento');
    const finding = flagged.find((f) => f.name === 'Chiara Veloce')!.finding;
    expect(finding.lessons).toHaveLength(3);
    expect(finding.requiredSeconds).toBeGreaterThan(finding.possibleSeconds);
  });
});
