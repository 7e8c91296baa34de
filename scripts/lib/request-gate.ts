import { readFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { actionPostProblem, unknownAction, type KnownAction } from '@/lib/http/action-post';
import { bodyLimits } from '@/lib/http/body-limits.mjs';
import { refusalLogLine, refusalResponse } from '@/lib/http/refusal-response';
import { bodyKind, checkRequest, readsBodyFirst, type Refusal, type RequestHead } from '@/lib/http/request-guard';

/** How long a refused upload may go on being read and thrown away before its connection is cut. */
const lingerMs = 10_000;

function send(req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal, log: (line: string) => void): void {
  const head: RequestHead = { method: req.method, url: req.url, headers: req.headers };
  if (refusal.status >= 400) log(refusalLogLine(req.method, req.url, refusal.status, refusal.reason));
  const { status, headers, body } = refusalResponse(refusal, head);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * A request answered before its body was all read (a refusal, here or in a
 * handler): the rest is read and thrown away, nothing kept, for a while only.
 * Node would close a connection the client asked to close at once, with
 * unread bytes: a reset, and the client could lose the answer. So Node is told
 * to keep it, and we half-close it ourselves once the answer is out.
 */
function drainBeforeClosing(req: http.IncomingMessage, res: http.ServerResponse): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return;
  const socket = req.socket; // Node detaches it from the request once answered
  const closeAfter = !res.shouldKeepAlive;
  res.shouldKeepAlive = true;
  res.once('finish', () => {
    if (!req.complete) {
      req.resume();
      const cut = setTimeout(() => socket.destroy(), lingerMs).unref();
      socket.once('close', () => clearTimeout(cut));
    }
    if (closeAfter) socket.end();
  });
}

/** The length of a server action's id in Next 16 (SERVER_REFERENCE_ID_LENGTH). */
const actionIdLength = 42;

/** The ids of the build's server actions (Next's server reference manifest), read once when serving starts. */
export function buildActions(dir: string): KnownAction {
  const manifest = JSON.parse(readFileSync(path.join(dir, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as { node?: Record<string, unknown> };
  const ids = new Set(Object.keys(manifest.node ?? {}));
  return (id) => ids.has(id);
}

/**
 * Reads the whole body, stopping as soon as it passes `maxBytes` (nothing
 * beyond the limit is kept), then puts the bytes back at the front of the
 * request for Next to read as if untouched. That must happen in the very tick
 * the end is seen, before the stream would announce its end.
 */
function readBounded(req: http.IncomingMessage, maxBytes: number): Promise<Buffer | 'tooLarge' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Buffer | 'tooLarge' | 'aborted') => {
      req.off('readable', onReadable).off('error', onGone).off('close', onGone);
      resolve(result);
    };
    const onGone = () => done('aborted');
    function onReadable() {
      for (let chunk: Buffer | null = req.read(); chunk !== null; chunk = req.read()) {
        size += chunk.length;
        if (size > maxBytes) return done('tooLarge');
        chunks.push(chunk);
      }
      // `complete`: the whole message is in (Node has pushed the end), and read() says it is all taken.
      if (!req.complete) return;
      const body = Buffer.concat(chunks);
      if (body.length > 0) req.unshift(body);
      // Untouched for whoever reads next: the web Request Next builds over this stream refuses one already read from.
      (req as unknown as { _readableState: { dataEmitted: boolean } })._readableState.dataEmitted = false;
      done(body);
    }
    req.on('readable', onReadable).once('error', onGone).once('close', onGone);
  });
}

/**
 * The request guard of our server: answers here (and logs one line) what must
 * not reach Next — a malformed path or header, a method not served (405 with
 * Allow), a body over its kind's limit (413, read no further: every body
 * is read here, bounded, then handed to Next), a server
 * action's post Next could not decode (400) — and answers OPTIONS. Returns
 * true when it answered; otherwise Next serves the request.
 */
export async function answeredByGuard(req: http.IncomingMessage, res: http.ServerResponse, isKnown: KnownAction, log: (line: string) => void = console.warn): Promise<boolean> {
  drainBeforeClosing(req, res);
  const refusal = checkRequest({ method: req.method, url: req.url, headers: req.headers });
  if (refusal) {
    send(req, res, refusal, log);
    return true;
  }
  if (!readsBodyFirst(req.method)) return false;
  const kind = bodyKind(req.url!.split('?')[0]!);
  const limit = bodyLimits[kind];
  const body = await readBounded(req, limit);
  if (body === 'aborted') {
    req.destroy();
    return true;
  }
  if (body === 'tooLarge') {
    send(req, res, { status: 413, code: 'tooLarge', reason: `body over ${limit} bytes` }, log);
    return true;
  }
  if (kind !== 'action') return false;
  const problem = await actionPostProblem(req.headers, body, limit, isKnown);
  if (problem === unknownAction && typeof req.headers['next-action'] === 'string') {
    // As Next answers it (409 when the id looks like one of a build's, which tells the page to reload), without its logged stack.
    const status = req.headers['next-action'].length === actionIdLength ? 409 : 400;
    send(req, res, { status, code: 'badRequest', reason: problem, headers: { 'x-nextjs-action-not-found': '1' } }, log);
    return true;
  }
  if (problem) {
    send(req, res, { status: 400, code: 'badRequest', reason: problem }, log);
    return true;
  }
  return false;
}

const parseErrorStatus: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

/**
 * What never becomes a request event: CONNECT (a proxy's method, 405 here
 * rather than a silently dropped connection) and requests Node cannot parse
 * (its own 400, 431 over 16 kB of headers, 408), each logged in one line.
 */
export function guardServer(server: http.Server, log: (line: string) => void = console.warn): void {
  server.on('connect', (req: http.IncomingMessage, socket: import('node:net').Socket) => {
    log(refusalLogLine(req.method, req.url, 405, 'method not served here'));
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, OPTIONS, POST\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: import('node:net').Socket) => {
    // A client that hung up is no request to answer or to log.
    if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
      socket.destroy();
      return;
    }
    const status = parseErrorStatus[error.code ?? ''] ?? '400 Bad Request';
    log(`[refused] ${status.slice(0, 3)} (unparsable request): ${error.code ?? 'parse error'}`);
    socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  });
}
