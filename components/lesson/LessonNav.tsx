import type { Course } from '@/lib/content';
import { minutesOf } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';

/** "Other lessons of this course", plus previous and next. */
export function LessonNav({ locale, course, current, t }: { locale: Locale; course: Course; current: string; t: Translate }) {
  const index = course.lessons.findIndex((lesson) => lesson.slug === current);
  const previous = course.lessons[index - 1];
  const next = course.lessons[index + 1];
  const href = (slug: string) => `/${locale}/courses/${course.slug}/${slug}`;
  return (
    <nav aria-labelledby="other-lessons-title" className="lesson-nav">
      <h2 id="other-lessons-title">{t('lesson.otherLessons')}</h2>
      <ol className="lesson-nav__list">
        {course.lessons.map((lesson) => (
          <li key={lesson.slug} data-lesson={lesson.slug}>
            {lesson.slug === current ? (
              <span aria-current="page">
                {lesson.title} <span className="muted">({t('lesson.current')})</span>
              </span>
            ) : (
              <a href={href(lesson.slug)}>{lesson.title}</a>
            )}{' '}
            <span className="muted small">{t('lesson.duration', { minutes: minutesOf(lesson.duration) })}</span>
          </li>
        ))}
      </ol>
      <div className="lesson-nav__pager">
        {previous ? (
          <a className="button button--quiet" href={href(previous.slug)} rel="prev">
            ← {t('lesson.previous')}: {previous.title}
          </a>
        ) : (
          <span />
        )}
        {next && (
          <a className="button" href={href(next.slug)} rel="next">
            {t('lesson.next')}: {next.title} →
          </a>
        )}
      </div>
    </nav>
  );
}
