import 'server-only';
import { and, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from './client';
import { reportEvents, reports, users, type NewReport, type Report, type ReportEvent, type ReportStatus, type ReportTarget } from './schema';

export function insertReport({ report }: { report: NewReport }): Report {
  const db = getDb();
  return db.transaction((tx) => {
    const created = tx.insert(reports).values(report).returning().get();
    tx.insert(reportEvents).values({ reportId: created.id, fromStatus: null, toStatus: 'new', userId: report.userId ?? null, createdAt: report.createdAt }).run();
    return created;
  });
}

export type ReportFilter = { status?: ReportStatus; lesson?: string; locale?: string; target?: ReportTarget };

function whereOf(filter: ReportFilter): SQL | undefined {
  const parts = [
    filter.status && eq(reports.status, filter.status),
    filter.lesson && eq(reports.lesson, filter.lesson),
    filter.locale && eq(reports.locale, filter.locale),
    filter.target && eq(reports.target, filter.target),
  ].filter((part): part is SQL => Boolean(part));
  return parts.length > 0 ? and(...parts) : undefined;
}

/** Newest first, one page. */
export function listReports({ filter, limit, offset }: { filter: ReportFilter; limit: number; offset: number }): Report[] {
  return getDb().select().from(reports).where(whereOf(filter)).orderBy(desc(reports.createdAt), desc(reports.id)).limit(limit).offset(offset).all();
}

export function countReports({ filter }: { filter: ReportFilter }): number {
  return getDb().select({ n: count() }).from(reports).where(whereOf(filter)).get()?.n ?? 0;
}

/** Reports per status under the other filters (the status filter itself is left out). */
export function countReportsByStatus({ filter }: { filter: ReportFilter }): Partial<Record<ReportStatus, number>> {
  const rows = getDb()
    .select({ status: reports.status, n: count() })
    .from(reports)
    .where(whereOf({ ...filter, status: undefined }))
    .groupBy(reports.status)
    .all();
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

export type ReportWithReporter = Report & { reporterName: string | null; reporterEmail: string | null };

export function findReport({ id }: { id: number }): ReportWithReporter | undefined {
  return getDb()
    .select({ report: reports, reporterName: users.name, reporterEmail: users.email })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.userId))
    .where(eq(reports.id, id))
    .all()
    .map((row) => ({ ...row.report, reporterName: row.reporterName, reporterEmail: row.reporterEmail }))[0];
}

export type EventWithUser = ReportEvent & { userName: string | null };

export function listReportEvents({ reportId }: { reportId: number }): EventWithUser[] {
  return getDb()
    .select({ event: reportEvents, userName: users.name })
    .from(reportEvents)
    .leftJoin(users, eq(users.id, reportEvents.userId))
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(reportEvents.createdAt, reportEvents.id)
    .all()
    .map((row) => ({ ...row.event, userName: row.userName }));
}

/**
 * Moves a report from `from` to `to` and records who, when and why. Returns
 * false when the report was no longer in `from` (someone else moved it first).
 */
export function changeReportStatus({ id, from, to, userId, note, now }: { id: number; from: ReportStatus; to: ReportStatus; userId: string; note?: string; now: Date }): boolean {
  return getDb().transaction((tx) => {
    const updated = tx
      .update(reports)
      .set({ status: to, updatedAt: now })
      .where(and(eq(reports.id, id), eq(reports.status, from)))
      .run();
    if (updated.changes !== 1) return false;
    tx.insert(reportEvents).values({ reportId: id, fromStatus: from, toStatus: to, note: note ?? null, userId, createdAt: now }).run();
    return true;
  });
}

/** A person's reports: sent while signed in, or anonymously with `email` (given only once the address is verified as theirs). Newest first. */
export function listReportsOf({ userId, email, limit = 50 }: { userId: string; email?: string; limit?: number }): Report[] {
  return getDb()
    .select()
    .from(reports)
    .where(email ? or(eq(reports.userId, userId), eq(sql`lower(${reports.email})`, email.toLowerCase())) : eq(reports.userId, userId))
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(limit)
    .all();
}

/** Claims the one e-mail telling the reporter the outcome: true once per report, whoever asks first. */
export function markReporterNotified({ id, now }: { id: number; now: Date }): boolean {
  return getDb().update(reports).set({ reporterNotifiedAt: now }).where(and(eq(reports.id, id), isNull(reports.reporterNotifiedAt))).run().changes === 1;
}
