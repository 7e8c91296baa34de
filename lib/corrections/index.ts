import 'server-only';
import { activeOverrides } from '@/db/corrections';
import { getCourse, getLesson, textLocaleOf, type Lesson } from '@/lib/content';
import { buildVtt } from '@/lib/content/captions';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { applyOverrides, correctionSources } from './text';

/**
 * Lessons as learners see them: the catalog's text with the editors' live
 * corrections applied. This module sits above both lib/content (the files) and
 * the corrections in the database, so neither depends on the other.
 */

/** Corrections in force; the lesson stays readable when the database is not. */
async function overridesOf(course: string, lesson: string, textLocale: Locale) {
  try {
    return await activeOverrides({ course, lesson, locale: textLocale });
  } catch (error) {
    console.error('Could not read content corrections:', error);
    return [];
  }
}

/** A lesson in a locale with the live corrections of the text it shows. */
export async function getLiveLesson(course: string, lesson: string, locale: Locale): Promise<Lesson | undefined> {
  const textLocale = textLocaleOf(course, lesson, locale);
  if (!textLocale) return undefined;
  const overrides = await overridesOf(course, lesson, textLocale);
  return getLesson(course, lesson, locale, (text) => applyOverrides(text, overrides));
}

/** The lesson's captions in a locale, from its live text and the Italian timings. */
export async function liveCaptionsVtt(course: string, lesson: string, locale: Locale): Promise<string | undefined> {
  const live = await getLiveLesson(course, lesson, locale);
  return live && buildVtt(live.paragraphs);
}

/** Route params → the course, the live lesson in a locale and its corrections as markdown (what the page renders), or undefined (the page 404s). */
export async function liveLessonFromParams(params: Promise<{ locale: string; course: string; lesson: string }>) {
  const { locale, course, lesson } = await params;
  if (!isLocale(locale)) return undefined;
  const foundCourse = getCourse(course, locale);
  const foundLesson = await getLiveLesson(course, lesson, locale);
  if (!foundCourse || !foundLesson) return undefined;
  const corrections = correctionSources(await overridesOf(course, lesson, foundLesson.textLocale));
  return { locale, course: foundCourse, lesson: foundLesson, corrections };
}
