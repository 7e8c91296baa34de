import 'server-only';
import { and, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { changes, db, first, rows, tables, transaction } from './query';
import type { NewReport, Report, ReportEvent, ReportStatus, ReportTarget } from './schema';

export async function insertReport({ report }: { report: NewReport }): Promise<Report> {
  const { reports, reportEvents } = tables();
  return transaction(async () => {
    const created = (await first(db().insert(reports).values(report).returning()))!;
    await changes(db().insert(reportEvents).values({ reportId: created.id, fromStatus: null, toStatus: 'new', userId: report.userId ?? null, createdAt: report.createdAt }));
    return created;
  });
}

export type ReportFilter = { status?: ReportStatus; lesson?: string; locale?: string; target?: ReportTarget };

function whereOf(filter: ReportFilter): SQL | undefined {
  const { reports } = tables();
  const parts = [
    filter.status && eq(reports.status, filter.status),
    filter.lesson && eq(reports.lesson, filter.lesson),
    filter.locale && eq(reports.locale, filter.locale),
    filter.target && eq(reports.target, filter.target),
  ].filter((part): part is SQL => Boolean(part));
  return parts.length > 0 ? and(...parts) : undefined;
}

/** Newest first, one page. */
export async function listReports({ filter, limit, offset }: { filter: ReportFilter; limit: number; offset: number }): Promise<Report[]> {
  const { reports } = tables();
  return rows(db().select().from(reports).where(whereOf(filter)).orderBy(desc(reports.createdAt), desc(reports.id)).limit(limit).offset(offset));
}

export async function countReports({ filter }: { filter: ReportFilter }): Promise<number> {
  const { reports } = tables();
  return (await first(db().select({ n: count() }).from(reports).where(whereOf(filter))))?.n ?? 0;
}

/** Reports per status under the other filters (the status filter itself is left out). */
export async function countReportsByStatus({ filter }: { filter: ReportFilter }): Promise<Partial<Record<ReportStatus, number>>> {
  const { reports } = tables();
  const found = await rows(
    db()
      .select({ status: reports.status, n: count() })
      .from(reports)
      .where(whereOf({ ...filter, status: undefined }))
      .groupBy(reports.status),
  );
  return Object.fromEntries(found.map((row) => [row.status, row.n]));
}

export type ReportWithReporter = Report & { reporterName: string | null; reporterEmail: string | null };

export async function findReport({ id }: { id: number }): Promise<ReportWithReporter | undefined> {
  const { reports, users } = tables();
  const row = await first(
    db()
      .select({ report: reports, reporterName: users.name, reporterEmail: users.email })
      .from(reports)
      .leftJoin(users, eq(users.id, reports.userId))
      .where(eq(reports.id, id)),
  );
  return row && { ...row.report, reporterName: row.reporterName, reporterEmail: row.reporterEmail };
}

export type EventWithUser = ReportEvent & { userName: string | null };

export async function listReportEvents({ reportId }: { reportId: number }): Promise<EventWithUser[]> {
  const { reportEvents, users } = tables();
  const found = await rows(
    db()
      .select({ event: reportEvents, userName: users.name })
      .from(reportEvents)
      .leftJoin(users, eq(users.id, reportEvents.userId))
      .where(eq(reportEvents.reportId, reportId))
      .orderBy(reportEvents.createdAt, reportEvents.id),
  );
  return found.map((row) => ({ ...row.event, userName: row.userName }));
}

/**
 * Moves a report from `from` to `to` and records who, when and why. Returns
 * false when the report was no longer in `from` (someone else moved it first:
 * the update is conditional, and PostgreSQL re-checks it after a competing one).
 */
export async function changeReportStatus({ id, from, to, userId, note, now }: { id: number; from: ReportStatus; to: ReportStatus; userId: string; note?: string; now: Date }): Promise<boolean> {
  const { reports, reportEvents } = tables();
  return transaction(async () => {
    const updated = await changes(
      db()
        .update(reports)
        .set({ status: to, updatedAt: now })
        .where(and(eq(reports.id, id), eq(reports.status, from))),
    );
    if (updated !== 1) return false;
    await changes(db().insert(reportEvents).values({ reportId: id, fromStatus: from, toStatus: to, note: note ?? null, userId, createdAt: now }));
    return true;
  });
}

/** A person's reports: sent while signed in, or anonymously with `email` (given only once the address is verified as theirs). Newest first. */
export async function listReportsOf({ userId, email, limit = 50 }: { userId: string; email?: string; limit?: number }): Promise<Report[]> {
  const { reports } = tables();
  return rows(
    db()
      .select()
      .from(reports)
      .where(email ? or(eq(reports.userId, userId), eq(sql`lower(${reports.email})`, email.toLowerCase())) : eq(reports.userId, userId))
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(limit),
  );
}

/** Claims the one e-mail telling the reporter the outcome: true once per report, whoever asks first. */
export async function markReporterNotified({ id, now }: { id: number; now: Date }): Promise<boolean> {
  const { reports } = tables();
  return (await changes(db().update(reports).set({ reporterNotifiedAt: now }).where(and(eq(reports.id, id), isNull(reports.reporterNotifiedAt))))) === 1;
}
