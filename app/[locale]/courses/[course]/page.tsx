import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/lesson/Breadcrumb';
import { CourseProgressCard } from '@/components/progress/CourseProgressCard';
import { CourseNextStepLink } from '@/components/progress/CourseNextStepLink';
import { courseProgressLabels, lessonLineLabels, nextStepLabels } from '@/components/progress/labels';
import { LessonProgressLine } from '@/components/progress/LessonProgressLine';
import { listCourses } from '@/lib/content';
import { courseFromParams } from '@/lib/content/params';
import { minutesOf } from '@/lib/format';
import { alternatesFor } from '@/lib/i18n/alternates';
import { locales } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string; course: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.flatMap((locale) => listCourses(locale).map((course) => ({ locale, course: course.slug })));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await courseFromParams(params);
  if (!found) return {};
  const { locale, course } = found;
  return {
    title: course.title,
    description: course.description,
    alternates: alternatesFor(locale, `courses/${course.slug}`),
    openGraph: { title: course.title, description: course.description, type: 'website' },
  };
}

export default async function CoursePage({ params }: Props) {
  const found = await courseFromParams(params);
  if (!found) notFound();
  const { locale, course } = found;
  const t = getTranslator(locale);
  const lessonLabels = lessonLineLabels(t);
  return (
    <article className="course">
      <Breadcrumb label={t('course.breadcrumb')} items={[{ href: `/${locale}`, label: t('lesson.catalog') }, { label: course.title }]} />
      <h1>{course.title}</h1>
      <p className="meta">
        <span>{t('catalog.lessons', { count: course.lessons.length })}</span>
        <span>{t('catalog.duration', { minutes: minutesOf(course.duration) })}</span>
      </p>
      <CourseProgressCard
        course={course.slug}
        href={`/${locale}/courses/${course.slug}`}
        lessons={course.lessons.map(({ slug }) => ({ slug }))}
        labels={courseProgressLabels(t)}
      />
      <div className="prose">
        <p className="lead">{course.description}</p>
        {course.introduction.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
        <h2>{t('course.outcomesHeading')}</h2>
        <ul>
          {course.outcomes.map((outcome) => (
            <li key={outcome}>{outcome}</li>
          ))}
        </ul>
      </div>
      <h2>{t('course.lessonsHeading')}</h2>
      <ol className="lesson-list">
        {course.lessons.map((lesson) => (
          <li key={lesson.slug} className="card lesson-list__item" data-lesson={lesson.slug}>
            <span className="lesson-list__number" aria-hidden="true">
              {lesson.order}
            </span>
            <div>
              <h3>
                <a href={`/${locale}/courses/${course.slug}/${lesson.slug}`}>{lesson.title}</a>
              </h3>
              <p className="muted">{lesson.description}</p>
              <LessonProgressLine course={course.slug} lesson={lesson.slug} labels={lessonLabels} />
            </div>
            <span className="lesson-list__duration">{t('lesson.duration', { minutes: minutesOf(lesson.duration) })}</span>
          </li>
        ))}
      </ol>
      <p className="course__next">
        <CourseNextStepLink course={course.slug} href={`/${locale}/courses/${course.slug}`} lessons={course.lessons.map(({ slug }) => ({ slug }))} labels={nextStepLabels(t)} />
      </p>
    </article>
  );
}
