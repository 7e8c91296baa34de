import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { QueueFilters } from '@/components/reports/QueueFilters';
import { ReportTable } from '@/components/reports/ReportTable';
import { Pager } from '@/components/ui/Pager';
import { requireUser } from '@/lib/auth/guard';
import { listCourses } from '@/lib/content';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { queueFilter, reportQueue } from '@/lib/reports/queue';
import { reportStatuses, type ReportFilter } from '@/lib/reports/types';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: getTranslator(locale)('editor.title'), robots: { index: false } };
}

/** The editors' queue: filters, counts per status, newest first, paginated. */
export default async function EditorQueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const query = await searchParams;
  const here = `/${locale}/editor`;
  await requireUser(locale, here, 'editor');
  const t = getTranslator(locale);
  const lessons = listCourses(locale).flatMap((course) => course.lessons);
  const filter = queueFilter(query, locale);
  const queue = await reportQueue(filter, Number(typeof query.page === 'string' ? query.page : '1'));
  const titleOf = new Map(lessons.map((lesson) => [lesson.slug, lesson.title]));
  const link = (changes: Partial<Record<keyof ReportFilter | 'page', string>>) => {
    const merged = { status: filter.status, lesson: filter.lesson, locale: filter.locale, where: filter.target, ...changes };
    const search = new URLSearchParams(Object.entries(merged).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
    return search ? `${here}?${search}` : here;
  };

  return (
    <>
      <h1>{t('editor.title')}</h1>
      <p className="muted">{t('editor.intro')}</p>
      <h2 className="visually-hidden">{t('editor.counts')}</h2>
      <ul className="status-counts" data-testid="status-counts">
        {reportStatuses.map((status) => (
          <li key={status}>
            <a className={`status status--${status}`} href={link({ status })} aria-current={filter.status === status ? 'true' : undefined} data-status={status}>
              {t(`reportStatus.${status}`)}: <span data-count>{queue.counts[status] ?? 0}</span>
            </a>
          </li>
        ))}
      </ul>
      <QueueFilters action={here} filter={filter} lessons={lessons} t={t} />
      {queue.rows.length === 0 ? (
        <p className="notice notice--info">{t('editor.empty')}</p>
      ) : (
        <ReportTable
          reports={queue.rows}
          caption={t('editor.title')}
          locale={locale}
          t={t}
          hrefOf={(report) => `/${locale}/editor/reports/${report.id}`}
          lessonOf={(report) => (
            <>
              {titleOf.get(report.lesson) ?? report.lesson} <span className="muted small">({report.locale})</span>
            </>
          )}
          testId="report-table"
        />
      )}
      <Pager page={queue.page} pages={queue.pages} href={(n) => link({ page: String(n) })} t={t} />
    </>
  );
}
