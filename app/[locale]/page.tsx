import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CourseProgressCard } from '@/components/progress/CourseProgressCard';
import { courseProgressLabels } from '@/components/progress/labels';
import { listCourses } from '@/lib/content';
import { minutesOf } from '@/lib/format';
import { alternatesFor } from '@/lib/i18n/alternates';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: getTranslator(locale)('catalog.title'), alternates: alternatesFor(locale, '') };
}

export default async function CatalogPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = getTranslator(locale);
  const courses = listCourses(locale);
  return (
    <>
      <h1>{t('catalog.title')}</h1>
      <p className="prose muted">{t('catalog.intro')}</p>
      <ul className="course-list">
        {courses.map((course) => (
          <li key={course.slug} className="card course-card">
            <h2>
              <a href={`/${locale}/courses/${course.slug}`}>{course.title}</a>
            </h2>
            <p className="meta">
              <span>{t('catalog.lessons', { count: course.lessons.length })}</span>
              <span>{t('catalog.duration', { minutes: minutesOf(course.duration) })}</span>
            </p>
            <p>{course.description}</p>
            <a className="button button--quiet" href={`/${locale}/courses/${course.slug}`}>
              {t('catalog.open')}
            </a>
            <CourseProgressCard
              course={course.slug}
              href={`/${locale}/courses/${course.slug}`}
              lessons={course.lessons.map(({ slug }) => ({ slug }))}
              labels={courseProgressLabels(t)}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
