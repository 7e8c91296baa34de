import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminNav } from '@/components/admin/AdminNav';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { learnerDetail } from '@/lib/admin/course';
import { dateTimeFormat } from '@/lib/admin/format';
import { findUser } from '@/lib/admin/users';
import { requireUser } from '@/lib/auth/guard';
import { listCourses } from '@/lib/content';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { courseStatus } from '@/lib/progress/status';

type Props = { params: Promise<{ locale: string; userId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getTranslator(locale)('admin.learner.title'), robots: { index: false } } : {};
}

/** One learner, lesson by lesson: coverage, position, quiz attempts, completion. */
export default async function AdminLearnerPage({ params }: Props) {
  const { locale, userId } = await params;
  if (!isLocale(locale)) notFound();
  await requireUser(locale, `/${locale}/admin/learners/${encodeURIComponent(userId)}`, 'admin');
  const learner = findUser(userId);
  if (!learner) notFound();
  const t = getTranslator(locale);
  const when = dateTimeFormat(locale);
  const statusText = { notStarted: t('progress.notStarted'), inProgress: t('progress.inProgress'), complete: t('progress.complete') };
  const courses = listCourses(locale).map((course) => ({ detail: learnerDetail(learner.id, course.slug, locale), status: courseStatus(learner.id, course.slug) }));

  return (
    <div className="admin">
      <p>
        <a href={`/${locale}/admin/learners`}>← {t('admin.learner.back')}</a>
      </p>
      <h1>{learner.name}</h1>
      <AdminNav locale={locale} t={t} current="learners" />
      <p className="muted">
        {learner.email} · {t(`admin.roles.${learner.role}`)}
      </p>
      {courses.map(({ detail, status }) => (
        <section key={detail.course.slug} className="card admin__course" aria-labelledby={`learner-course-${detail.course.slug}`}>
          <h2 id={`learner-course-${detail.course.slug}`}>{detail.course.title}</h2>
          <p data-testid="learner-course-percent">{t('progress.coursePercent', { percent: status.coursePercent })}</p>
          <div className="table-scroll">
            <table className="data-table" data-testid="learner-detail">
              <caption className="visually-hidden">{detail.course.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('me.lesson')}</th>
                  <th scope="col">{t('me.coverage')}</th>
                  <th scope="col">{t('admin.learner.position')}</th>
                  <th scope="col">{t('admin.learner.attempts')}</th>
                  <th scope="col">{t('admin.learner.best')}</th>
                  <th scope="col">{t('admin.learner.last')}</th>
                  <th scope="col">{t('me.status')}</th>
                  <th scope="col">{t('admin.learner.completedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.lessons.map((lesson) => (
                  <tr key={lesson.slug} data-lesson={lesson.slug}>
                    <th scope="row">{lesson.title}</th>
                    <td>{lesson.coverage}%</td>
                    <td>{`${formatClock(lesson.position)} / ${formatClock(lesson.duration)}`}</td>
                    <td>{lesson.attempts?.count ?? 0}</td>
                    <td>{lesson.attempts ? `${lesson.attempts.best}%` : '—'}</td>
                    <td>{lesson.attempts ? `${lesson.attempts.last}% · ${when.format(lesson.attempts.lastAt)}` : '—'}</td>
                    <td>
                      <StatusBadge status={lesson.status} label={statusText[lesson.status]} />
                    </td>
                    <td>{lesson.completedAt ? when.format(lesson.completedAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

function formatClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
