import 'server-only';
import { progressTransaction } from '@/db/progress';
import type { LessonProgress } from '@/db/schema';
import { isVideoComplete } from './completion';
import { availableCredit } from './credit';
import { coverage, creditIntervals, type Interval } from './intervals';
import { blankRow, durationOf, settle, type Learner } from './settle';
import { lessonStatus, type LessonStatus } from './status';

export type Heartbeat = { course: string; lesson: string; intervals: Interval[]; position?: number; sentAt?: number };

/**
 * Merges a player heartbeat into the learner's progress. Duration is ours;
 * new coverage is limited by wall-clock credit; nothing ever goes backwards.
 */
export function recordHeartbeat(learner: Learner, beat: Heartbeat, now: Date): LessonStatus {
  const duration = durationOf(beat.course, beat.lesson);
  return progressTransaction((q) => {
    const row = q.get({ userId: learner.id, course: beat.course, lesson: beat.lesson }) ?? blankRow(learner, beat.course, beat.lesson, now);
    const allowance = availableCredit(row.creditBalance, row.lastHeartbeatAt, now);
    const { merged, credited } = creditIntervals(JSON.parse(row.intervals) as Interval[], beat.intervals, duration, allowance);
    const watchedSeconds = coverage(merged);
    // A late or replayed heartbeat must not move the resume point back to where it was.
    const sentAt = new Date(Math.min(beat.sentAt ?? now.getTime(), now.getTime()));
    const fresher = beat.position !== undefined && (!row.positionSentAt || sentAt.getTime() >= row.positionSentAt.getTime());
    const next: LessonProgress = {
      ...row,
      intervals: JSON.stringify(merged.map(([s, e]) => [Math.round(s * 1000) / 1000, Math.round(e * 1000) / 1000])),
      watchedSeconds,
      position: fresher ? Math.min(Math.max(0, beat.position!), duration) : row.position,
      positionSentAt: fresher ? sentAt : row.positionSentAt,
      creditBalance: allowance - credited,
      lastHeartbeatAt: now,
      videoCompletedAt: row.videoCompletedAt ?? (isVideoComplete(watchedSeconds, duration) ? now : null),
      updatedAt: now,
    };
    q.save({ row: next });
    return lessonStatus(beat.lesson, settle(q, learner, beat.course, next, now), duration);
  });
}
