import 'server-only';
import { revalidatePath } from 'next/cache';
import { textLocaleOf } from '@/lib/content';
import { locales, type Locale } from '@/lib/i18n/locales';
import { rebuildSearchIndex } from '@/lib/search/indexer';

/**
 * After a correction changes a lesson's text in `textLocale`: the prerendered
 * lesson page, captions and transcript download of every locale that shows that
 * text (the locale itself, and any that falls back to it), and the search index.
 * On PostgreSQL every other app instance drops the same pages from its cache
 * within moments: the cache handler passes the revalidation on
 * (lib/cache/shared-cache-handler.mjs).
 */
export async function revalidateLessonText(course: string, lesson: string, textLocale: Locale): Promise<void> {
  await rebuildSearchIndex();
  for (const locale of locales) {
    if (textLocaleOf(course, lesson, locale) !== textLocale) continue;
    revalidatePath(`/${locale}/courses/${course}/${lesson}`);
    revalidatePath(`/captions/${course}/${lesson}/${locale}.vtt`);
    revalidatePath(`/transcripts/${course}/${lesson}/${locale}.txt`);
  }
}
