import net from 'node:net';

/**
 * Raw HTTP/1.1 over a socket, for requests no well-behaved client sends:
 * malformed request lines and paths, odd methods and headers, bodies that go
 * on far past any limit. Every request asks the server to close afterwards.
 */

export type RawAnswer = {
  /** 0 when the server closed the connection without an answer. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Body bytes written before the answer came (a streamed body stops there). */
  sentBytes: number;
};

/** A body streamed in chunks of `chunk` bytes up to `total`, chunked or with a Content-Length. */
export type Stream = { total: number; chunk: number };

function parse(raw: Buffer): { status: number; headers: Record<string, string>; body: string; complete: boolean } | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.subarray(end + 4);
  const length = headers['content-length'];
  const complete = length !== undefined ? body.length >= Number(length) : headers['transfer-encoding'] === 'chunked' ? body.includes('\r\n0\r\n\r\n') || body.subarray(0, 5).toString() === '0\r\n\r\n' : false;
  return { status: Number(statusLine!.split(' ')[1]), headers, body: body.toString('utf8'), complete };
}

/** Sends `head` (request line and headers, without the blank line) and a body; resolves with the answer. */
export function rawRequest(port: number, head: string, body: Buffer | Stream = Buffer.alloc(0), { timeoutMs = 30_000 } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let sentBytes = 0;
    let answered = false;
    const finish = () => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parse(Buffer.concat(received));
      resolve(parsed ? { status: parsed.status, headers: parsed.headers, body: parsed.body, sentBytes } : { status: 0, headers: {}, body: '', sentBytes });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (data) => {
      received.push(data);
      if (parse(Buffer.concat(received))?.complete) finish();
    });
    socket.on('error', finish).on('close', finish);
    socket.on('connect', async () => {
      socket.write(`${head}\r\nConnection: close\r\n\r\n`, 'latin1');
      if (Buffer.isBuffer(body)) {
        socket.write(body);
        sentBytes = body.length;
        return;
      }
      const chunked = /transfer-encoding:\s*chunked/i.test(head);
      const piece = Buffer.alloc(body.chunk, 'a');
      while (!answered && sentBytes < body.total) {
        const frame = chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
        sentBytes += piece.length;
        if (!socket.write(frame)) await new Promise((go) => socket.once('drain', go).once('close', go));
        // Let the answer in between chunks: a server that reads fast never makes write() wait.
        else await new Promise((go) => setImmediate(go));
      }
      if (!answered && chunked) socket.write('0\r\n\r\n');
    });
  });
}

/** The process's resident memory in MB (Linux), to see that a refused upload was not kept. */
export async function residentMb(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
