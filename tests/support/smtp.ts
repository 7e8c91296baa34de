import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback for tests: it keeps what it receives, and can
 * be told to refuse messages (as a full mailbox or a server in trouble would).
 */
export async function startSmtpServer() {
  const received: ParsedMail[] = [];
  let refuse: string | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (refuse) {
          const error = Object.assign(new Error(refuse), { responseCode: 451 });
          return callback(error);
        }
        received.push(await simpleParser(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseWith(message: string | null) {
      refuse = message;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
