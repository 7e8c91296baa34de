import type http from 'node:http';

/** How long a stop waits for requests in flight before closing their connections anyway. */
export const stopGraceMs = 10_000;

/**
 * Stops an HTTP server without cutting requests short: it stops accepting
 * connections at once, closes idle keep-alive connections now and each busy
 * one as soon as its request is answered (a keep-alive client cannot hold the
 * stop open), and after `graceMs` closes whatever is left. Resolves with
 * whether every request finished in time.
 */
export function closeServer(server: http.Server, graceMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let forced = false;
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const bound = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(bound);
      resolve(!forced);
    });
    server.closeIdleConnections();
  });
}

type StopPlan = {
  server: http.Server;
  /** Runs once no request is left: let Next finish, stop timers, checkpoint and close the database. */
  afterRequests: () => Promise<void> | void;
  graceMs?: number;
  log?: (line: string) => void;
};

/**
 * On SIGTERM or SIGINT (once; the repeats a terminal or npm sends are
 * ignored), stops the server gracefully, runs `afterRequests` and exits 0.
 * A stop that still hangs 5 s past the bound exits 1.
 */
export function stopOnSignals({ server, afterRequests, graceMs = stopGraceMs, log = console.log }: StopPlan): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping (no new connections; requests in flight get ${graceMs / 1000} s to finish)`);
    setTimeout(() => {
      console.error('The stop is taking too long: exiting now');
      process.exit(1);
    }, graceMs + 5_000).unref();
    const finished = await closeServer(server, graceMs);
    if (!finished) log(`Closed the connections still busy after ${graceMs / 1000} s`);
    try {
      await afterRequests();
    } catch (error) {
      console.error('While stopping:', error);
      process.exit(1);
    }
    log('Stopped');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal));
}
