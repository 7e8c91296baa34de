import 'server-only';
import { countReports, countReportsByStatus, listReports, listReportsOf, type ReportFilter } from '@/db/reports';
import { listCourses } from '@/lib/content';
import { locales, type Locale } from '@/lib/i18n/locales';
import { reportStatuses, reportTargets, type Report, type ReportStatus } from './types';

export const reportsPerPage = 20;

type Query = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);
const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** The queue's filters from a URL anyone can edit: an unknown value is no filter, never an error. */
export function queueFilter(query: Query, locale: Locale): ReportFilter {
  const lessons = listCourses(locale).flatMap((course) => course.lessons);
  return {
    status: oneOf(reportStatuses, one(query.status)),
    lesson: oneOf(lessons.map((lesson) => lesson.slug), one(query.lesson)),
    locale: oneOf(locales, one(query.locale)),
    target: oneOf(reportTargets, one(query.where)),
  };
}

/** One page of the editors' queue, newest first, with the counts per status under the other filters. */
export async function reportQueue(filter: ReportFilter, requestedPage: number): Promise<{ rows: Report[]; total: number; page: number; pages: number; counts: Partial<Record<ReportStatus, number>> }> {
  const total = await countReports({ filter });
  const pages = Math.max(1, Math.ceil(total / reportsPerPage));
  const page = Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= pages ? requestedPage : 1;
  const rows = await listReports({ filter, limit: reportsPerPage, offset: (page - 1) * reportsPerPage });
  return { rows, total, page, pages, counts: await countReportsByStatus({ filter }) };
}

/** Reports per status, for the admin's dashboard. */
export async function reportCounts(): Promise<Partial<Record<ReportStatus, number>>> {
  return countReportsByStatus({ filter: {} });
}

/** A person's reports: sent while signed in, or anonymously with their account's e-mail. */
export async function reportsOf(user: { id: string; email: string; emailVerifiedAt: Date | null }): Promise<Report[]> {
  // Anyone can sign up with someone else's address: their anonymous reports show only once the address is proved.
  return listReportsOf({ userId: user.id, email: user.emailVerifiedAt ? user.email : undefined });
}
