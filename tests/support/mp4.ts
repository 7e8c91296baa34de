import { readFileSync } from 'node:fs';

/** Reads an MP4's duration in seconds from its `moov/mvhd` box. */
export function mp4Duration(file: string): number {
  const buffer = readFileSync(file);
  const find = (type: string, start: number, end: number): number | undefined => {
    let offset = start;
    while (offset + 8 <= end) {
      let size = buffer.readUInt32BE(offset);
      const name = buffer.toString('ascii', offset + 4, offset + 8);
      let header = 8;
      if (size === 1) {
        size = Number(buffer.readBigUInt64BE(offset + 8));
        header = 16;
      } else if (size === 0) size = end - offset;
      if (name === type) return offset + header;
      offset += size;
    }
    return undefined;
  };
  const moov = find('moov', 0, buffer.length);
  if (moov === undefined) throw new Error(`${file}: no moov box`);
  const mvhd = find('mvhd', moov, buffer.length);
  if (mvhd === undefined) throw new Error(`${file}: no mvhd box`);
  const version = buffer.readUInt8(mvhd);
  if (version === 1) return Number(buffer.readBigUInt64BE(mvhd + 24)) / buffer.readUInt32BE(mvhd + 20);
  return buffer.readUInt32BE(mvhd + 16) / buffer.readUInt32BE(mvhd + 12);
}

/** Whether the moov box comes before mdat (fast start: playable while downloading). */
export function isFastStart(file: string): boolean {
  const buffer = readFileSync(file);
  return buffer.indexOf('moov') < buffer.indexOf('mdat');
}
