import { fileURLToPath } from 'node:url';
import createMDX from '@next/mdx';
import { bodyLimits } from './lib/http/body-limits.mjs';
import { securityHeaders } from './lib/http/security-headers.mjs';
import { mdxCompileOptions } from './lib/content/mdx-options.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden(): signed-in users without the role get a 403 with the locale's page.
    authInterrupts: true,
    // Our server refuses a larger action post first (413); this is Next's own bound behind it.
    serverActions: { bodySizeLimit: bodyLimits.action },
  },
  serverExternalPackages: ['better-sqlite3'],
  // Next's file-system cache, plus revalidations shared between instances on PostgreSQL (LISTEN/NOTIFY; see the file).
  cacheHandler: fileURLToPath(new URL('./lib/cache/shared-cache-handler.mjs', import.meta.url)),
  // Under `npm start` (and so in production, the bench and the browser tests) our own server
  // (scripts/lib/serve.ts) sets these on every response, once built: from here Next would match and
  // compile them again on every request (the CSP's `data:` makes it a path pattern to compile).
  // `next dev` has no server of ours, so it gets them from here.
  async headers() {
    return process.env.NODE_ENV === 'development' ? [{ source: '/:path*', headers: securityHeaders }] : [];
  },
};

// Lessons and help pages are MDX files compiled by Next (content/, app/…/help)
// with the components of mdx-components.tsx; lib/content reads the same files
// for the data the rest of the app needs (ids, quiz, timings, plain text).
const withMDX = createMDX({ options: mdxCompileOptions });

export default withMDX(nextConfig);
