import { reportsOf } from '@/lib/reports/queue';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProgressBar } from '@/components/progress/ProgressBar';
import { MyReports } from '@/components/reports/MyReports';
import { requireUser } from '@/lib/auth/guard';
import { listCourses } from '@/lib/content';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { courseStatus } from '@/lib/progress/status';

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
  const dateFormat = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : locale, { dateStyle: 'long', timeZone: 'UTC' });
  const courses = listCourses(locale).map((course) => ({ course, status: courseStatus(user.id, course.slug) }));
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
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{course.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('me.lesson')}</th>
                  <th scope="col">{t('me.coverage')}</th>
                  <th scope="col">{t('me.quiz')}</th>
                  <th scope="col">{t('me.status')}</th>
                </tr>
              </thead>
              <tbody>
                {course.lessons.map((lesson) => {
                  const lessonStatus = status.lessons.find((item) => item.lesson === lesson.slug)!;
                  return (
                    <tr key={lesson.slug} data-lesson={lesson.slug}>
                      <th scope="row">
                        <a href={`/${locale}/courses/${course.slug}/${lesson.slug}`}>{lesson.title}</a>
                      </th>
                      <td>{lessonStatus.watchedPercent}%</td>
                      <td>{lessonStatus.quizBest === null ? '—' : `${lessonStatus.quizBest}%`}</td>
                      <td>{lessonStatus.complete ? `✓ ${t('progress.complete')}` : t(`progress.${lessonStatus.state}`)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
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
                <a href={status.certificate!.url}>{course.title}</a> — {t('me.issuedOn', { date: dateFormat.format(new Date(status.certificate!.issuedAt)) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <MyReports reports={reportsOf(user)} locale={locale} t={t} />
    </div>
  );
}
