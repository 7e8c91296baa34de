import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminNav } from '@/components/admin/AdminNav';
import { LearnerDataCard } from '@/components/admin/LearnerDataCard';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { DataTable } from '@/components/ui/DataTable';
import { learnerDetail } from '@/lib/admin/course';
import { clock, formatDateTime } from '@/lib/format';
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
  const learner = await findUser(userId);
  if (!learner) notFound();
  const t = getTranslator(locale);
  const statusText = { notStarted: t('progress.notStarted'), inProgress: t('progress.inProgress'), complete: t('progress.complete') };
  const courses = await Promise.all(listCourses(locale).map(async (course) => ({ detail: await learnerDetail(learner.id, course.slug, locale), status: await courseStatus(learner.id, course.slug) })));

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
          <DataTable
            caption={detail.course.title}
            rows={detail.lessons}
            rowKey={(lesson) => lesson.slug}
            rowProps={(lesson) => ({ 'data-lesson': lesson.slug })}
            testId="learner-detail"
            columns={[
              { key: 'lesson', header: t('me.lesson'), rowHeader: true, cell: (lesson) => lesson.title },
              { key: 'coverage', header: t('me.coverage'), cell: (lesson) => `${lesson.coverage}%` },
              { key: 'position', header: t('admin.learner.position'), cell: (lesson) => `${clock(lesson.position)} / ${clock(lesson.duration)}` },
              { key: 'attempts', header: t('admin.learner.attempts'), cell: (lesson) => lesson.attempts?.count ?? 0 },
              { key: 'best', header: t('admin.learner.best'), cell: (lesson) => (lesson.attempts ? `${lesson.attempts.best}%` : '—') },
              { key: 'last', header: t('admin.learner.last'), cell: (lesson) => (lesson.attempts ? `${lesson.attempts.last}% · ${formatDateTime(lesson.attempts.lastAt, locale)}` : '—') },
              { key: 'status', header: t('me.status'), cell: (lesson) => <StatusBadge status={lesson.status} label={statusText[lesson.status]} /> },
              { key: 'completed', header: t('admin.learner.completedAt'), cell: (lesson) => (lesson.completedAt ? formatDateTime(lesson.completedAt, locale) : '—') },
            ]}
          />
        </section>
      ))}
      {learner.role === 'learner' && <LearnerDataCard userId={learner.id} locale={locale} t={t} />}
    </div>
  );
}
