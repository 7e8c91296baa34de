import 'server-only';
import { readFileSync } from 'node:fs';

/**
 * The server's clock for progress. Browser tests may fast-forward it by
 * starting the server with AULA_TEST_CLOCK_FILE pointing at a file holding an
 * offset in milliseconds; without that variable it is simply the real time.
 */
export function progressNow(): Date {
  const file = process.env.AULA_TEST_CLOCK_FILE;
  if (!file) return new Date();
  let offset = 0;
  try {
    offset = Number(readFileSync(file, 'utf8')) || 0;
  } catch {
    offset = 0;
  }
  return new Date(Date.now() + offset);
}
