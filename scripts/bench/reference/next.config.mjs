import path from 'node:path';

// Built in .bench/reference inside the project, using the project's node_modules.
const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3'],
  turbopack: { root: projectRoot },
  outputFileTracingRoot: projectRoot,
};

export default nextConfig;
