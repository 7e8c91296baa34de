import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from '../lib/free-port';

export { freePort };

/** Small helpers the cluster's parts share: ports, Debian packages, children and their output. */

export const isRoot = () => process.getuid?.() === 0;

/** Installs a Debian package with apt when we are root and it is missing, as scripts/test.mjs does for Chromium. */
export function aptInstall(name: string): boolean {
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) return false;
  console.log(`Installing Debian’s ${name} package…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', name], { stdio: 'inherit', env });
  return true;
}

/** Prints a child's output line by line, each line after `prefix`. */
export function relayOutput(child: ChildProcess, prefix: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) (stream === child.stderr ? process.stderr : process.stdout).write(`${prefix} ${line}\n`);
    });
  }
}

/** A child of its own process group (a Ctrl-C in the terminal reaches only the cluster, which stops the parts in order). */
export function spawnPart(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
}

/** Resolves with the exit once `child` has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Sends `signal`, and SIGKILL when the child is still there after `graceMs`. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  const gone = exited(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}

/** Waits until `check` is true, or throws `failure` after `timeoutMs` (or as soon as `abort` says why). */
export async function waitFor(check: () => Promise<boolean>, { timeoutMs, failure, abort }: { timeoutMs: number; failure: string; abort?: () => string | undefined }): Promise<void> {
  for (const start = Date.now(); Date.now() - start < timeoutMs; ) {
    const reason = abort?.();
    if (reason) throw new Error(reason);
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(failure);
}
