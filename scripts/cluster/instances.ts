import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startCommandArgs } from '../lib/start-command';
import { relayOutput, spawnPart, stopChild, waitFor } from './processes';

/**
 * One app instance: `npm start`'s server (scripts/start.ts) on its own port,
 * on 127.0.0.1 only (nginx is in front), from the shared production build.
 */
export type Instance = { index: number; url: string; process: ChildProcess; stop: () => Promise<void> };

export async function startInstance(index: number, port: number, env: NodeJS.ProcessEnv): Promise<Instance> {
  const start = path.join(process.cwd(), 'scripts', 'start.ts');
  const child = spawnPart(process.execPath, startCommandArgs(start), { ...env, PORT: String(port), HOST: '127.0.0.1' });
  relayOutput(child, `[instance ${index}]`);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(() => fetch(`${url}/api/health`).then((response) => response.ok, () => false), {
    timeoutMs: 300_000,
    failure: `instance ${index} did not answer on ${url} within 5 minutes`,
    abort: () => (child.exitCode !== null ? `instance ${index} exited while starting (code ${child.exitCode})` : undefined),
  });
  // SIGTERM: the server's graceful stop (requests in flight get 10 s, then it closes the database pool).
  return { index, url, process: child, stop: () => stopChild(child, 'SIGTERM', 20_000) };
}
