import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestHandlers } from 'next/dist/server/lib/start-server';
import { frontCacheControl } from '@/lib/http/cache-control';
import { securityHeaders } from '@/lib/http/security-headers.mjs';
import { EncodedBodies, endWithEncodedBodies } from './encoded-bodies';
import { answeredByGuard, buildActions, guardServer } from './request-gate';

export type Serving = {
  server: http.Server;
  /** The address it listens on, for the log. */
  url: string;
  /** Lets Next finish its own work (after() callbacks, caches) once no request is left. */
  closeNext: () => Promise<void>;
};

/** How `next start` names its own origin: loopback when listening on every interface. */
function localOrigin(host: string | undefined, address: AddressInfo): string {
  const name = !host || address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${address.port}`;
}

/** Next gives prerendered pages a year in shared caches; a cache in front of Aula gets seconds (lib/http/cache-control.ts). */
function shortenFrontCache(res: http.ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => setHeader(name, name.toLowerCase() === 'cache-control' && typeof value === 'string' ? frontCacheControl(value) : value);
}

/**
 * The security headers, on every answer (pages, APIs, static files, our own
 * refusals), set here once per response. Next would otherwise apply them
 * from next.config.mjs by matching and compiling each one on every request.
 * An answer that sets one of them itself overrides it.
 */
export function setSecurityHeaders(res: http.ServerResponse): void {
  for (const { key, value } of securityHeaders) res.setHeader(key, value);
}

/** The port or address cannot be used (taken, not this machine's, or privileged). */
export class ListenError extends Error {
  name = 'ListenError';
}

function listen(server: http.Server, port: number, host: string | undefined): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => reject(new ListenError(`Cannot listen on ${host ?? 'every interface'}, port ${port} (${error.code}): check PORT and HOST`));
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Serves the production build from this process, the way `next start` does
 * (the same request handlers from Next's own start-server, so compression,
 * static files, the prerender cache and the headers from next.config.mjs are
 * Next's), but on a server we own, so that one process receives the signals
 * and can stop gracefully. `host` unset listens on every interface, as
 * `next start` without `-H` does; Next then takes each request's address from
 * its Host header rather than from a fixed host name (which `next()` from the
 * public custom-server API would set to "localhost").
 */
export async function serve({ dir, port, host, onRequest }: { dir: string; port: number; host: string | undefined; onRequest?: (req: http.IncomingMessage) => void }): Promise<Serving> {
  // Requests that come before Next is ready wait for it, as with `next start`.
  const next: { ready?: ReturnType<typeof getRequestHandlers> } = {};
  const knownActions = buildActions(dir);
  const bodies = new EncodedBodies();
  const server = http.createServer(async (req, res) => {
    try {
      setSecurityHeaders(res);
      if (await answeredByGuard(req, res, knownActions)) return;
      shortenFrontCache(res);
      endWithEncodedBodies(res, bodies);
      await (await next.ready!).requestHandler(req, res);
    } catch (error) {
      console.error(`Failed to handle ${req.method} ${req.url}:`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end('Internal Server Error');
    }
  });
  guardServer(server);
  // An idle kept-alive connection stays open longer than a proxy's or client's pool keeps it (nginx upstream
  // keepalive: 60 s), so the client is the one to close it: with Node's 5 s the server could close a socket
  // the client was reusing that instant, and the request met ECONNRESET. headersTimeout must exceed it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Runs before every other listener, from the first request on (start.ts sets the client's address with it).
  if (onRequest) server.prependListener('request', onRequest);
  const address = await listen(server, port, host);
  // Next's own start-server sets this once listening; server actions that redirect fetch the target from it.
  process.env.__NEXT_PRIVATE_ORIGIN = localOrigin(host, address);
  next.ready = getRequestHandlers({ dir, port: address.port, isDev: false, onDevServerCleanup: undefined, server, hostname: host, minimalMode: false });
  const handlers = await next.ready;
  server.on('upgrade', (req, socket, head) => {
    handlers.upgradeHandler(req, socket, head).catch(() => socket.destroy());
  });
  return { server, url: localOrigin(host, address), closeNext: () => handlers.server.close() };
}
