// Next ships busboy compiled, without types: the few parts lib/http/action-post.ts uses.
declare module 'next/dist/compiled/busboy' {
  import type { Writable, Readable } from 'node:stream';
  import type { IncomingHttpHeaders } from 'node:http';
  type Busboy = Writable & {
    on(event: 'field', listener: (name: string, value: string) => void): Busboy;
    on(event: 'file', listener: (name: string, stream: Readable) => void): Busboy;
    on(event: 'error', listener: (error: Error) => void): Busboy;
    on(event: 'close', listener: () => void): Busboy;
  };
  function busboy(options: { headers: IncomingHttpHeaders; defParamCharset?: string; limits?: { fieldSize?: number } }): Busboy;
  export = busboy;
}
