import 'server-only';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { getCourse } from './index';

/** Resolves route params to a course in a locale, or undefined (the page 404s). */
export async function courseFromParams(params: Promise<{ locale: string; course: string }>) {
  const { locale, course } = await params;
  if (!isLocale(locale)) return undefined;
  const found = getCourse(course, locale);
  return found && { locale: locale as Locale, course: found };
}
