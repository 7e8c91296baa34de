import type { MetadataRoute } from 'next';
import { siteUrl } from '@/lib/env';

// Read at request time, so a changed SITE_URL shows without a rebuild.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/*/me', '/*/editor', '/*/admin', '/*/login', '/*/register'] },
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
