import 'server-only';
import { progressTransaction, type ProgressQueries } from '@/db/progress';
import type { LessonProgress, WatchAllowance } from '@/db/schema';
import { AppError } from '@/lib/http/errors';
import { isVideoComplete } from './completion';
import { availableCredit } from './credit';
import { compactStored, coverage, creditIntervals, roundIntervals, type Interval } from './intervals';
import { heartbeatsPerMinute, storedIntervals } from './rules';
import { blankRow, durationOf, settle, type Learner } from './settle';
import { lessonStatus, type LessonStatus } from './status';

export type Heartbeat = { course: string; lesson: string; intervals: Interval[]; position?: number; sentAt?: number };

const minuteMs = 60_000;

/**
 * Counts this heartbeat in the learner's minute, or refuses it (429) before
 * anything is read or written: a player sends a few a minute, a script more.
 */
function countHeartbeat(allowance: WatchAllowance | undefined, now: Date): Pick<WatchAllowance, 'windowStartedAt' | 'heartbeatsInWindow'> {
  const windowOpen = allowance && now.getTime() - allowance.windowStartedAt.getTime() < minuteMs;
  if (!windowOpen) return { windowStartedAt: now, heartbeatsInWindow: 1 };
  if (allowance.heartbeatsInWindow >= heartbeatsPerMinute) {
    const retryAfterSeconds = Math.ceil((allowance.windowStartedAt.getTime() + minuteMs - now.getTime()) / 1000);
    throw new AppError('slowDown', { seconds: retryAfterSeconds }, 'too many heartbeats', { retryAfterSeconds });
  }
  return { windowStartedAt: allowance.windowStartedAt, heartbeatsInWindow: allowance.heartbeatsInWindow + 1 };
}

/** The resume point moves only with a position that is newer than the stored one (a late heartbeat must not rewind it). */
function nextPosition(row: LessonProgress, beat: Heartbeat, duration: number, now: Date): Pick<LessonProgress, 'position' | 'positionSentAt'> {
  const sentAt = new Date(Math.min(beat.sentAt ?? now.getTime(), now.getTime()));
  const fresher = beat.position !== undefined && (!row.positionSentAt || sentAt.getTime() >= row.positionSentAt.getTime());
  if (!fresher) return { position: row.position, positionSentAt: row.positionSentAt };
  return { position: Math.min(Math.max(0, beat.position!), duration), positionSentAt: sentAt };
}

/** The row's spans; a row stored before the compaction rules is compacted first. */
function storedSpans(row: LessonProgress, duration: number): Interval[] {
  const spans = JSON.parse(row.intervals) as Interval[];
  return spans.length > storedIntervals.maxStoredIntervals ? compactStored(spans, duration) : spans;
}

async function applyHeartbeat(q: ProgressQueries, learner: Learner, beat: Heartbeat, duration: number, now: Date): Promise<LessonStatus> {
  const stored = await q.allowance({ userId: learner.id });
  const counted = countHeartbeat(stored, now);
  const available = availableCredit(stored?.balance ?? 0, stored?.refilledAt ?? null, now);
  const row = (await q.get({ userId: learner.id, course: beat.course, lesson: beat.lesson })) ?? blankRow(learner, beat.course, beat.lesson, now);
  const { merged, credited } = creditIntervals(storedSpans(row, duration), beat.intervals, duration, available);
  await q.saveAllowance({ allowance: { userId: learner.id, balance: available - credited, refilledAt: now, ...counted } });
  const watchedSeconds = Math.max(row.watchedSeconds, coverage(merged));
  const next: LessonProgress = {
    ...row,
    ...nextPosition(row, beat, duration, now),
    intervals: JSON.stringify(roundIntervals(merged)),
    watchedSeconds,
    lastHeartbeatAt: now,
    videoCompletedAt: row.videoCompletedAt ?? (isVideoComplete(watchedSeconds, duration) ? now : null),
    updatedAt: now,
  };
  await q.save({ row: next });
  return lessonStatus(beat.lesson, await settle(q, learner, beat.course, next, now), duration);
}

/**
 * Merges a player heartbeat into the learner's progress, in one progress
 * transaction (no other of the learner's overlaps it). The duration is ours;
 * new coverage is limited by the learner's one watching allowance; nothing
 * ever goes backwards.
 */
export function recordHeartbeat(learner: Learner, beat: Heartbeat, now: Date): Promise<LessonStatus> {
  const duration = durationOf(beat.course, beat.lesson);
  return progressTransaction({ userId: learner.id }, (q) => applyHeartbeat(q, learner, beat, duration, now));
}
