import autocannon from 'autocannon';

/** One side of a comparison: what to request, and (optionally) how each next request differs. */
export type LoadSpec = {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called before every request (shared by all connections): the learner, path or body of that request. */
  vary?: () => { path?: string; headers?: Record<string, string>; body?: string };
  /** Sees every response body (only where the status alone does not tell what happened). */
  onBody?: (status: number, body: string) => void;
};

export type LoadSettings = { connections: number; seconds: number; warmupSeconds: number };

/** What one timed run measured. Latencies in ms; req/s as autocannon reports it (mean of its 1 s samples). */
export type Sample = {
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  bytesPerRequest: number;
};

function run(base: string, spec: LoadSpec, connections: number, seconds: number, amount?: number): Promise<autocannon.Result> {
  const request: autocannon.Request = { method: spec.method ?? 'GET', path: spec.path, headers: spec.headers, body: spec.body };
  if (spec.vary) {
    const vary = spec.vary;
    request.setupRequest = (req) => {
      const change = vary();
      return { ...req, ...change, headers: { ...spec.headers, ...change.headers } };
    };
  }
  if (spec.onBody) {
    const onBody = spec.onBody;
    request.onResponse = (status, body) => onBody(status, body);
  }
  return autocannon({ url: base, connections, ...(amount ? { amount } : { duration: seconds }), requests: [request], timeout: 30 });
}

/** Warms up (discarded), then measures `spec` against `base` with a fixed number of connections. */
export async function measure(base: string, spec: LoadSpec, settings: LoadSettings): Promise<Sample> {
  // One request answered first: a route's first request loads its code (seconds on a busy machine), which a short warm-up may not outlast.
  await run(base, { ...spec, onBody: undefined }, 1, 0, 1);
  if (settings.warmupSeconds > 0) await run(base, { ...spec, onBody: undefined }, settings.connections, settings.warmupSeconds);
  const result = await run(base, spec, settings.connections, settings.seconds);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count ?? 0]));
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerRequest: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}
