import { readFileSync, writeFileSync } from 'node:fs';

export type Pcm = { sampleRate: number; channels: number; bitsPerSample: number; data: Buffer };

/** Reads a PCM WAV as espeak-ng writes it (RIFF, fmt, data chunks). */
export function readWav(file: string): Pcm {
  const buffer = readFileSync(file);
  let offset = 12;
  let format: Omit<Pcm, 'data'> | undefined;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4);
    let size = buffer.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = { channels: buffer.readUInt16LE(body + 2), sampleRate: buffer.readUInt32LE(body + 4), bitsPerSample: buffer.readUInt16LE(body + 14) };
    } else if (id === 'data' && format) {
      // espeak-ng writing to a file may leave the size as 0x7fffffff: take what is there.
      size = Math.min(size, buffer.length - body);
      return { ...format, data: buffer.subarray(body, body + size) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${file}: not a PCM WAV file`);
}

export function seconds(pcm: Pcm, bytes = pcm.data.length): number {
  return bytes / (pcm.sampleRate * pcm.channels * (pcm.bitsPerSample / 8));
}

export function silence(like: Pcm, duration: number): Buffer {
  const frame = like.channels * (like.bitsPerSample / 8);
  return Buffer.alloc(Math.round(duration * like.sampleRate) * frame);
}

export function writeWav(file: string, like: Pcm, data: Buffer): void {
  const header = Buffer.alloc(44);
  const blockAlign = like.channels * (like.bitsPerSample / 8);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(like.channels, 22);
  header.writeUInt32LE(like.sampleRate, 24);
  header.writeUInt32LE(like.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(like.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  writeFileSync(file, Buffer.concat([header, data]));
}
