import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../lib/free-port';

export { freePort };

export type Server = { base: string; child: ChildProcess; stderr: () => string };

/** Starts a server process; its stderr is kept (the last 8 kB) to explain a failed start. */
export function startProcess(base: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv; log?: boolean }): Server {
  // Its own process group, so that stopping it can reach the servers it starts in turn.
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', options.log ? 'inherit' : 'ignore', 'pipe'], detached: true });
  let tail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8192);
    if (options.log) process.stderr.write(chunk);
  });
  return { base, child, stderr: () => tail };
}

/** Waits until `url` answers 200; if the process exits first or `timeoutMs` passes, stops it and throws. */
export async function waitUntilUp(server: Server, url: string, timeoutMs = 600_000): Promise<void> {
  try {
    await poll(server, url, timeoutMs);
  } catch (error) {
    await stopProcess(server);
    throw error;
  }
}

async function poll(server: Server, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server at ${server.base} exited (${server.child.exitCode}):\n${server.stderr()}`);
    const status = await fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server at ${server.base} did not answer ${url} within ${timeoutMs / 1000} s:\n${server.stderr()}`);
}

/**
 * SIGTERM, as `npm start` expects, then waits until every process holding its
 * output has gone. One that is still there after `graceMs` (a server busy
 * with queued requests can take long to shut down) gets SIGKILL, with the
 * rest of its process group.
 */
export async function stopProcess(server: Server | undefined, graceMs = 15_000): Promise<void> {
  const child = server?.child;
  if (!child?.pid || child.stderr?.closed) return;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group has already gone
    }
  }, graceMs);
  await closed;
  clearTimeout(timer);
}
