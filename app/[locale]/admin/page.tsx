import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminNav } from '@/components/admin/AdminNav';
import { MailStatusCard } from '@/components/admin/MailStatusCard';
import { CsvDownload } from '@/components/admin/CsvDownload';
import { ReportCounts } from '@/components/admin/ReportCounts';
import { FunnelChart } from '@/components/admin/FunnelChart';
import { DataTable } from '@/components/ui/DataTable';
import { dashboard, type LessonFunnel } from '@/lib/admin/course';
import { formatNumber, formatSpan } from '@/lib/format';
import { requireUser } from '@/lib/auth/guard';
import { reportCounts } from '@/lib/reports/queue';
import { listCourses } from '@/lib/content';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { mailStatus } from '@/lib/mail';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getTranslator(locale)('admin.title'), robots: { index: false } } : {};
}

/** Completion at a glance: each course's figures and its lesson-by-lesson funnel. */
export default async function AdminPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  await requireUser(locale, `/${locale}/admin`, 'admin');
  const t = getTranslator(locale);
  const number = { format: (value: number) => formatNumber(value, locale) };
  const courses = await Promise.all(listCourses(locale).map((course) => dashboard(course.slug, locale)));

  return (
    <div className="admin">
      <h1>{t('admin.title')}</h1>
      <AdminNav locale={locale} t={t} current="overview" />
      {courses.map(({ course, figures, funnels }) => {
        const titles = Object.fromEntries(course.lessons.map((lesson) => [lesson.slug, lesson.title]));
        const stats: [string, string][] = [
          ['enrolled', number.format(figures.enrolled)],
          ['started', number.format(figures.started)],
          ['completed', number.format(figures.completed)],
          ['rate', `${number.format(figures.completionRate)}%`],
          ['median', figures.medianCompletionMs === null ? '—' : formatSpan(figures.medianCompletionMs, locale)],
          ['certificates', number.format(figures.certificates)],
        ];
        return (
          <section key={course.slug} className="admin__course" aria-labelledby={`admin-course-${course.slug}`} data-testid={`admin-course-${course.slug}`}>
            <div className="admin__heading">
              <h2 id={`admin-course-${course.slug}`}>{course.title}</h2>
              <CsvDownload locale={locale} course={course.slug} label={t('admin.export')} t={t} />
            </div>
            <dl className="stat-grid">
              {stats.map(([key, value]) => (
                <div key={key} className="card stat" data-stat={key}>
                  <dt>{t(`admin.figures.${key as 'enrolled'}`)}</dt>
                  <dd>{value}</dd>
                  {key === 'enrolled' && <dd className="stat__hint">{t('admin.figures.enrolledHint')}</dd>}
                </div>
              ))}
            </dl>
            <h3>{t('admin.funnel.heading')}</h3>
            <FunnelChart funnels={funnels} titles={titles} t={t} />
            <DataTable
              caption={t('admin.funnel.chartTitle')}
              rows={funnels}
              rowKey={(funnel) => funnel.lesson}
              rowProps={(funnel) => ({ 'data-lesson': funnel.lesson })}
              testId="funnel-table"
              columns={[
                { key: 'lesson', header: t('admin.funnel.lesson'), rowHeader: true, cell: (funnel) => titles[funnel.lesson] },
                ...(['started', 'videoWatched', 'quizPassed', 'complete'] as const).map((step) => ({ key: step, header: t(`admin.funnel.${step}`), cell: (funnel: LessonFunnel) => number.format(funnel[step]) })),
                { key: 'coverage', header: t('admin.funnel.averageCoverage'), cell: (funnel) => (funnel.averageCoverage === null ? '—' : `${number.format(funnel.averageCoverage)}%`) },
                { key: 'quiz', header: t('admin.funnel.averageQuiz'), cell: (funnel) => (funnel.averageQuiz === null ? '—' : `${number.format(funnel.averageQuiz)}%`) },
              ]}
            />
          </section>
        );
      })}
      <ReportCounts counts={await reportCounts()} locale={locale} t={t} />
      <MailStatusCard status={await mailStatus()} locale={locale} t={t} />
    </div>
  );
}
