import 'server-only';
import { activeOverrides } from '@/db/corrections';
import { getCourse, getLesson, type Lesson } from '@/lib/content';
import { buildVtt } from '@/lib/content/captions';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { applyOverrides, correctionSources } from './text';

/**
 * Lessons as learners see them: the catalog's text with the editors' live
 * corrections applied. This module sits above both lib/content (the files) and
 * the corrections in the database, so neither depends on the other.
 */

/** Corrections in force; the lesson stays readable when the database is not. */
function overridesOf(course: string, lesson: string, textLocale: Locale) {
  try {
    return activeOverrides({ course, lesson, locale: textLocale });
  } catch (error) {
    console.error('Could not read content corrections:', error);
    return [];
  }
}

/** A lesson in a locale with the live corrections of the text it shows. */
export function getLiveLesson(course: string, lesson: string, locale: Locale): Lesson | undefined {
  return getLesson(course, lesson, locale, (text, textLocale) => applyOverrides(text, overridesOf(course, lesson, textLocale)));
}

/** The lesson's captions in a locale, from its live text and the Italian timings. */
export function liveCaptionsVtt(course: string, lesson: string, locale: Locale): string | undefined {
  const live = getLiveLesson(course, lesson, locale);
  return live && buildVtt(live.paragraphs);
}

/** Route params → the course, the live lesson in a locale and its corrections as markdown (what the page renders), or undefined (the page 404s). */
export async function liveLessonFromParams(params: Promise<{ locale: string; course: string; lesson: string }>) {
  const { locale, course, lesson } = await params;
  if (!isLocale(locale)) return undefined;
  const foundCourse = getCourse(course, locale);
  const foundLesson = getLiveLesson(course, lesson, locale);
  if (!foundCourse || !foundLesson) return undefined;
  const corrections = correctionSources(overridesOf(course, lesson, foundLesson.textLocale));
  return { locale, course: foundCourse, lesson: foundLesson, corrections };
}
