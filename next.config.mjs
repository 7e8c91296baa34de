import { bodyLimits } from './lib/http/body-limits.mjs';
import { securityHeaders } from './lib/http/security-headers.mjs';

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
  // Under `npm start` (and so in production, the bench and the browser tests) our own server
  // (scripts/lib/serve.ts) sets these on every response, once built: from here Next would match and
  // compile them again on every request (the CSP's `data:` makes it a path pattern to compile).
  // `next dev` has no server of ours, so it gets them from here.
  async headers() {
    return process.env.NODE_ENV === 'development' ? [{ source: '/:path*', headers: securityHeaders }] : [];
  },
};

export default nextConfig;
