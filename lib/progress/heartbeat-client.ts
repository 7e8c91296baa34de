import type { LessonStatus } from './status';

/**
 * How heartbeats reach the server: one request at a time, at least a second
 * apart (so a burst of seeks is one or two requests, not twenty), and after a
 * failure again with growing back-off, or when a 429's Retry-After says.
 */

export const minGapMs = 1000;
export const maxBackoffMs = 60_000;
export const requestTimeoutMs = 10_000;

/** 2 s, 4 s, 8 s … up to a minute after the first, second, third … failure in a row. */
export const backoffMs = (failures: number) => Math.min(maxBackoffMs, 1000 * 2 ** failures);

export type Reply =
  | { kind: 'ok'; status: LessonStatus | null }
  /** 400/403/404/413: this body will never be accepted; resending it would loop forever. */
  | { kind: 'refused' }
  | { kind: 'signedOut' }
  /** 5xx, 408, 429, network trouble or no answer in time: keep the intervals and try again. */
  | { kind: 'retry'; afterMs: number | null };

/** Retry-After in seconds (or as an HTTP date), kept between 1 s and 10 min. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - now) / 1000;
  return Number.isFinite(seconds) ? Math.min(600, Math.max(1, seconds)) * 1000 : null;
}

export async function postHeartbeat(body: string): Promise<Reply> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), requestTimeoutMs);
  try {
    const response = await fetch('/api/progress', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive: true, signal: controller.signal });
    // Always read the body: an unread response keeps the request open.
    const data: unknown = await response.json().catch(() => null);
    if (response.ok) return { kind: 'ok', status: data && typeof data === 'object' && 'lesson' in data ? (data as LessonStatus) : null };
    if (response.status === 401) return { kind: 'signedOut' };
    if (response.status === 429) return { kind: 'retry', afterMs: retryAfterMs(response.headers.get('Retry-After')) };
    if (response.status >= 400 && response.status < 500 && response.status !== 408) return { kind: 'refused' };
    return { kind: 'retry', afterMs: null };
  } catch {
    return { kind: 'retry', afterMs: null };
  } finally {
    clearTimeout(timer);
  }
}

/** What one attempt came to: nothing to send, sent (with more waiting), retry later, or stop for this visit. */
export type Attempt = 'nothing' | 'sent' | 'more' | 'stop' | { retryAfterMs: number | null };

/** Runs `attempt` when asked, never two at once: a request made meanwhile runs after it, with everything pending by then. */
export class SendQueue {
  private busy = false;
  private again = false;
  private stopped = false;
  private notBefore = 0;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly attempt: () => Promise<Attempt>) {}

  request(): void {
    if (this.stopped) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    const wait = this.notBefore - Date.now();
    if (wait > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.request();
      }, wait);
      return;
    }
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async run() {
    this.busy = true;
    this.again = false;
    const result = await this.attempt().catch((): Attempt => ({ retryAfterMs: null }));
    this.busy = false;
    if (result === 'stop') return this.stop();
    if (typeof result === 'object') {
      this.failures += 1;
      this.notBefore = Date.now() + (result.retryAfterMs ?? backoffMs(this.failures));
      return this.request(); // kept: retried when the back-off ends, playing or not
    }
    if (result !== 'nothing') {
      this.failures = 0;
      this.notBefore = Date.now() + minGapMs;
    }
    if (this.again || result === 'more') this.request();
  }
}
