import type { MetadataRoute } from 'next';
import { lessonParams, listCourses } from '@/lib/content';
import { siteUrl } from '@/lib/env';
import { localeTags, locales } from '@/lib/i18n/locales';

// Read at request time, so a changed SITE_URL shows without a rebuild.
export const dynamic = 'force-dynamic';

function entry(base: string, rest: string): MetadataRoute.Sitemap[number] {
  const suffix = rest ? `/${rest}` : '';
  return {
    url: `${base}/it${suffix}`,
    alternates: { languages: Object.fromEntries(locales.map((locale) => [localeTags[locale], `${base}/${locale}${suffix}`])) },
  };
}

export default function sitemap(): MetadataRoute.Sitemap {
  const base = siteUrl();
  return [
    entry(base, ''),
    ...listCourses('it').map((course) => entry(base, `courses/${course.slug}`)),
    ...lessonParams().map(({ course, lesson }) => entry(base, `courses/${course}/${lesson}`)),
  ];
}
