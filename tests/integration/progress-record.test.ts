import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findCertificate, listLessonProgress } from '@/db/progress';
import { insertUser } from '@/db/users';
import { getCourse, getQuizWithKey, lessonDuration } from '@/lib/content';
import { allowanceCapSeconds as creditCapSeconds } from '@/lib/progress/credit';
import { recordHeartbeat } from '@/lib/progress/record';
import { courseStatus } from '@/lib/progress/status';
import { recordQuizAttempt } from '@/lib/quiz/record-attempt';
import { gradeQuiz } from '@/lib/quiz/grade';

const course = 'risoluzione-dei-conflitti';
const lesson = 'livelli-di-contatto';

async function learner() {
  const now = new Date();
  return (await insertUser({ user: { id: randomUUID(), email: `${randomUUID()}@example.com`, name: 'Lia', passwordHash: 'x', role: 'learner', createdAt: now, updatedAt: now } }))!;
}

/** Plays a lesson from start to end at `rate`, one heartbeat every 15 s of wall-clock time. */
async function watch(user: { id: string; name: string }, slug: string, start: Date, rate = 2) {
  const duration = lessonDuration(course, slug)!;
  let now = start;
  for (let media = 0; media < duration; media += 15 * rate) {
    now = new Date(now.getTime() + 15_000);
    await recordHeartbeat(user, { course, lesson: slug, intervals: [[media, Math.min(duration, media + 15 * rate)]], position: media + 15 * rate }, now);
  }
  return now;
}

function passQuiz(user: { id: string; name: string }, slug: string, now: Date) {
  const quiz = getQuizWithKey(course, slug)!;
  const answers = Object.fromEntries(quiz.map((q) => [q.id, q.answer]));
  return recordQuizAttempt(user, course, slug, gradeQuiz(quiz, answers), answers, now);
}

describe('recording progress', () => {
  it('one heartbeat claiming the whole video is cut to the wall-clock credit', async () => {
    const user = await learner();
    const duration = lessonDuration(course, lesson)!;
    const status = await recordHeartbeat(user, { course, lesson, intervals: [[0, duration]], position: duration }, new Date());
    expect(status.videoComplete).toBe(false);
    expect(status.watchedPercent).toBe(Math.floor((creditCapSeconds / duration) * 100));
  });

  it('watching at 2× completes the video; replays and stale heartbeats change nothing', async () => {
    const user = await learner();
    const end = await watch(user, lesson, new Date('2030-01-01T10:00:00Z'));
    let status = (await courseStatus(user.id, course)).lessons.find((l) => l.lesson === lesson)!;
    expect(status).toMatchObject({ watchedPercent: 100, videoComplete: true, complete: false });
    const later = new Date(end.getTime() + 60_000);
    status = await recordHeartbeat(user, { course, lesson, intervals: [[10, 40]], position: 40, sentAt: later.getTime() }, later);
    expect(status.watchedPercent).toBe(100);
    expect(status.position).toBe(40);
    // An older heartbeat arriving late does not move the resume point back.
    status = await recordHeartbeat(user, { course, lesson, intervals: [], position: 5, sentAt: later.getTime() - 30_000 }, new Date(later.getTime() + 1000));
    expect(status.position).toBe(40);
  });

  it('the quiz best score counts and a lesson completes with video and quiz', async () => {
    const user = await learner();
    const quiz = getQuizWithKey(course, lesson)!;
    const now = await watch(user, lesson, new Date('2030-02-01T10:00:00Z'));
    let status = await recordQuizAttempt(user, course, lesson, gradeQuiz(quiz, {}), {}, now);
    expect(status).toMatchObject({ quizBest: 0, quizPassed: false, complete: false });
    status = await passQuiz(user, lesson, now);
    expect(status).toMatchObject({ quizBest: 100, quizPassed: true, complete: true });
    status = await recordQuizAttempt(user, course, lesson, gradeQuiz(quiz, {}), {}, now);
    expect(status).toMatchObject({ quizBest: 100, quizPassed: true, complete: true });
  });

  it('completing every lesson issues one certificate', async () => {
    const user = await learner();
    let now = new Date('2030-03-01T10:00:00Z');
    const lessons = getCourse(course, 'it')!.lessons;
    for (const item of lessons) {
      now = await watch(user, item.slug, now);
      await passQuiz(user, item.slug, now);
    }
    const status = await courseStatus(user.id, course);
    expect(status).toMatchObject({ coursePercent: 100, complete: true });
    expect(status.certificate?.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await passQuiz(user, lessons[0]!.slug, now);
    expect((await courseStatus(user.id, course)).certificate?.id).toBe(status.certificate?.id);
    expect(await findCertificate({ id: status.certificate!.id })).toMatchObject({ learnerName: 'Lia', course });
  });

  it('an unknown lesson is a not-found error and stores nothing', async () => {
    const user = await learner();
    expect(() => recordHeartbeat(user, { course, lesson: 'nope', intervals: [[0, 5]], position: 5 }, new Date())).toThrow(/unknown lesson/);
    expect(await listLessonProgress({ userId: user.id })).toEqual([]);
  });
});
