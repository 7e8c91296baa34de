import { defaultLocale, locales, type Locale } from '@/lib/i18n/locales';
import type { CourseEntry, LessonEntry } from './catalog';
import type { Course, Lesson, LessonMedia, LessonSummary } from './types';

// Pure views of the validated catalog in one locale; a missing translation falls back to Italian.

function summarize(course: string, lesson: LessonEntry, locale: Locale): LessonSummary {
  const text = lesson.texts[locale] ?? lesson.texts[defaultLocale]!;
  return { course, slug: lesson.slug, order: lesson.order, duration: lesson.timings.duration, title: text.title, description: text.description };
}

function mediaOf(course: string, lesson: LessonEntry): LessonMedia {
  const base = `/media/${course}/${lesson.slug}`;
  const version = `?v=${lesson.mediaVersion}`;
  return {
    video: `${base}/video.mp4${version}`,
    poster: `${base}/poster.webp${version}`,
    sharePoster: `${base}/poster.jpg${version}`,
    captions: locales.map((locale) => ({ locale, url: `/captions/${course}/${lesson.slug}/${locale}.vtt` })),
  };
}

export function courseView(course: CourseEntry, locale: Locale): Course {
  const text = course.texts[locale] ?? course.texts[defaultLocale]!;
  const lessons = course.lessons.map((lesson) => summarize(course.slug, lesson, locale));
  return {
    slug: course.slug,
    locale,
    title: text.title,
    description: text.description,
    outcomes: text.outcomes,
    introduction: text.introduction,
    lessons,
    duration: lessons.reduce((sum, lesson) => sum + lesson.duration, 0),
  };
}

export function lessonView(course: string, lesson: LessonEntry, locale: Locale): Lesson {
  const textLocale = lesson.texts[locale] ? locale : defaultLocale;
  const text = lesson.texts[textLocale]!;
  const times = new Map(lesson.timings.paragraphs.map((p) => [p.id, p]));
  return {
    course,
    slug: lesson.slug,
    order: lesson.order,
    duration: lesson.timings.duration,
    locale,
    textLocale,
    title: text.title,
    description: text.description,
    paragraphs: text.paragraphs.map((p) => ({ ...p, start: times.get(p.id)!.start, end: times.get(p.id)!.end })),
    summary: text.summary,
    takeaways: text.takeaways,
    // The key and the explanations stay on the server until an attempt is graded.
    quiz: text.quiz.map(({ answer: _key, explanation: _explanation, ...question }) => question),
    media: mediaOf(course, lesson),
  };
}
