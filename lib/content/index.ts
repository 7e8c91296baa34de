import 'server-only';
import path from 'node:path';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { readCatalog, type Catalog, type CourseEntry, type LessonEntry } from './catalog';
import type { Course, Lesson, QuizQuestionWithKey } from './types';
import { courseView, lessonView } from './view';

export type { Course, Lesson, LessonSummary, LessonText, QuizQuestion, Paragraph } from './types';

// The catalog as the files have it: pure, it knows nothing of the database.
// Editors' live corrections are applied above it, by lib/corrections.

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

/** A change to a lesson's text before it is shown (lib/corrections applies the live corrections this way). */
export type TextAmendment = (text: LessonFileText, textLocale: Locale) => LessonFileText;
export type LessonFileText = NonNullable<LessonEntry['texts'][Locale]>;

/**
 * A lesson in a locale, as the files have it; a missing translation falls back
 * to Italian (see `textLocale`). `amend` may change the text first.
 */
export function getLesson(courseSlug: string, lessonSlug: string, locale: Locale, amend?: TextAmendment): Lesson | undefined {
  const lesson = findLesson(courseSlug, lessonSlug);
  if (!lesson) return undefined;
  if (!amend) return lessonView(courseSlug, lesson, locale);
  const textLocale = lesson.texts[locale] ? locale : defaultLocale;
  const amended = { ...lesson, texts: { ...lesson.texts, [textLocale]: amend(lesson.texts[textLocale]!, textLocale) } };
  return lessonView(courseSlug, amended, locale);
}

/** The locale whose text a lesson shows in `locale` (itself, or Italian when the translation is missing). */
export function textLocaleOf(courseSlug: string, lessonSlug: string, locale: Locale): Locale | undefined {
  const lesson = findLesson(courseSlug, lessonSlug);
  return lesson && (lesson.texts[locale] ? locale : defaultLocale);
}

/** The text as the MDX file writes it (markdown: emphasis and links kept): what an override is made over. */
export function getFileText(courseSlug: string, lessonSlug: string, locale: Locale): { paragraphs: { id: string; keyPoint: string; text: string }[]; summary: string[] } | undefined {
  const lesson = findLesson(courseSlug, lessonSlug);
  const text = lesson?.texts[locale] ?? lesson?.texts[defaultLocale];
  return text && { paragraphs: text.paragraphs.map(({ id, keyPoint, markdown }) => ({ id, keyPoint, text: markdown })), summary: text.summaryMarkdown };
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

/** Every (course, lesson) pair, for prerendering. */
export function lessonParams(): { course: string; lesson: string }[] {
  return content().courses.flatMap((course) => course.lessons.map((lesson) => ({ course: course.slug, lesson: lesson.slug })));
}
