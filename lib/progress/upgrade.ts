import 'server-only';
import { runSpansMigration, type StoredSpans } from '@/db/progress-maintenance';
import { lessonDuration } from '@/lib/content';
import { compactStored, coverage, roundIntervals, type Interval } from './intervals';

/**
 * The stored spans of a row from before the compaction rules, compacted: the
 * result is changed only when it differs, and the watched seconds never go down.
 */
export function compactRow(row: StoredSpans, duration: number | undefined): StoredSpans | undefined {
  if (duration === undefined) return undefined; // a lesson no longer in the catalog: leave its history as it is
  const spans = JSON.parse(row.intervals) as Interval[];
  const compacted = roundIntervals(compactStored(spans, duration));
  const intervals = JSON.stringify(compacted);
  if (intervals === row.intervals) return undefined;
  return { ...row, intervals, watchedSeconds: Math.max(row.watchedSeconds, coverage(compacted)) };
}

/** Run by `npm start` and `npm run db:migrate` after the SQL migrations; does nothing once applied. */
export function compactStoredProgress(now = new Date()): Promise<{ applied: boolean; changed: number }> {
  return runSpansMigration('0005-compact-intervals', now, (rows) =>
    rows.flatMap((row) => compactRow(row, lessonDuration(row.course, row.lesson)) ?? []),
  );
}
