import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { getDb } from './client';
import { contentOverrides, reportEvents, reports, users, type ContentOverride, type OverrideTarget, type ReportStatus } from './schema';

type Passage = { course: string; lesson: string; locale: string };
type Target = Passage & { target: OverrideTarget; targetId: string };

const live = isNull(contentOverrides.endedAt);

export type ActiveOverride = Pick<ContentOverride, 'target' | 'targetId' | 'text'>;

/** The corrections in force over one lesson in one locale: one query per lesson view. */
export function activeOverrides({ course, lesson, locale }: Passage): ActiveOverride[] {
  return getDb()
    .select({ target: contentOverrides.target, targetId: contentOverrides.targetId, text: contentOverrides.text })
    .from(contentOverrides)
    .where(and(eq(contentOverrides.course, course), eq(contentOverrides.lesson, lesson), eq(contentOverrides.locale, locale), live))
    .all();
}

function targetIs({ course, lesson, locale, target, targetId }: Target) {
  return and(
    eq(contentOverrides.course, course),
    eq(contentOverrides.lesson, lesson),
    eq(contentOverrides.locale, locale),
    eq(contentOverrides.target, target),
    eq(contentOverrides.targetId, targetId),
  );
}

export function findOverride({ id }: { id: number }): ContentOverride | undefined {
  return getDb().select().from(contentOverrides).where(eq(contentOverrides.id, id)).get();
}

export type OverrideWithUsers = ContentOverride & { createdByName: string | null };

/** Every correction of a passage, oldest first: before, after, who and when. */
export function overrideHistory(target: Target): OverrideWithUsers[] {
  return getDb()
    .select({ override: contentOverrides, createdByName: users.name })
    .from(contentOverrides)
    .leftJoin(users, eq(users.id, contentOverrides.createdBy))
    .where(targetIs(target))
    .orderBy(asc(contentOverrides.createdAt), asc(contentOverrides.id))
    .all()
    .map((row) => ({ ...row.override, createdByName: row.createdByName }));
}

/**
 * Applies a correction for a report: the passage's live override (if any) is
 * replaced, and the report moves from `from` to applied, all or nothing.
 * Returns the new override, or undefined if the report was moved meanwhile.
 */
export function applyCorrection({
  reportId,
  from,
  target,
  originalText,
  text,
  userId,
  note,
  now,
}: {
  reportId: number;
  from: ReportStatus;
  target: Target;
  originalText: string;
  text: string;
  userId: string;
  note?: string;
  now: Date;
}): ContentOverride | undefined {
  return getDb().transaction((tx) => {
    const report = tx.update(reports).set({ status: 'applied', updatedAt: now }).where(and(eq(reports.id, reportId), eq(reports.status, from))).run();
    if (report.changes !== 1) return undefined;
    const previous = tx.select().from(contentOverrides).where(and(targetIs(target), live)).get();
    if (previous) {
      tx.update(contentOverrides).set({ endedAt: now, endedBy: userId, endReason: 'replaced' }).where(eq(contentOverrides.id, previous.id)).run();
    }
    const created = tx
      .insert(contentOverrides)
      .values({ ...target, originalText, previousText: previous?.text ?? originalText, text, reportId, createdBy: userId, createdAt: now })
      .returning()
      .get();
    tx.insert(reportEvents).values({ reportId, fromStatus: from, toStatus: 'applied', note: note ?? null, userId, createdAt: now }).run();
    return created;
  });
}

/**
 * Ends a live override; the file's text shows again. Its report, if applied,
 * goes back to accepted. Returns false when it was no longer live.
 */
export function revertOverride({ id, userId, now }: { id: number; userId: string; now: Date }): boolean {
  return getDb().transaction((tx) => {
    const ended = tx.update(contentOverrides).set({ endedAt: now, endedBy: userId, endReason: 'reverted' }).where(and(eq(contentOverrides.id, id), live)).run();
    if (ended.changes !== 1) return false;
    const override = tx.select().from(contentOverrides).where(eq(contentOverrides.id, id)).get();
    if (override?.reportId) {
      const moved = tx
        .update(reports)
        .set({ status: 'accepted', updatedAt: now })
        .where(and(eq(reports.id, override.reportId), eq(reports.status, 'applied')))
        .run();
      if (moved.changes === 1) {
        // No note: the page says "correction reverted" in the reader's language (a paragraph or summary report leaves "applied" only this way).
        tx.insert(reportEvents).values({ reportId: override.reportId, fromStatus: 'applied', toStatus: 'accepted', note: null, userId, createdAt: now }).run();
      }
    }
    return true;
  });
}

/** Live overrides not yet written back into the MDX files. */
export function overridesToExport(): ContentOverride[] {
  return getDb().select().from(contentOverrides).where(and(live, isNull(contentOverrides.exportedAt))).orderBy(asc(contentOverrides.id)).all();
}

export function markExported({ id, now }: { id: number; now: Date }): void {
  getDb().update(contentOverrides).set({ exportedAt: now }).where(eq(contentOverrides.id, id)).run();
}
