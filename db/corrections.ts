import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { changes, db, first, lock, rows, tables, transaction } from './query';
import type { ContentOverride, OverrideTarget, ReportStatus } from './schema';

type Passage = { course: string; lesson: string; locale: string };
type Target = Passage & { target: OverrideTarget; targetId: string };

const live = () => isNull(tables().contentOverrides.endedAt);

/** The lock that serializes changes to one passage's live correction (PostgreSQL; SQLite serializes all writes). */
const passageLock = (t: Target) => `correction:${JSON.stringify([t.course, t.lesson, t.locale, t.target, t.targetId])}`;

export type ActiveOverride = Pick<ContentOverride, 'target' | 'targetId' | 'text'>;

/** The corrections in force over one lesson in one locale: one query per lesson view. */
export async function activeOverrides({ course, lesson, locale }: Passage): Promise<ActiveOverride[]> {
  const { contentOverrides } = tables();
  return rows(
    db()
      .select({ target: contentOverrides.target, targetId: contentOverrides.targetId, text: contentOverrides.text })
      .from(contentOverrides)
      .where(and(eq(contentOverrides.course, course), eq(contentOverrides.lesson, lesson), eq(contentOverrides.locale, locale), live())),
  );
}

function targetIs({ course, lesson, locale, target, targetId }: Target) {
  const { contentOverrides } = tables();
  return and(
    eq(contentOverrides.course, course),
    eq(contentOverrides.lesson, lesson),
    eq(contentOverrides.locale, locale),
    eq(contentOverrides.target, target),
    eq(contentOverrides.targetId, targetId),
  );
}

export async function findOverride({ id }: { id: number }): Promise<ContentOverride | undefined> {
  const { contentOverrides } = tables();
  return first(db().select().from(contentOverrides).where(eq(contentOverrides.id, id)));
}

export type OverrideWithUsers = ContentOverride & { createdByName: string | null };

/** Every correction of a passage, oldest first: before, after, who and when. */
export async function overrideHistory(target: Target): Promise<OverrideWithUsers[]> {
  const { contentOverrides, users } = tables();
  const found = await rows(
    db()
      .select({ override: contentOverrides, createdByName: users.name })
      .from(contentOverrides)
      .leftJoin(users, eq(users.id, contentOverrides.createdBy))
      .where(targetIs(target))
      .orderBy(asc(contentOverrides.createdAt), asc(contentOverrides.id)),
  );
  return found.map((row) => ({ ...row.override, createdByName: row.createdByName }));
}

/**
 * Applies a correction for a report: the passage's live override (if any) is
 * replaced, and the report moves from `from` to applied, all or nothing.
 * Returns the new override, or undefined if the report was moved meanwhile.
 */
export async function applyCorrection({
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
}): Promise<ContentOverride | undefined> {
  const { reports, contentOverrides, reportEvents } = tables();
  return transaction(
    async () => {
      const moved = await changes(db().update(reports).set({ status: 'applied', updatedAt: now }).where(and(eq(reports.id, reportId), eq(reports.status, from))));
      if (moved !== 1) return undefined;
      const previous = await first(db().select().from(contentOverrides).where(and(targetIs(target), live())));
      if (previous) {
        await changes(db().update(contentOverrides).set({ endedAt: now, endedBy: userId, endReason: 'replaced' }).where(eq(contentOverrides.id, previous.id)));
      }
      const created = await first(
        db()
          .insert(contentOverrides)
          .values({ ...target, originalText, previousText: previous?.text ?? originalText, text, reportId, createdBy: userId, createdAt: now })
          .returning(),
      );
      await changes(db().insert(reportEvents).values({ reportId, fromStatus: from, toStatus: 'applied', note: note ?? null, userId, createdAt: now }));
      return created;
    },
    { locks: [passageLock(target)] },
  );
}

/**
 * Ends a live override; the file's text shows again. Its report, if applied,
 * goes back to accepted. Returns false when it was no longer live.
 */
export async function revertOverride({ id, userId, now }: { id: number; userId: string; now: Date }): Promise<boolean> {
  const { reports, contentOverrides, reportEvents } = tables();
  return transaction(async () => {
    const override = await first(db().select().from(contentOverrides).where(eq(contentOverrides.id, id)));
    if (!override) return false;
    await lock(passageLock(override));
    const ended = await changes(db().update(contentOverrides).set({ endedAt: now, endedBy: userId, endReason: 'reverted' }).where(and(eq(contentOverrides.id, id), live())));
    if (ended !== 1) return false;
    if (override.reportId) {
      const moved = await changes(
        db()
          .update(reports)
          .set({ status: 'accepted', updatedAt: now })
          .where(and(eq(reports.id, override.reportId), eq(reports.status, 'applied'))),
      );
      if (moved === 1) {
        // No note: the page says "correction reverted" in the reader's language (a paragraph or summary report leaves "applied" only this way).
        await changes(db().insert(reportEvents).values({ reportId: override.reportId, fromStatus: 'applied', toStatus: 'accepted', note: null, userId, createdAt: now }));
      }
    }
    return true;
  });
}

/** Live overrides not yet written back into the MDX files. */
export async function overridesToExport(): Promise<ContentOverride[]> {
  const { contentOverrides } = tables();
  return rows(db().select().from(contentOverrides).where(and(live(), isNull(contentOverrides.exportedAt))).orderBy(asc(contentOverrides.id)));
}

export async function markExported({ id, now }: { id: number; now: Date }): Promise<void> {
  const { contentOverrides } = tables();
  await changes(db().update(contentOverrides).set({ exportedAt: now }).where(eq(contentOverrides.id, id)));
}
