import type { MetadataRoute } from 'next';
import { lessonParams, listCourses } from '@/lib/content';
import { localeTags, locales } from '@/lib/i18n/locales';

const base = process.env.SITE_URL ?? 'http://localhost:3000';

function entry(rest: string): MetadataRoute.Sitemap[number] {
  const suffix = rest ? `/${rest}` : '';
  return {
    url: `${base}/it${suffix}`,
    alternates: { languages: Object.fromEntries(locales.map((locale) => [localeTags[locale], `${base}/${locale}${suffix}`])) },
  };
}

export default function sitemap(): MetadataRoute.Sitemap {
  return [
    entry(''),
    ...listCourses('it').map((course) => entry(`courses/${course.slug}`)),
    ...lessonParams().map(({ course, lesson }) => entry(`courses/${course}/${lesson}`)),
  ];
}
