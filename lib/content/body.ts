import 'server-only';
import type { MDXContent } from 'mdx/types';
import type { Locale } from '@/lib/i18n/locales';

/**
 * A lesson's MDX file, compiled by Next (@next/mdx): the page renders it with
 * the lesson's components. Only slugs the catalog knows reach here (the page's
 * params are prerendered, `dynamicParams = false`).
 */
export async function lessonBody(course: string, lesson: string, locale: Locale): Promise<MDXContent> {
  const mod = (await import(`../../content/${course}/${lesson}/${locale}.mdx`)) as { default: MDXContent };
  return mod.default;
}
