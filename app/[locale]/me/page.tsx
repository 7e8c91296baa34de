import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProgressBar } from '@/components/progress/ProgressBar';
import { MyReports } from '@/components/reports/MyReports';
import { DataTable } from '@/components/ui/DataTable';
import { requireUser } from '@/lib/auth/guard';
import { listCourses } from '@/lib/content';
import { formatDate } from '@/lib/format';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { courseStatus } from '@/lib/progress/status';
import { reportsOf } from '@/lib/reports/queue';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getTranslator(locale)('me.title'), robots: { index: false } } : {};
}

/** The learner's own page: every course's progress, lesson by lesson, certificates, and their error reports. */
export default async function MyProgressPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireUser(locale, `/${locale}/me`);
  const t = getTranslator(locale);
  const courses = await Promise.all(listCourses(locale).map(async (course) => ({ course, status: await courseStatus(user.id, course.slug) })));
  const certificates = courses.filter(({ status }) => status.certificate);

  return (
    <div className="me">
      <h1>{t('me.title')}</h1>
      <p className="muted prose">{t('me.intro')}</p>
      {courses.map(({ course, status }) => (
        <section key={course.slug} className="card me__course" aria-labelledby={`course-${course.slug}`} data-testid={`me-course-${course.slug}`}>
          <h2 id={`course-${course.slug}`}>
            <a href={`/${locale}/courses/${course.slug}`}>{course.title}</a>
          </h2>
          <p>{t('progress.coursePercent', { percent: status.coursePercent })}</p>
          <ProgressBar percent={status.coursePercent} label={t('progress.coursePercent', { percent: status.coursePercent })} />
          <DataTable
            caption={course.title}
            rows={course.lessons.map((lesson) => ({ lesson, status: status.lessons.find((item) => item.lesson === lesson.slug)! }))}
            rowKey={({ lesson }) => lesson.slug}
            rowProps={({ lesson }) => ({ 'data-lesson': lesson.slug })}
            variant="stack"
            columns={[
              { key: 'lesson', header: t('me.lesson'), rowHeader: true, cell: ({ lesson }) => <a href={`/${locale}/courses/${course.slug}/${lesson.slug}`}>{lesson.title}</a> },
              { key: 'coverage', header: t('me.coverage'), cell: ({ status: lesson }) => `${lesson.watchedPercent}%` },
              { key: 'quiz', header: t('me.quiz'), cell: ({ status: lesson }) => (lesson.quizBest === null ? '—' : `${lesson.quizBest}%`) },
              { key: 'status', header: t('me.status'), cell: ({ status: lesson }) => (lesson.complete ? `✓ ${t('progress.complete')}` : t(`progress.${lesson.state}`)) },
            ]}
          />
        </section>
      ))}
      <section aria-labelledby="certificates-title">
        <h2 id="certificates-title">{t('me.certificates')}</h2>
        {certificates.length === 0 ? (
          <p className="muted">{t('me.noCertificates')}</p>
        ) : (
          <ul>
            {certificates.map(({ course, status }) => (
              <li key={course.slug}>
                <a href={status.certificate!.url}>{course.title}</a> — {t('me.issuedOn', { date: formatDate(new Date(status.certificate!.issuedAt), locale) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <MyReports reports={await reportsOf(user)} locale={locale} t={t} />
    </div>
  );
}
