import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from './client';
import { startProcess, waitUntilUp, type Server } from './servers';

/**
 * The bare reference: a tiny Next app (scripts/bench/reference) built into
 * .bench/reference with this project's node_modules, so it runs the same
 * Next, React and better-sqlite3 as Aula. Built once; built again when the
 * template or one of those versions changes.
 */
const template = path.join(import.meta.dirname, 'reference');
const versioned = ['next', 'react', 'react-dom', 'better-sqlite3'];

export const referenceDir = (root: string) => path.join(root, '.bench', 'reference');

export function packageVersion(root: string, name: string): string {
  return (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

function* templateFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* templateFiles(full);
    else yield full;
  }
}

/** What the reference build depends on: the template's files and the versions it runs. */
export function referenceHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of templateFiles(template)) hash.update(path.relative(template, file)).update('\0').update(readFileSync(file)).update('\0');
  for (const name of versioned) hash.update(`${name}@${packageVersion(root, name)}\0`);
  hash.update(`node@${process.versions.node}`);
  return hash.digest('hex');
}

/** Builds the reference unless the cached build is current. Returns whether it built. */
export function ensureReferenceBuild(root: string): boolean {
  const dir = referenceDir(root);
  const stamp = path.join(dir, '.next', 'bench-reference-hash');
  const hash = referenceHash(root);
  if (existsSync(path.join(dir, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return false;
  console.log(`Building the bare reference app (next ${packageVersion(root, 'next')}) in ${path.relative(root, dir)}…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  cpSync(template, dir, { recursive: true });
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1' };
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`next build of the reference app failed (exit ${build.status})`);
  writeFileSync(stamp, hash);
  return true;
}

/** Serves the built reference with `next start` on loopback; its SQLite file is `database`. */
export async function startReference(root: string, port: number, database: string): Promise<Server> {
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', BENCH_REFERENCE_DB: database };
  const server = startProcess(`http://127.0.0.1:${port}`, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: referenceDir(root), env });
  // Up once a route handler answers: like Aula, whose readiness check is one (/api/health), it has then run
  // request code inside Next's AsyncLocalStorage, which on Node 20 turns on promise hooks for the
  // process's life and makes every later request dearer. Polled on a static page, the reference
  // served its static pages without them, while Aula never could.
  await waitUntilUp(server, `${server.base}/api/json`, 120_000);
  return server;
}

/**
 * The reference page (`/static/N` or `/dynamic/N`, N filler characters) whose
 * HTML is within 0.5 % of `targetBytes`. The size grows linearly with N (the
 * text is in the HTML and again in the inlined RSC payload), so two probes and
 * a correction or two find it.
 */
export async function sizedPage(client: Client, kind: 'static' | 'dynamic', targetBytes: number): Promise<{ path: string; bytes: number }> {
  const measure = async (n: number) => {
    const reply = await client.request('GET', `/${kind}/${n}`);
    if (reply.status !== 200) throw new Error(`reference /${kind}/${n}: ${reply.status}`);
    return reply.bytes;
  };
  let previous = { n: 0, bytes: await measure(0) };
  let latest = { n: 10_000, bytes: await measure(10_000) };
  for (let attempt = 0; attempt < 6; attempt++) {
    const slope = (latest.bytes - previous.bytes) / (latest.n - previous.n);
    const n = Math.max(0, Math.round(latest.n + (targetBytes - latest.bytes) / slope));
    const bytes = await measure(n);
    if (Math.abs(bytes - targetBytes) <= targetBytes * 0.005 || n === 0) return { path: `/${kind}/${n}`, bytes };
    if (n === latest.n) break;
    [previous, latest] = [latest, { n, bytes }];
  }
  throw new Error(`could not size a reference page to ${targetBytes} bytes`);
}
