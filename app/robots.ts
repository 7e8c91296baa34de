import type { MetadataRoute } from 'next';

const base = process.env.SITE_URL ?? 'http://localhost:3000';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/*/me', '/*/editor', '/*/admin', '/*/login', '/*/register'] },
    sitemap: `${base}/sitemap.xml`,
  };
}
