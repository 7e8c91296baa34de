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
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
