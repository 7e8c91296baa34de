import { securityHeaders } from './lib/http/security-headers.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() for signed-in users without the role: a 403 with the locale's page.
  experimental: { authInterrupts: true },
  serverExternalPackages: ['better-sqlite3'],
  // forbidden(): the editor queue answers 403 to signed-in users without the role.
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
