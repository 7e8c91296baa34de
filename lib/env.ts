import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './http/client-address';

export function isPostgresUrl(value: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(value);
}

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

/**
 * The public address of the site, as an origin (`https://aula.example.org`):
 * canonical links, Open Graph, robots.txt and the sitemap are built from it.
 */
const siteUrlSchema = optionalText
  .pipe(z.string().default('http://localhost:3000'))
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an absolute http(s) URL, such as https://aula.example.org')
  .transform((value) => new URL(value))
  .refine((url) => url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password, 'must be only the site’s origin (scheme, host and port), such as https://aula.example.org')
  .transform((url) => url.origin);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address to listen on; unset listens on every interface (IPv4 and IPv6). */
  HOST: optionalText.pipe(z.string().regex(/^[A-Za-z0-9.:%[\]-]{1,253}$/, 'must be a host name or an IP address, such as 127.0.0.1').optional()),
  SITE_URL: siteUrlSchema,
  /** A SQLite file (default; a `file:` prefix is accepted) or a PostgreSQL URL (postgres://user:password@host:5432/db). */
  DATABASE_URL: z
    .string()
    .default('data/aula.sqlite')
    .transform((value) => (isPostgresUrl(value) ? value : value.replace(/^file:/, '')))
    .refine((value) => value.length > 0 && !value.includes('\0'), 'must be a file path or a postgres:// URL')
    .refine((value) => !isPostgresUrl(value) || URL.canParse(value), 'must be a valid postgres:// URL, such as postgres://aula:secret@localhost:5432/aula'),
  AUTH_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  ADMIN_EMAIL: optionalText.pipe(z.email('must be an e-mail address').optional()),
  ADMIN_PASSWORD: optionalText.pipe(z.string().min(8, 'must be at least 8 characters').optional()),
  /** Where e-mail goes: smtp://user:pass@host:587 or smtps://…:465; unset writes it to data/outbox/. */
  SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional()),
  MAIL_FROM: optionalText.pipe(z.string().max(200).regex(/^[^\r\n]*@[^\r\n]*$/, 'must be an address, such as "Aula <aula@example.com>"').optional()),
  /** Which X-Forwarded-For entries name the client (lib/http/client-address.ts); unset trusts none. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context): TrustProxy => {
      const trust = parseTrustProxy(value);
      if ('error' in trust) context.addIssue({ code: 'custom', message: trust.error });
      return 'error' in trust ? { kind: 'none' } : trust;
    }),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(issues: { path: PropertyKey[]; message: string }[]) {
    super(
      'Invalid configuration:\n' +
        issues.map((issue) => `  ${issue.path.map(String).join('.')}: ${issue.message}`).join('\n'),
    );
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues);
  return result.data;
}

let cached: Env | undefined;

/** The validated environment, parsed once per process; a wrong setting throws naming it. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** SITE_URL as an origin without a trailing slash. */
export function siteUrl(): string {
  return env().SITE_URL;
}

export type DatabaseConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

/** Which engine DATABASE_URL names: a postgres:// URL is PostgreSQL, anything else a SQLite file. */
export function databaseConfig(): DatabaseConfig {
  // Read on its own (not through env(), which caches every setting at its first use), and cached per value: asked on every query.
  const raw = process.env.DATABASE_URL;
  if (database && database.raw === raw) return database.config;
  const result = envSchema.pick({ DATABASE_URL: true }).safeParse({ DATABASE_URL: raw });
  if (!result.success) throw new EnvError(result.error.issues);
  const value = result.data.DATABASE_URL;
  const config: DatabaseConfig = isPostgresUrl(value) ? { engine: 'postgres', url: value } : { engine: 'sqlite', file: path.resolve(value) };
  database = { raw, config };
  return config;
}
let database: { raw: string | undefined; config: DatabaseConfig } | undefined;

/** The SQLite file (only meaningful when DATABASE_URL is not a PostgreSQL URL). */
export function databasePath(): string {
  const config = databaseConfig();
  if (config.engine !== 'sqlite') throw new Error('DATABASE_URL is a PostgreSQL URL: this works on a SQLite file only (for PostgreSQL use its own tools, such as pg_dump and pg_restore)');
  return config.file;
}

/** DATABASE_URL as it may be printed: a PostgreSQL password is hidden. */
export function databaseLabel(): string {
  const config = databaseConfig();
  if (config.engine === 'sqlite') return config.file;
  const url = new URL(config.url);
  if (url.password) url.password = '***';
  return url.toString();
}

/** Where generated state lives: beside the SQLite file, or data/ with PostgreSQL. */
export function dataDir(): string {
  const config = databaseConfig();
  return config.engine === 'sqlite' ? path.dirname(config.file) : path.resolve('data');
}

let secret: string | undefined;

/**
 * Why AUTH_SECRET must be set, or undefined when it may be generated. On
 * PostgreSQL several instances can serve the same database, and a session
 * signed by one must be read by every other: a key generated into one
 * machine's data/ folder would sign people out whenever the load balancer
 * sends them elsewhere. SQLite is one process on one machine.
 */
export function authSecretProblem(authSecret: string | undefined, database: DatabaseConfig): string | undefined {
  if (authSecret || database.engine !== 'postgres') return undefined;
  return (
    'required when DATABASE_URL is a PostgreSQL database, where several instances can serve it and must sign sessions with the same key. ' +
    'Make one with `openssl rand -base64 48` and give every instance the same AUTH_SECRET'
  );
}

/**
 * AUTH_SECRET from the environment, or (SQLite only) one generated once and
 * kept in the data folder so that `npm start` needs no configuration.
 */
export function authSecret(): string {
  if (secret) return secret;
  const fromEnv = env().AUTH_SECRET;
  const problem = authSecretProblem(fromEnv, databaseConfig());
  if (problem) throw new EnvError([{ path: ['AUTH_SECRET'], message: problem }]);
  if (fromEnv) return (secret = fromEnv);
  const file = path.join(dataDir(), 'auth-secret');
  mkdirSync(dataDir(), { recursive: true });
  try {
    writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  secret = readFileSync(file, 'utf8').trim();
  return secret;
}
