import 'server-only';
import path from 'node:path';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { activeOverrides } from '@/db/corrections';
import { applyOverrides, type ActiveOverride } from '@/lib/reports/overrides';
import { buildVtt } from './captions';
import { readCatalog, type Catalog, type CourseEntry, type LessonEntry } from './catalog';
import type { Course, Lesson, QuizQuestionWithKey } from './types';
import { courseView, lessonView } from './view';

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

export function listCourses(locale: Locale): Course[] {
  return content().courses.map((course) => courseView(course, locale));
}

export function getCourse(slug: string, locale: Locale): Course | undefined {
  const course = findCourse(slug);
  return course && courseView(course, locale);
}

/** Corrections applied live by editors; content stays readable if the database is not. */
function overridesOf(course: string, lesson: string, locale: Locale): ActiveOverride[] {
  try {
    return activeOverrides({ course, lesson, locale });
  } catch (error) {
    console.error('Could not read content corrections:', error);
    return [];
  }
}

/**
 * A lesson in a locale, with the editors' live corrections applied; a missing
 * translation falls back to Italian (see `textLocale`).
 */
export function getLesson(courseSlug: string, lessonSlug: string, locale: Locale): Lesson | undefined {
  const lesson = findLesson(courseSlug, lessonSlug);
  if (!lesson) return undefined;
  const textLocale = lesson.texts[locale] ? locale : defaultLocale;
  const overrides = overridesOf(courseSlug, lessonSlug, textLocale);
  if (overrides.length === 0) return lessonView(courseSlug, lesson, locale);
  const corrected = { ...lesson, texts: { ...lesson.texts, [textLocale]: applyOverrides(lesson.texts[textLocale]!, overrides) } };
  return lessonView(courseSlug, corrected, locale);
}

/** The text as the MDX file has it (no corrections): what an override is made over. */
export function getFileText(courseSlug: string, lessonSlug: string, locale: Locale): { paragraphs: { id: string; keyPoint: string; text: string }[]; summary: string[] } | undefined {
  const lesson = findLesson(courseSlug, lessonSlug);
  const text = lesson?.texts[locale] ?? lesson?.texts[defaultLocale];
  return text && { paragraphs: text.paragraphs, summary: text.summary };
}

/** The folder of a lesson's MDX files, for writing corrections back. */
export function lessonDir(courseSlug: string, lessonSlug: string): string | undefined {
  return findLesson(courseSlug, lessonSlug)?.dir;
}

/** The quiz with its key and explanations (in the locale, else Italian), for grading on the server only. */
export function getQuizWithKey(courseSlug: string, lessonSlug: string, locale: Locale = defaultLocale): QuizQuestionWithKey[] | undefined {
  const lesson = findLesson(courseSlug, lessonSlug);
  return (lesson?.texts[locale] ?? lesson?.texts[defaultLocale])?.quiz;
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
