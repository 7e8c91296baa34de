import { mergeIntervals, subtractIntervals, type Interval } from './intervals';
import { postHeartbeat, SendQueue, type Attempt } from './heartbeat-client';
import { pendingKey, readPending, sweepPending, updatePending } from './pending-store';
import { heartbeatSeconds, maxIntervalsPerHeartbeat } from './rules';
import type { LessonStatus } from './status';
import type { WatchRecorder } from './watch-recorder';

export const heartbeatMs = heartbeatSeconds * 1000;

const round = (seconds: number) => Math.round(seconds * 100) / 100;

/** Merged spans at 1/100 s, so what was sent and what is left subtract exactly. */
function tidy(intervals: Interval[], duration: number): Interval[] {
  return mergeIntervals(
    intervals.map(([start, end]): Interval => [round(start), round(end)]),
    duration,
  );
}

type Options = { course: string; lesson: string; learnerKey: string; onStatus: (status: LessonStatus) => void };

/**
 * Reports what the recorder saw, for a signed-in learner (the page loads this
 * module only then): every 15 s while playing, on pause, seek and end, and by
 * beacon when the page is hidden. Whatever the server has not acknowledged is
 * kept, in memory and in localStorage, and sent again — also what an earlier
 * visit left, at once and without a position.
 */
export class WatchTracker {
  /** Unacknowledged intervals of an earlier visit, from localStorage. */
  private carried: Interval[] = [];
  private acknowledged: Interval[] = [];
  private sentPosition: number | undefined;
  private signedOut = false;
  private readonly storageKey: string;
  private readonly queue = new SendQueue(() => this.attempt());
  private detach: (() => void) | undefined;

  constructor(
    private readonly recorder: WatchRecorder,
    private readonly options: Options,
  ) {
    this.storageKey = pendingKey(options.learnerKey, options.course, options.lesson);
  }

  start(): void {
    const hidden = () => document.visibilityState === 'hidden' && this.beacon();
    const pagehide = () => this.beacon();
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', pagehide);
    const timer = setInterval(() => !this.recorder.video.paused && this.queue.request(), heartbeatMs);
    this.recorder.onDue = () => this.queue.request();
    this.detach = () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', pagehide);
      clearInterval(timer);
      this.queue.stop();
      this.recorder.onDue = null;
    };
    sweepPending();
    this.carried = readPending(this.storageKey);
    this.save();
    this.queue.request();
  }

  stop(): void {
    if (!this.detach) return;
    this.beacon();
    this.detach();
    this.detach = undefined;
  }

  /** Everything watched (this visit, an earlier visit's leftovers) that the server has not acknowledged. */
  private unsent(): Interval[] {
    return subtractIntervals(tidy([...this.recorder.watched(), ...this.carried], this.recorder.duration), this.acknowledged);
  }

  private position(): number | undefined {
    const at = this.recorder.position();
    return at === undefined ? undefined : round(at);
  }

  private save() {
    updatePending(this.storageKey, { unsent: this.unsent(), acknowledged: this.acknowledged, duration: this.recorder.duration });
  }

  private body(intervals: Interval[], position: number | undefined) {
    const { course, lesson } = this.options;
    return JSON.stringify({ course, lesson, intervals, position, sentAt: Date.now() });
  }

  private async attempt(): Promise<Attempt> {
    const all = this.unsent();
    const intervals = all.slice(0, maxIntervalsPerHeartbeat);
    const position = this.position();
    const moved = position !== undefined && (this.sentPosition === undefined || Math.abs(position - this.sentPosition) >= 0.5);
    if (intervals.length === 0 && !moved) return 'nothing';
    this.save();
    const reply = await postHeartbeat(this.body(intervals, position));
    if (reply.kind === 'signedOut') {
      this.signedOut = true; // kept in storage for when this learner signs in again
      return 'stop';
    }
    if (reply.kind === 'retry') return { retryAfterMs: reply.afterMs };
    // Acknowledged, or refused as bad input (which resending would not change): either way not sent again.
    this.acknowledged = tidy([...this.acknowledged, ...intervals], this.recorder.duration);
    this.save();
    if (reply.kind === 'ok') {
      this.sentPosition = position ?? this.sentPosition;
      if (reply.status) this.options.onStatus(reply.status);
    }
    return all.length > intervals.length ? 'more' : 'sent';
  }

  /** Page hidden or closing: the browser delivers a beacon even as the page goes away. Unacknowledged, so it stays stored. */
  private beacon() {
    const intervals = this.unsent().slice(0, maxIntervalsPerHeartbeat);
    const position = this.position();
    this.save();
    if (this.signedOut || (intervals.length === 0 && position === undefined)) return;
    navigator.sendBeacon?.('/api/progress', new Blob([this.body(intervals, position)], { type: 'application/json' }));
  }
}
