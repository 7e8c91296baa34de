import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeServer } from '../../scripts/lib/graceful-stop';

// A server whose /slow answers after 400 ms and whose /hang never answers.
function startServer(): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('slow done'), 400);
    else if (req.url !== '/hang') res.end('ok');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

function get(port: number, path: string, agent: http.Agent): Promise<{ status: number; body: string; socket: import('node:net').Socket }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, socket: request.socket! }));
    });
    request.on('error', reject);
  });
}

const closedWithin = (socket: import('node:net').Socket) => {
  const started = Date.now();
  return new Promise<number>((resolve) => (socket.destroyed ? resolve(0) : socket.once('close', () => resolve(Date.now() - started))));
};

const agents: http.Agent[] = [];
const keepAlive = () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  return agent;
};
afterEach(() => agents.splice(0).forEach((agent) => agent.destroy()));

describe('stopping the HTTP server', () => {
  it('closes idle keep-alive connections at once, lets a request in flight finish, and refuses new connections', async () => {
    const { server, port } = await startServer();
    const idle = await get(port, '/', keepAlive()); // its socket stays open, idle, for the keep-alive timeout (5 s)
    const busyAgent = keepAlive();
    const slow = get(port, '/slow', busyAgent);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the slow request is in flight
    const started = Date.now();
    const stopped = closeServer(server, 5_000);
    expect(await closedWithin(idle.socket)).toBeLessThan(200);
    await expect(get(port, '/', new http.Agent())).rejects.toThrow(/ECONNREFUSED/);
    const answer = await slow;
    expect(answer).toMatchObject({ status: 200, body: 'slow done' });
    // The busy connection is closed once answered (not kept alive), so the stop ends well before the bound.
    expect(await stopped).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    await closedWithin(answer.socket);
  });

  it('closes a request that does not finish once the bound has passed', async () => {
    const { server, port } = await startServer();
    const hanging = get(port, '/hang', keepAlive());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    expect(await closeServer(server, 300)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(hanging).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
