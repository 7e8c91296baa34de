import { readFileSync, writeFileSync } from 'node:fs';
import { e2e } from './env';

/** Moves the e2e server's progress clock forward (never back: other tests share it). */
export function advanceServerClock(seconds: number): void {
  const file = e2e.serverEnv.AULA_TEST_CLOCK_FILE;
  let offset = 0;
  try {
    offset = Number(readFileSync(file, 'utf8')) || 0;
  } catch {
    offset = 0;
  }
  writeFileSync(file, String(offset + seconds * 1000));
}

/** The e2e server's progress clock now (real time plus the offset), in ms. */
export function serverClockMs(): number {
  let offset = 0;
  try {
    offset = Number(readFileSync(e2e.serverEnv.AULA_TEST_CLOCK_FILE, 'utf8')) || 0;
  } catch {
    offset = 0;
  }
  return Date.now() + offset;
}
