import 'server-only';
import path from 'node:path';
import { defaultLocale, locales, type Locale } from '@/lib/i18n/locales';
import { buildVtt } from './captions';
import { readCatalog, type Catalog, type CourseEntry, type LessonEntry } from './catalog';
import type { Course, Lesson, LessonMedia, LessonSummary, QuizQuestionWithKey } from './types';

export type { Course, Lesson, LessonSummary, QuizQuestion, Paragraph } from './types';

let catalog: Catalog | undefined;

/** Read and validated once per process (at build, and at first use after start). */
function content(): Catalog {
  catalog ??= readCatalog(path.join(process.cwd(), 'content'));
  return catalog;
}

function findCourse(slug: string): CourseEntry | undefined {
  return content().courses.find((course) => course.slug === slug);
}

function findLesson(courseSlug: string, lessonSlug: string): LessonEntry | undefined {
  return findCourse(courseSlug)?.lessons.find((lesson) => lesson.slug === lessonSlug);
}

function summarize(course: string, lesson: LessonEntry, locale: Locale): LessonSummary {
  const text = lesson.texts[locale] ?? lesson.texts[defaultLocale]!;
  return { course, slug: lesson.slug, order: lesson.order, duration: lesson.timings.duration, title: text.title, description: text.description };
}

function mediaOf(course: string, lesson: LessonEntry): LessonMedia {
  const base = `/media/${course}/${lesson.slug}`;
  const version = `?v=${lesson.mediaVersion}`;
  return {
    video: `${base}/video.mp4${version}`,
    poster: `${base}/poster.jpg${version}`,
    captions: locales.map((locale) => ({ locale, url: `/captions/${course}/${lesson.slug}/${locale}.vtt` })),
  };
}

export function listCourses(locale: Locale): Course[] {
  return content().courses.map((course) => getCourse(course.slug, locale)!);
}

export function getCourse(slug: string, locale: Locale): Course | undefined {
  const course = findCourse(slug);
  if (!course) return undefined;
  const text = course.texts[locale] ?? course.texts[defaultLocale]!;
  const lessons = course.lessons.map((lesson) => summarize(slug, lesson, locale));
  return {
    slug,
    locale,
    title: text.title,
    description: text.description,
    outcomes: text.outcomes,
    introduction: text.introduction,
    lessons,
    duration: lessons.reduce((sum, lesson) => sum + lesson.duration, 0),
  };
}

/** A lesson in a locale; a missing translation falls back to Italian (see `textLocale`). */
export function getLesson(courseSlug: string, lessonSlug: string, locale: Locale): Lesson | undefined {
  const lesson = findLesson(courseSlug, lessonSlug);
  if (!lesson) return undefined;
  const textLocale = lesson.texts[locale] ? locale : defaultLocale;
  const text = lesson.texts[textLocale]!;
  const times = new Map(lesson.timings.paragraphs.map((p) => [p.id, p]));
  return {
    course: courseSlug,
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
    quiz: text.quiz.map(({ answer: _key, ...question }) => question),
    media: mediaOf(courseSlug, lesson),
  };
}

/** The quiz with its answer key, for grading on the server only. */
export function getQuizWithKey(courseSlug: string, lessonSlug: string): QuizQuestionWithKey[] | undefined {
  return findLesson(courseSlug, lessonSlug)?.texts[defaultLocale]?.quiz;
}

export function lessonDuration(courseSlug: string, lessonSlug: string): number | undefined {
  return findLesson(courseSlug, lessonSlug)?.timings.duration;
}

export function captionsVtt(courseSlug: string, lessonSlug: string, locale: Locale): string | undefined {
  const lesson = getLesson(courseSlug, lessonSlug, locale);
  return lesson && buildVtt(lesson.paragraphs);
}

/** Every (course, lesson) pair, for prerendering. */
export function lessonParams(): { course: string; lesson: string }[] {
  return content().courses.flatMap((course) => course.lessons.map((lesson) => ({ course: course.slug, lesson: lesson.slug })));
}
