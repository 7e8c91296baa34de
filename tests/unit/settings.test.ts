import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';
import { sourceHash } from '../../scripts/lib/build-stamp';

// Read by robots.txt and the sitemap below: the first env() of this test process parses it.
process.env.SITE_URL = 'https://aula.example.org/';

function problemWith(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error('expected the setting to be refused');
}

describe('SITE_URL', () => {
  it('is refused unless it is an absolute http(s) origin, naming the variable', () => {
    for (const bad of ['not-a-url', '/relative', 'aula.example.org', 'ftp://aula.example.org', 'javascript:alert(1)']) {
      expect(problemWith({ SITE_URL: bad })).toMatch(/SITE_URL: must be an absolute http\(s\) URL/);
    }
    for (const bad of ['https://aula.example.org/courses', 'https://aula.example.org/?a=1', 'https://user:pw@aula.example.org']) {
      expect(problemWith({ SITE_URL: bad })).toMatch(/SITE_URL: must be only the site’s origin/);
    }
  });

  it('is kept as an origin without a trailing slash, with a default for local use', () => {
    expect(parseEnv({ SITE_URL: 'https://Aula.Example.org/' }).SITE_URL).toBe('https://aula.example.org');
    expect(parseEnv({ SITE_URL: 'http://localhost:8080' }).SITE_URL).toBe('http://localhost:8080');
    expect(parseEnv({}).SITE_URL).toBe('http://localhost:3000');
    expect(parseEnv({ SITE_URL: '' }).SITE_URL).toBe('http://localhost:3000');
  });

  it('is part of the build stamp, so a build made with another SITE_URL is stale', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'aula-stamp-'));
    mkdirSync(path.join(root, 'app'));
    writeFileSync(path.join(root, 'app', 'page.tsx'), 'export default 1');
    const a = sourceHash(root, { siteUrl: 'https://a.example.org' });
    expect(sourceHash(root, { siteUrl: 'https://a.example.org' })).toBe(a);
    expect(sourceHash(root, { siteUrl: 'https://b.example.org' })).not.toBe(a);
    writeFileSync(path.join(root, 'app', 'page.tsx'), 'export default 2');
    expect(sourceHash(root, { siteUrl: 'https://a.example.org' })).not.toBe(a);
  });

  it('is read by robots.txt and the sitemap when they are requested, not when the app is built', async () => {
    const robots = await import('@/app/robots');
    const sitemap = await import('@/app/sitemap');
    expect(robots.dynamic).toBe('force-dynamic');
    expect(sitemap.dynamic).toBe('force-dynamic');
    expect(robots.default().sitemap).toBe('https://aula.example.org/sitemap.xml');
    const urls = sitemap.default().map((entry) => entry.url);
    expect(urls.length).toBeGreaterThan(1);
    expect(urls.every((url) => url.startsWith('https://aula.example.org/it'))).toBe(true);
  });
});

describe('HOST', () => {
  it('is unset by default (every interface), and must look like a host name or an address', () => {
    expect(parseEnv({}).HOST).toBeUndefined();
    expect(parseEnv({ HOST: '' }).HOST).toBeUndefined();
    expect(parseEnv({ HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
    expect(parseEnv({ HOST: '::1' }).HOST).toBe('::1');
    expect(parseEnv({ HOST: 'aula.internal' }).HOST).toBe('aula.internal');
    expect(problemWith({ HOST: 'not a host' })).toMatch(/HOST: must be a host name or an IP address/);
  });
});
