/**
 * How much new watching the server will believe. The allowance grows with
 * wall-clock time at the fastest playback speed (2×) and is capped, like a
 * token bucket: pausing doesn't bank hours of credit, and many rapid requests
 * can't add up to more than time allows. So seeking to the end, or one request
 * claiming the whole video, never completes it; watching at 2× does.
 */
import { fastestPlaybackRate as maxPlaybackRate, heartbeatSeconds } from './rules';

/** About two heartbeats at the fastest speed, plus slack for network jitter. */
export const creditCapSeconds = 2 * heartbeatSeconds * maxPlaybackRate + 10;

export function availableCredit(balance: number, lastHeartbeatAt: Date | null, now: Date): number {
  if (!lastHeartbeatAt) return creditCapSeconds;
  const elapsed = Math.max(0, (now.getTime() - lastHeartbeatAt.getTime()) / 1000);
  return Math.min(creditCapSeconds, balance + elapsed * maxPlaybackRate);
}
